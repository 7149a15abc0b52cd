import { sql, type Kysely, type Migration } from 'kysely';
import { big, notNull, withId, type Ddl } from './columns.js';

/** Catalog, warehouses and locations, lots, the stock ledger, API keys, idempotency, outbox. */
export function foundation(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(ddl, db.schema.createTable('skus'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', notNull)
        .addColumn('category', 'text', notNull)
        .addColumn('gtin', 'text', (c) => c.unique())
        .addColumn('base_unit', 'text', (c) => c.notNull().defaultTo('each'))
        .addColumn('weight_g', 'integer')
        .addColumn('length_mm', 'integer')
        .addColumn('width_mm', 'integer')
        .addColumn('height_mm', 'integer')
        .addColumn('lot_tracked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('shelf_life_days', 'integer')
        .addColumn('standard_cost_minor', big, (c) =>
          c
            .notNull()
            .defaultTo(0)
            .check(sql`standard_cost_minor >= 0`),
        )
        .addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD'))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .execute();
      await db.schema.createIndex('skus_category').on('skus').column('category').execute();

      await withId(ddl, db.schema.createTable('sku_packs'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id').onDelete('cascade'))
        .addColumn('level', 'text', notNull)
        .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('gtin', 'text', (c) => c.unique())
        .addColumn('weight_g', 'integer')
        .addColumn('length_mm', 'integer')
        .addColumn('width_mm', 'integer')
        .addColumn('height_mm', 'integer')
        .addUniqueConstraint('sku_packs_level', ['sku_id', 'level'])
        .execute();

      await withId(ddl, db.schema.createTable('warehouses'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', notNull)
        .addColumn('time_zone', 'text', notNull)
        .addColumn('address_line1', 'text', notNull)
        .addColumn('address_line2', 'text')
        .addColumn('city', 'text', notNull)
        .addColumn('region', 'text')
        .addColumn('postal_code', 'text', notNull)
        .addColumn('country', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .execute();

      await withId(ddl, db.schema.createTable('locations'))
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('code', 'text', notNull)
        .addColumn('barcode', 'text', (c) => c.unique())
        .addColumn('type', 'text', notNull)
        .addColumn('virtual', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('zone', 'text')
        .addColumn('aisle', 'text')
        .addColumn('bay', 'text')
        .addColumn('level', 'text')
        .addColumn('bin', 'text')
        .addColumn('pick_sequence', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('capacity_units', 'integer')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', notNull)
        .addUniqueConstraint('locations_code', ['warehouse_id', 'code'])
        .execute();
      await db.schema
        .createIndex('locations_type')
        .on('locations')
        .columns(['warehouse_id', 'type'])
        .execute();

      await withId(ddl, db.schema.createTable('lots'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('code', 'text', notNull)
        .addColumn('expiry_date', 'text')
        .addColumn('created_at', 'text', notNull)
        .addUniqueConstraint('lots_code', ['sku_id', 'code'])
        .execute();

      // Append-only: rows are inserted, never updated or deleted.
      await withId(ddl, db.schema.createTable('stock_movements'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('lot_id', big, (c) => c.notNull().defaultTo(0))
        .addColumn('from_location_id', big, (c) => c.notNull().references('locations.id'))
        .addColumn('to_location_id', big, (c) => c.notNull().references('locations.id'))
        .addColumn('quantity', big, (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('type', 'text', notNull)
        .addColumn('reason_code', 'text')
        .addColumn('reference', 'text')
        .addColumn('actor', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .addCheckConstraint('stock_movements_distinct', sql`from_location_id <> to_location_id`)
        .execute();
      await db.schema
        .createIndex('stock_movements_sku')
        .on('stock_movements')
        .columns(['sku_id', 'id'])
        .execute();
      await db.schema
        .createIndex('stock_movements_from')
        .on('stock_movements')
        .columns(['from_location_id', 'id'])
        .execute();
      await db.schema
        .createIndex('stock_movements_to')
        .on('stock_movements')
        .columns(['to_location_id', 'id'])
        .execute();
      await db.schema
        .createIndex('stock_movements_created')
        .on('stock_movements')
        .column('created_at')
        .execute();

      // A projection of the movements, kept in the same transaction. The CHECKs are the last
      // line of defence against overselling: a balance row (kept for real locations, scrap and
      // in transit — never for the external mirrors) never goes below zero or its reservations.
      await db.schema
        .createTable('stock_balances')
        .addColumn('location_id', big, (c) => c.notNull().references('locations.id'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('lot_id', big, (c) => c.notNull())
        .addColumn('warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('on_hand', big, (c) => c.notNull().defaultTo(0))
        .addColumn('allocated', big, (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', notNull)
        .addPrimaryKeyConstraint('stock_balances_pk', ['location_id', 'sku_id', 'lot_id'])
        .addCheckConstraint('stock_balances_allocated', sql`allocated >= 0`)
        .addCheckConstraint('stock_balances_on_hand', sql`on_hand >= allocated`)
        .execute();
      await db.schema
        .createIndex('stock_balances_sku')
        .on('stock_balances')
        .columns(['sku_id', 'warehouse_id'])
        .execute();

      await withId(ddl, db.schema.createTable('transfers'))
        .addColumn('sku_id', big, (c) => c.notNull().references('skus.id'))
        .addColumn('lot_id', big, (c) => c.notNull().defaultTo(0))
        .addColumn('quantity', big, (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('from_warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('to_warehouse_id', big, (c) => c.notNull().references('warehouses.id'))
        .addColumn('from_location_id', big, (c) => c.notNull().references('locations.id'))
        .addColumn('to_location_id', big, (c) => c.references('locations.id'))
        .addColumn('status', 'text', notNull)
        .addColumn('actor', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .addColumn('received_at', 'text')
        .execute();

      await withId(ddl, db.schema.createTable('api_keys'))
        .addColumn('name', 'text', notNull)
        .addColumn('prefix', 'text', notNull)
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', notNull)
        .addColumn('customer_id', big)
        .addColumn('created_at', 'text', notNull)
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('api_key_id', big, (c) => c.notNull())
        .addColumn('key', 'text', notNull)
        .addColumn('request_hash', 'text', notNull)
        .addColumn('status_code', 'integer', notNull)
        .addColumn('response_body', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['api_key_id', 'key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_created')
        .on('idempotency_keys')
        .column('created_at')
        .execute();

      await withId(ddl, db.schema.createTable('outbox_events'))
        .addColumn('event_id', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', notNull)
        .addColumn('aggregate_type', 'text', notNull)
        .addColumn('aggregate_id', 'text', notNull)
        .addColumn('payload', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', notNull)
        .execute();
    },
  };
}
