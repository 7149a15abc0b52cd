import { sql, type Kysely, type Migration } from 'kysely';
import { big, notNull, withId, type Ddl } from './columns.js';

/** Waves and pick tasks, count tasks, cartons with SSCCs, shipments, invoice lines, returns. */
export function fulfillment(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sequences')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', big, notNull)
        .execute();

      await withId(ddl, db.schema.createTable('waves'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('status', 'text', notNull)
        .addColumn('pick_mode', 'text', notNull)
        .addColumn('carrier_code', 'text')
        .addColumn('cutoff_at', 'text')
        .addColumn('created_by', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .addColumn('released_at', 'text')
        .addColumn('completed_at', 'text')
        .execute();

      await db.schema
        .createTable('wave_orders')
        .addColumn('wave_id', big, (c) => c.notNull().references('waves.id'))
        .addColumn('order_id', big, (c) => c.notNull().references('orders.id'))
        .addPrimaryKeyConstraint('wave_orders_pk', ['wave_id', 'order_id'])
        .execute();
      await db.schema
        .createIndex('wave_orders_order')
        .on('wave_orders')
        .column('order_id')
        .execute();

      // One task per bin and lot to visit; in batch mode it serves several orders (pick_task_allocations).
      await withId(ddl, db.schema.createTable('pick_tasks'))
        .addColumn('wave_id', big, (c) => c.notNull().references('waves.id'))
        .addColumn('order_id', big, (c) => c.references('orders.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('lot_id', big, (c) => c.notNull().defaultTo(0))
        .addColumn('location_id', big, (c) => c.notNull().references('locations.id'))
        .addColumn('zone', 'text')
        .addColumn('sequence', 'integer', notNull)
        .addColumn('quantity', big, (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('picked_quantity', big, (c) => c.notNull().defaultTo(0))
        .addColumn('short_quantity', big, (c) => c.notNull().defaultTo(0))
        .addColumn('short_reason', 'text')
        .addColumn('status', 'text', notNull)
        .addColumn('tote', 'text')
        .addColumn('picker', 'text')
        .addColumn('completed_at', 'text')
        .addCheckConstraint(
          'pick_tasks_quantities',
          sql`picked_quantity >= 0 and short_quantity >= 0 and picked_quantity + short_quantity <= quantity`,
        )
        .execute();
      await db.schema
        .createIndex('pick_tasks_wave')
        .on('pick_tasks')
        .columns(['wave_id', 'sequence'])
        .execute();

      await db.schema
        .createTable('pick_task_allocations')
        .addColumn('pick_task_id', big, (c) => c.notNull().references('pick_tasks.id'))
        .addColumn('allocation_id', big, (c) => c.notNull().references('allocations.id'))
        .addColumn('order_id', big, (c) => c.notNull().references('orders.id'))
        .addColumn('quantity', big, (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('picked_quantity', big, (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('pick_task_allocations_pk', ['pick_task_id', 'allocation_id'])
        .execute();

      // Work for counters: short picks land here; cycle counting (a later issue) adds its own.
      await withId(ddl, db.schema.createTable('count_tasks'))
        .addColumn('location_id', big, (c) => c.notNull().references('locations.id'))
        .addColumn('sku_id', big, (c) => c.references('skus.id'))
        .addColumn('reason', 'text', notNull)
        .addColumn('status', 'text', notNull)
        .addColumn('reference', 'text')
        .addColumn('created_at', 'text', notNull)
        .addColumn('completed_at', 'text')
        .execute();

      await withId(ddl, db.schema.createTable('carton_types'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', notNull)
        .addColumn('length_mm', 'integer', notNull)
        .addColumn('width_mm', 'integer', notNull)
        .addColumn('height_mm', 'integer', notNull)
        .addColumn('max_weight_g', 'integer', notNull)
        .addColumn('tare_weight_g', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await withId(ddl, db.schema.createTable('shipments'))
        .addColumn('order_id', big, (c) => c.notNull().references('orders.id'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('carrier_code', 'text', notNull)
        .addColumn('service', 'text', notNull)
        .addColumn('tracking_number', 'text')
        .addColumn('cost_minor', big, (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', notNull)
        .addColumn('shipped_at', 'text', notNull)
        .addColumn('promised_date', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('pod_name', 'text')
        .addColumn('pod_note', 'text')
        .execute();
      await db.schema.createIndex('shipments_order').on('shipments').column('order_id').execute();

      await withId(ddl, db.schema.createTable('cartons'))
        .addColumn('order_id', big, (c) => c.notNull().references('orders.id'))
        .addColumn('carton_type_id', big, (c) => c.references('carton_types.id'))
        .addColumn('sscc', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', notNull)
        .addColumn('weight_g', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('shipment_id', big, (c) => c.references('shipments.id'))
        .addColumn('created_by', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema.createIndex('cartons_order').on('cartons').column('order_id').execute();

      await withId(ddl, db.schema.createTable('carton_contents'))
        .addColumn('carton_id', big, (c) => c.notNull().references('cartons.id'))
        .addColumn('order_line_id', big, (c) => c.notNull().references('order_lines.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('lot_id', big, (c) => c.notNull().defaultTo(0))
        .addColumn('quantity', big, (c) => c.notNull().check(sql`quantity > 0`))
        .execute();
      await db.schema
        .createIndex('carton_contents_carton')
        .on('carton_contents')
        .column('carton_id')
        .execute();

      await withId(ddl, db.schema.createTable('invoice_lines'))
        .addColumn('invoice_id', big, (c) => c.notNull().references('invoices.id'))
        .addColumn('order_line_id', big, (c) => c.notNull().references('order_lines.id'))
        .addColumn('quantity', big, notNull)
        .addColumn('unit_price_minor', big, notNull)
        .addColumn('amount_minor', big, notNull)
        .execute();

      await withId(ddl, db.schema.createTable('returns'))
        .addColumn('order_id', big, (c) => c.notNull().references('orders.id'))
        .addColumn('customer_id', big, (c) => c.notNull().references('customers.id'))
        .addColumn('status', 'text', notNull)
        .addColumn('reason', 'text', notNull)
        .addColumn('notes', 'text')
        .addColumn('credit_minor', big, (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .addColumn('closed_at', 'text')
        .execute();

      await withId(ddl, db.schema.createTable('return_lines'))
        .addColumn('return_id', big, (c) => c.notNull().references('returns.id'))
        .addColumn('order_line_id', big, (c) => c.notNull().references('order_lines.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('quantity_authorized', big, (c) =>
          c.notNull().check(sql`quantity_authorized > 0`),
        )
        .addColumn('quantity_received', big, (c) => c.notNull().defaultTo(0))
        .addColumn('lot_id', big, (c) => c.notNull().defaultTo(0))
        .addColumn('disposition', 'text')
        .addColumn('location_id', big, (c) => c.references('locations.id'))
        .addColumn('credit_minor', big, (c) => c.notNull().defaultTo(0))
        .addCheckConstraint(
          'return_lines_received',
          sql`quantity_received >= 0 and quantity_received <= quantity_authorized`,
        )
        .execute();
    },
  };
}
