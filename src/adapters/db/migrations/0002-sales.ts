import { sql, type Kysely, type Migration } from 'kysely';
import { big, notNull, withId, type Ddl } from './columns.js';

/** Customers, price lists, order quantity rules, sales orders, allocations, invoices. */
export function sales(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(ddl, db.schema.createTable('price_lists'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', notNull)
        .addColumn('currency', 'text', notNull)
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', notNull)
        .execute();

      await withId(ddl, db.schema.createTable('customers'))
        .addColumn('account_number', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', notNull)
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('bill_to_line1', 'text', notNull)
        .addColumn('bill_to_line2', 'text')
        .addColumn('bill_to_city', 'text', notNull)
        .addColumn('bill_to_region', 'text')
        .addColumn('bill_to_postal_code', 'text', notNull)
        .addColumn('bill_to_country', 'text', notNull)
        .addColumn('price_list_id', big, (c) => c.references('price_lists.id'))
        .addColumn('currency', 'text', notNull)
        .addColumn('payment_terms_days', 'integer', (c) => c.notNull().defaultTo(30))
        .addColumn('credit_limit_minor', big)
        .addColumn('on_hold', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('hold_reason', 'text')
        .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(5))
        .addColumn('preferred_warehouse_id', big, (c) => c.references('warehouses.id'))
        .addColumn('ship_complete', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('allow_backorders', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('min_remaining_shelf_life_days', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .execute();

      await withId(ddl, db.schema.createTable('customer_ship_tos'))
        .addColumn('customer_id', big, (c) => c.notNull().references('customers.id'))
        .addColumn('code', 'text', notNull)
        .addColumn('name', 'text', notNull)
        .addColumn('line1', 'text', notNull)
        .addColumn('line2', 'text')
        .addColumn('city', 'text', notNull)
        .addColumn('region', 'text')
        .addColumn('postal_code', 'text', notNull)
        .addColumn('country', 'text', notNull)
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('customer_ship_tos_code', ['customer_id', 'code'])
        .execute();

      // Per-SKU exceptions to a customer's minimum remaining shelf life.
      await db.schema
        .createTable('customer_sku_rules')
        .addColumn('customer_id', big, (c) => c.notNull().references('customers.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('min_remaining_shelf_life_days', 'integer', notNull)
        .addPrimaryKeyConstraint('customer_sku_rules_pk', ['customer_id', 'sku_id'])
        .execute();

      // A price per pack of the given level, from min_quantity packs up (volume tiers): on a
      // price list, or agreed with one customer (which wins over the list).
      await createPriceTable(db, ddl, 'price_list_prices', 'price_list_id', 'price_lists.id');
      await createPriceTable(db, ddl, 'customer_prices', 'customer_id', 'customers.id');

      await db.schema
        .createTable('sku_order_rules')
        .addColumn('sku_id', big, (c) => c.primaryKey().references('skus.id'))
        .addColumn('min_order_quantity', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('order_multiple', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('rounding', 'text', (c) => c.notNull().defaultTo('reject'))
        .execute();

      await withId(ddl, db.schema.createTable('orders'))
        .addColumn('customer_id', big, (c) => c.notNull().references('customers.id'))
        .addColumn('customer_po', 'text')
        .addColumn('ship_to_id', big, (c) => c.references('customer_ship_tos.id'))
        .addColumn('requested_ship_date', 'text')
        .addColumn('status', 'text', notNull)
        .addColumn('hold_reason', 'text')
        .addColumn('warehouse_id', big, (c) => c.references('warehouses.id'))
        .addColumn('priority', 'integer', notNull)
        .addColumn('currency', 'text', notNull)
        .addColumn('total_minor', big, (c) => c.notNull().defaultTo(0))
        .addColumn('source', 'text', notNull)
        .addColumn('notes', 'text')
        .addColumn('created_by', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex('orders_customer')
        .on('orders')
        .columns(['customer_id', 'id'])
        .execute();
      await db.schema.createIndex('orders_status').on('orders').columns(['status', 'id']).execute();

      // Quantities in base units. allocated counts stock held or already picked for the line.
      await withId(ddl, db.schema.createTable('order_lines'))
        .addColumn('order_id', big, (c) => c.notNull().references('orders.id'))
        .addColumn('line_number', 'integer', notNull)
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('pack_level', 'text', notNull)
        .addColumn('pack_quantity', 'integer', notNull)
        .addColumn('quantity_ordered', big, (c) => c.notNull().check(sql`quantity_ordered > 0`))
        .addColumn('quantity_allocated', big, (c) => c.notNull().defaultTo(0))
        .addColumn('quantity_picked', big, (c) => c.notNull().defaultTo(0))
        .addColumn('quantity_shipped', big, (c) => c.notNull().defaultTo(0))
        .addColumn('quantity_backordered', big, (c) => c.notNull().defaultTo(0))
        .addColumn('quantity_cancelled', big, (c) => c.notNull().defaultTo(0))
        .addColumn('unit_price_minor', big, (c) => c.notNull().check(sql`unit_price_minor >= 0`))
        .addColumn('line_total_minor', big, notNull)
        .addColumn('price_source', 'text', notNull)
        .addColumn('notes', 'text')
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .addUniqueConstraint('order_lines_number', ['order_id', 'line_number'])
        .addCheckConstraint(
          'order_lines_nonneg',
          sql`quantity_allocated >= 0 and quantity_picked >= 0 and quantity_shipped >= 0 and quantity_backordered >= 0 and quantity_cancelled >= 0`,
        )
        .addCheckConstraint(
          'order_lines_flow',
          sql`quantity_shipped <= quantity_picked and quantity_picked <= quantity_allocated and quantity_allocated + quantity_cancelled <= quantity_ordered`,
        )
        .addCheckConstraint(
          'order_lines_backorder',
          sql`quantity_backordered + quantity_allocated + quantity_cancelled <= quantity_ordered`,
        )
        .execute();
      await db.schema
        .createIndex('order_lines_order')
        .on('order_lines')
        .column('order_id')
        .execute();
      await db.schema
        .createIndex('order_lines_backorders')
        .on('order_lines')
        .columns(['sku_id', 'quantity_backordered'])
        .execute();

      // A reservation of stock at a bin and lot for an order line; resolved exactly once per unit
      // (picked, released or expired), each resolution a new row in allocation_resolutions.
      await withId(ddl, db.schema.createTable('allocations'))
        .addColumn('order_id', big, (c) => c.notNull().references('orders.id'))
        .addColumn('order_line_id', big, (c) => c.notNull().references('order_lines.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('lot_id', big, (c) => c.notNull().defaultTo(0))
        .addColumn('location_id', big, (c) => c.notNull().references('locations.id'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('quantity', big, (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('remaining', big, (c) => c.notNull())
        .addColumn('created_at', 'text', notNull)
        .addCheckConstraint('allocations_remaining', sql`remaining >= 0 and remaining <= quantity`)
        .execute();
      await db.schema
        .createIndex('allocations_line')
        .on('allocations')
        .column('order_line_id')
        .execute();
      await db.schema
        .createIndex('allocations_order')
        .on('allocations')
        .column('order_id')
        .execute();

      await withId(ddl, db.schema.createTable('allocation_resolutions'))
        .addColumn('allocation_id', big, (c) => c.notNull().references('allocations.id'))
        .addColumn('kind', 'text', notNull)
        .addColumn('quantity', big, (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('reference', 'text')
        .addColumn('created_at', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('allocation_resolutions_allocation')
        .on('allocation_resolutions')
        .column('allocation_id')
        .execute();

      // The order's timeline: who did what, when.
      await withId(ddl, db.schema.createTable('order_events'))
        .addColumn('order_id', big, (c) => c.notNull().references('orders.id'))
        .addColumn('type', 'text', notNull)
        .addColumn('actor', 'text', notNull)
        .addColumn('data', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('order_events_order')
        .on('order_events')
        .columns(['order_id', 'id'])
        .execute();

      await withId(ddl, db.schema.createTable('invoices'))
        .addColumn('customer_id', big, (c) => c.notNull().references('customers.id'))
        .addColumn('order_id', big, (c) => c.references('orders.id'))
        .addColumn('currency', 'text', notNull)
        .addColumn('total_minor', big, notNull)
        .addColumn('paid_minor', big, (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', notNull)
        .addColumn('issued_at', 'text', notNull)
        .addColumn('due_date', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('invoices_customer')
        .on('invoices')
        .columns(['customer_id', 'status'])
        .execute();
    },
  };
}

/** The two price tables share their shape; only the owner (list or customer) differs. */
async function createPriceTable(
  db: Kysely<unknown>,
  ddl: Ddl,
  table: string,
  owner: string,
  ownerRef: string,
) {
  await withId(ddl, db.schema.createTable(table))
    .addColumn(owner, big, (c) => c.notNull().references(ownerRef))
    .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
    .addColumn('pack_level', 'text', notNull)
    .addColumn('min_quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('unit_price_minor', big, (c) => c.notNull().check(sql`unit_price_minor >= 0`))
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema.createIndex(`${table}_lookup`).on(table).columns([owner, 'sku_id']).execute();
}
