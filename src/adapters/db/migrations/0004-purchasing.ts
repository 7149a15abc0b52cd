import { sql, type Kysely, type Migration } from 'kysely';
import { big, float, notNull, withId, type Ddl } from './columns.js';

/** Suppliers, purchase orders, receipts, put-away and replenishment tasks, planning. */
export function purchasing(ddl: Ddl): Migration {
  const real = float(ddl);
  return {
    async up(db: Kysely<unknown>) {
      await withId(ddl, db.schema.createTable('suppliers'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', notNull)
        .addColumn('contact_name', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('currency', 'text', notNull)
        .addColumn('lead_time_days', 'integer', (c) => c.notNull().check(sql`lead_time_days >= 0`))
        .addColumn('min_order_value_minor', big, (c) => c.notNull().defaultTo(0))
        .addColumn('min_order_quantity', big, (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .execute();

      await withId(ddl, db.schema.createTable('supplier_skus'))
        .addColumn('supplier_id', big, (c) => c.notNull().references('suppliers.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('supplier_sku', 'text')
        .addColumn('cost_minor', big, (c) => c.notNull().check(sql`cost_minor >= 0`))
        .addColumn('min_order_quantity', big, (c) => c.notNull().defaultTo(0))
        .addColumn('order_multiple', big, (c) =>
          c
            .notNull()
            .defaultTo(1)
            .check(sql`order_multiple > 0`),
        )
        .addColumn('lead_time_days', 'integer')
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addUniqueConstraint('supplier_skus_pair', ['supplier_id', 'sku_id'])
        .execute();
      await db.schema
        .createIndex('supplier_skus_sku')
        .on('supplier_skus')
        .column('sku_id')
        .execute();

      await db.schema
        .createTable('sku_planning')
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('preferred_supplier_id', big, (c) => c.references('suppliers.id'))
        .addColumn('abc_class', 'text')
        .addColumn('abc_pinned', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('service_level', real, (c) =>
          c.check(sql`service_level is null or (service_level > 0 and service_level < 1)`),
        )
        .addColumn('review_days', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('use_eoq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', notNull)
        .addPrimaryKeyConstraint('sku_planning_pk', ['sku_id', 'warehouse_id'])
        .execute();

      await db.schema
        .createTable('pick_faces')
        .addColumn('location_id', big, (c) => c.primaryKey().references('locations.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('min_quantity', big, (c) => c.notNull().check(sql`min_quantity >= 0`))
        .addColumn('max_quantity', big, (c) => c.notNull().check(sql`max_quantity > 0`))
        .addCheckConstraint('pick_faces_range', sql`min_quantity < max_quantity`)
        .execute();
      await db.schema.createIndex('pick_faces_sku').on('pick_faces').column('sku_id').execute();

      await withId(ddl, db.schema.createTable('purchase_orders'))
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('supplier_id', big, (c) => c.notNull().references('suppliers.id'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('status', 'text', notNull)
        .addColumn('currency', 'text', notNull)
        .addColumn('expected_date', 'text')
        .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
        .addColumn('replenishment_run_id', big)
        .addColumn('notes', 'text')
        .addColumn('created_by', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addColumn('sent_at', 'text')
        .addColumn('received_at', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('cancelled_at', 'text')
        .execute();
      await db.schema
        .createIndex('purchase_orders_supplier')
        .on('purchase_orders')
        .columns(['supplier_id', 'status'])
        .execute();
      await db.schema
        .createIndex('purchase_orders_status')
        .on('purchase_orders')
        .columns(['status', 'warehouse_id'])
        .execute();

      await withId(ddl, db.schema.createTable('purchase_order_lines'))
        .addColumn('purchase_order_id', big, (c) =>
          c.notNull().references('purchase_orders.id').onDelete('cascade'),
        )
        .addColumn('line_number', 'integer', notNull)
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('supplier_sku', 'text')
        .addColumn('quantity_ordered', big, (c) => c.notNull().check(sql`quantity_ordered > 0`))
        .addColumn('quantity_received', big, (c) => c.notNull().defaultTo(0))
        .addColumn('quantity_damaged', big, (c) => c.notNull().defaultTo(0))
        .addColumn('quantity_cancelled', big, (c) => c.notNull().defaultTo(0))
        .addColumn('unit_cost_minor', big, (c) => c.notNull().check(sql`unit_cost_minor >= 0`))
        .addColumn('expected_date', 'text')
        .addUniqueConstraint('purchase_order_lines_number', ['purchase_order_id', 'line_number'])
        .addCheckConstraint(
          'purchase_order_lines_quantities',
          sql`quantity_received >= 0 and quantity_damaged >= 0 and quantity_damaged <= quantity_received and quantity_cancelled >= 0`,
        )
        .execute();
      await db.schema
        .createIndex('purchase_order_lines_sku')
        .on('purchase_order_lines')
        .column('sku_id')
        .execute();

      await withId(ddl, db.schema.createTable('receipts'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('purchase_order_id', big, (c) => c.references('purchase_orders.id'))
        .addColumn('purchase_order_line_id', big, (c) => c.references('purchase_order_lines.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('lot_id', big, (c) => c.notNull().defaultTo(0))
        .addColumn('quantity', big, (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('damaged', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('location_id', big, (c) => c.notNull().references('locations.id'))
        .addColumn('movement_id', big, (c) => c.notNull().references('stock_movements.id'))
        .addColumn('received_by', 'text', notNull)
        .addColumn('received_at', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('receipts_purchase_order')
        .on('receipts')
        .column('purchase_order_id')
        .execute();

      await withId(ddl, db.schema.createTable('move_tasks'))
        .addColumn('kind', 'text', notNull)
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('lot_id', big, (c) => c.notNull().defaultTo(0))
        .addColumn('quantity', big, (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('from_location_id', big, (c) => c.notNull().references('locations.id'))
        .addColumn('suggested_location_id', big, (c) => c.references('locations.id'))
        .addColumn('to_location_id', big, (c) => c.references('locations.id'))
        .addColumn('status', 'text', notNull)
        .addColumn('receipt_id', big, (c) => c.references('receipts.id'))
        .addColumn('reason', 'text')
        .addColumn('created_at', 'text', notNull)
        .addColumn('completed_at', 'text')
        .addColumn('completed_by', 'text')
        .execute();
      await db.schema
        .createIndex('move_tasks_open')
        .on('move_tasks')
        .columns(['warehouse_id', 'status', 'kind'])
        .execute();

      await db.schema
        .createTable('demand_daily')
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('day', 'text', notNull)
        .addColumn('ordered_quantity', big, (c) => c.notNull().defaultTo(0))
        .addColumn('shipped_quantity', big, (c) => c.notNull().defaultTo(0))
        .addColumn('order_lines', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('censored', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('demand_daily_pk', ['sku_id', 'warehouse_id', 'day'])
        .execute();
      await db.schema.createIndex('demand_daily_day').on('demand_daily').column('day').execute();

      await db.schema
        .createTable('sku_forecasts')
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('method', 'text', notNull)
        .addColumn('demand_class', 'text', notNull)
        .addColumn('period', 'text', notNull)
        .addColumn('forecast', 'text', notNull)
        .addColumn('lower', 'text', notNull)
        .addColumn('upper', 'text', notNull)
        .addColumn('mase', real)
        .addColumn('smape', real)
        .addColumn('bias', real)
        .addColumn('run_id', big)
        .addColumn('computed_at', 'text', notNull)
        .addPrimaryKeyConstraint('sku_forecasts_pk', ['sku_id', 'warehouse_id'])
        .execute();

      await db.schema
        .createTable('reorder_policies')
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('service_level', real, notNull)
        .addColumn('mean_daily_demand', real, notNull)
        .addColumn('sd_daily_demand', real, notNull)
        .addColumn('lead_time_days', real, notNull)
        .addColumn('lead_time_sd_days', real, notNull)
        .addColumn('safety_stock', big, notNull)
        .addColumn('reorder_point', big, notNull)
        .addColumn('order_up_to', big, notNull)
        .addColumn('eoq', big)
        .addColumn('shelf_life_cap', big)
        .addColumn('computed_at', 'text', notNull)
        .addPrimaryKeyConstraint('reorder_policies_pk', ['sku_id', 'warehouse_id'])
        .execute();

      await withId(ddl, db.schema.createTable('replenishment_runs'))
        .addColumn('status', 'text', notNull)
        .addColumn('trigger', 'text', notNull)
        .addColumn('warehouse_id', big, (c) => c.references('warehouses.id'))
        .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('suggestions', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error', 'text')
        .addColumn('started_by', 'text', notNull)
        .addColumn('started_at', 'text', notNull)
        .addColumn('finished_at', 'text')
        .execute();

      await withId(ddl, db.schema.createTable('replenishment_suggestions'))
        .addColumn('run_id', big, (c) => c.notNull().references('replenishment_runs.id'))
        .addColumn('supplier_id', big, (c) => c.notNull().references('suppliers.id'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('quantity', big, (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('needed_quantity', big, notNull)
        .addColumn('available', big, notNull)
        .addColumn('on_order', big, notNull)
        .addColumn('backordered', big, notNull)
        .addColumn('safety_stock', big, notNull)
        .addColumn('reorder_point', big, notNull)
        .addColumn('order_up_to', big, notNull)
        .addColumn('unit_cost_minor', big, notNull)
        .addColumn('days_of_supply', real)
        .addColumn('stockout_date', 'text')
        .addColumn('reason', 'text', notNull)
        .addColumn('status', 'text', notNull)
        .addColumn('purchase_order_id', big, (c) => c.references('purchase_orders.id'))
        .addColumn('created_at', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('replenishment_suggestions_run')
        .on('replenishment_suggestions')
        .columns(['run_id', 'supplier_id'])
        .execute();
      await db.schema
        .createIndex('replenishment_suggestions_status')
        .on('replenishment_suggestions')
        .columns(['status', 'warehouse_id'])
        .execute();

      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', notNull)
        .addColumn('expires_at', 'text', notNull)
        .execute();
    },
  };
}
