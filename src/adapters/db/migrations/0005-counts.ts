import { sql, type Kysely, type Migration } from 'kysely';
import { big, float, notNull, withId, type Ddl } from './columns.js';

/** Cycle count plans, count lines, and the count task columns a blind, live count needs. */
export function counts(ddl: Ddl): Migration {
  const real = float(ddl);
  return {
    async up(db: Kysely<unknown>) {
      await withId(ddl, db.schema.createTable('count_plans'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('name', 'text', notNull)
        .addColumn('basis', 'text', notNull)
        .addColumn('abc_class', 'text')
        .addColumn('zone', 'text')
        .addColumn('frequency_days', 'integer', (c) => c.notNull().check(sql`frequency_days > 0`))
        .addColumn('recount_threshold_pct', real, (c) => c.notNull().defaultTo(5))
        .addColumn('recount_threshold_units', big, (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('last_generated_on', 'text')
        .addColumn('created_at', 'text', notNull)
        .execute();

      const columns: [string, 'text' | typeof big][] = [
        ['warehouse_id', big],
        ['plan_id', big],
        ['recount_of_id', big],
        ['due_date', 'text'],
        ['started_movement_id', big],
        ['started_at', 'text'],
        ['counted_by', 'text'],
        ['approved_by', 'text'],
        ['approved_at', 'text'],
      ];
      for (const [name, type] of columns) {
        await db.schema.alterTable('count_tasks').addColumn(name, type).execute();
      }
      await db.schema
        .createIndex('count_tasks_open')
        .on('count_tasks')
        .columns(['warehouse_id', 'status'])
        .execute();
      await db.schema
        .createIndex('count_tasks_location')
        .on('count_tasks')
        .columns(['location_id', 'status'])
        .execute();

      await withId(ddl, db.schema.createTable('count_lines'))
        .addColumn('count_task_id', big, (c) => c.notNull().references('count_tasks.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('lot_id', big, (c) => c.notNull().defaultTo(0))
        .addColumn('counted_quantity', big, (c) => c.notNull().check(sql`counted_quantity >= 0`))
        .addColumn('system_quantity', big, (c) => c.notNull().check(sql`system_quantity >= 0`))
        .addColumn('unit_cost_minor', big, (c) => c.notNull().defaultTo(0))
        .addColumn('movement_id', big, (c) => c.references('stock_movements.id'))
        .addColumn('counted_at', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('count_lines_task')
        .on('count_lines')
        .column('count_task_id')
        .execute();
      await db.schema
        .createIndex('count_lines_counted')
        .on('count_lines')
        .column('counted_at')
        .execute();
    },
  };
}
