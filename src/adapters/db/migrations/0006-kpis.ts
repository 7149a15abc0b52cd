import { sql, type Kysely, type Migration } from 'kysely';
import { big, notNull, type Ddl } from './columns.js';

/** KPI aggregates (see schema-kpis.ts) and the indexes the KPI queries on orders need. */
export function kpis(ddl: Ddl): Migration {
  void ddl;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('kpi_stock_days')
        .addColumn('warehouse_id', big, notNull)
        .addColumn('sku_id', big, notNull)
        .addColumn('day', 'text', notNull)
        .addColumn('on_hand', big, notNull)
        .addColumn('sellable', big, notNull)
        .addColumn('issued_units', big, notNull)
        .addColumn('cogs_minor', big, notNull)
        .addColumn('movements', big, notNull)
        .addPrimaryKeyConstraint('kpi_stock_days_pk', ['warehouse_id', 'sku_id', 'day'])
        .execute();
      await db.schema
        .createIndex('kpi_stock_days_day')
        .on('kpi_stock_days')
        .columns(['day'])
        .execute();
      await db.schema
        .createTable('kpi_warehouse_days')
        .addColumn('warehouse_id', big, notNull)
        .addColumn('day', 'text', notNull)
        .addColumn('value_delta_minor', big, notNull)
        .addColumn('stockout_delta', big, notNull)
        .addColumn('tracked_delta', big, notNull)
        .addColumn('issued_units', big, notNull)
        .addColumn('cogs_minor', big, notNull)
        .addPrimaryKeyConstraint('kpi_warehouse_days_pk', ['warehouse_id', 'day'])
        .execute();
      await db.schema
        .createTable('kpi_sku_weeks')
        .addColumn('warehouse_id', big, notNull)
        .addColumn('sku_id', big, notNull)
        .addColumn('week', 'text', notNull)
        .addColumn('issued_units', big, notNull)
        .addColumn('cogs_minor', big, notNull)
        // Keyed by SKU first: ABC/XYZ sums a range of weeks per warehouse × SKU, and reads
        // them in key order instead of sorting ~40k rows a year into groups.
        .addPrimaryKeyConstraint('kpi_sku_weeks_pk', ['warehouse_id', 'sku_id', 'week'])
        .execute();
      await db.schema
        .createTable('kpi_stock_positions')
        .addColumn('warehouse_id', big, notNull)
        .addColumn('sku_id', big, notNull)
        .addColumn('day', 'text', notNull)
        .addColumn('on_hand', big, notNull)
        .addColumn('sellable', big, notNull)
        .addPrimaryKeyConstraint('kpi_stock_positions_pk', ['warehouse_id', 'sku_id'])
        .execute();
      await db.schema
        .createTable('kpi_watermarks')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('last_movement_id', big, notNull)
        .addColumn('refreshed_at', 'text', notNull)
        .execute();
      await db.schema
        .createTable('kpi_order_facts')
        .addColumn('order_id', big, (c) => c.primaryKey())
        .addColumn('customer_id', big, notNull)
        .addColumn('warehouse_id', big)
        .addColumn('created_at', 'text', notNull)
        .addColumn('first_shipped_at', 'text', notNull)
        .addColumn('last_shipped_at', 'text', notNull)
        .addColumn('shipments', big, notNull)
        .addColumn('promised_delivered', big, notNull)
        .addColumn('on_time', big, notNull)
        .addColumn('lines', big, notNull)
        .addColumn('lines_filled', big, notNull)
        .addColumn('units_ordered', big, notNull)
        .addColumn('units_shipped', big, notNull)
        .addColumn('revenue_minor', big, notNull)
        .execute();
      await db.schema
        .createIndex('kpi_order_facts_first_shipped')
        .on('kpi_order_facts')
        .columns(['first_shipped_at'])
        .execute();
      // Order KPIs pick their orders by ship time.
      await db.schema
        .createIndex('kpi_shipments_shipped_at')
        .on('shipments')
        .columns(['shipped_at'])
        .execute();
      // …and look up, per order, short picks and wrong-item returns (order accuracy).
      const byOrder: [string, string][] = [
        ['kpi_pick_tasks_order', 'pick_tasks'],
        ['kpi_pick_task_allocations_order', 'pick_task_allocations'],
        ['kpi_returns_order', 'returns'],
      ];
      for (const [name, table] of byOrder)
        await db.schema.createIndex(name).on(table).column('order_id').execute();
      // A report reads the flags of its whole order id range at once: only the short pick
      // tasks and the backorder events, not every task or event of those orders.
      await db.schema
        .createIndex('kpi_pick_tasks_short')
        .on('pick_tasks')
        .columns(['order_id', 'id'])
        .where(sql.ref('short_quantity'), '>', 0)
        .execute();
      await db.schema
        .createIndex('kpi_order_events_backordered')
        .on('order_events')
        .columns(['type', 'order_id'])
        .execute();
    },
  };
}
