import type { Kysely, Migration } from 'kysely';
import { big, notNull, withId, type Ddl } from './columns.js';

/**
 * RFID serials: every EPC received (one tag is one item, so a tag is received once, ever) and
 * every EPC counted in a count task (one tag counts once per task, however often it is read).
 */
export function epcSerials(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(ddl, db.schema.createTable('received_epcs'))
        .addColumn('epc', 'text', (c) => c.notNull().unique())
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('gtin', 'text', notNull)
        .addColumn('serial', 'text', notNull)
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('receipt_id', big, (c) => c.notNull().references('receipts.id'))
        .addColumn('received_at', 'text', notNull)
        .execute();
      await withId(ddl, db.schema.createTable('counted_epcs'))
        .addColumn('count_task_id', big, (c) => c.notNull().references('count_tasks.id'))
        .addColumn('epc', 'text', notNull)
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('counted_at', 'text', notNull)
        .addUniqueConstraint('counted_epcs_task_epc', ['count_task_id', 'epc'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('counted_epcs').execute();
      await db.schema.dropTable('received_epcs').execute();
    },
  };
}
