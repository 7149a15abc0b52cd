import { sql, type Kysely, type Migration } from 'kysely';
import type { Ddl } from './columns.js';

/**
 * A counter that every change of order-entry master data moves (SKUs, packs, price lists and
 * prices, order and shelf-life rules, customers and ship-tos), kept by triggers so that no write
 * path can forget it — another process's included. Order entry caches master data in process
 * and reads this one row per order: a changed number empties the cache.
 *
 * Customers are counted on changes of what an order reads, not on `updated_at` alone: order
 * entry takes the account's row (an `updated_at = updated_at` update) as its credit lock.
 */
export function masterDataVersion(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('master_data_version')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into master_data_version (id, version) values (1, 0)`.execute(db);
      if (ddl.dialect === 'postgres') await postgresTriggers(db);
      else await sqliteTriggers(db);
    },
    async down(db: Kysely<unknown>) {
      if (ddl.dialect === 'postgres') {
        for (const table of [...WATCHED, 'customers'])
          await sql.raw(`drop trigger if exists ${table}_master_data on ${table}`).execute(db);
        await sql`drop trigger if exists customers_master_data_update on customers`.execute(db);
        await sql`drop function if exists bump_master_data_version()`.execute(db);
        await sql`drop sequence if exists master_data_version_seq`.execute(db);
      } else {
        for (const table of [...WATCHED, 'customers'])
          for (const op of ['insert', 'update', 'delete'])
            await sql.raw(`drop trigger if exists ${table}_master_data_${op}`).execute(db);
      }
      await db.schema.dropTable('master_data_version').execute();
    },
  };
}

/** Tables whose every change moves the version. */
const WATCHED = [
  'skus',
  'sku_packs',
  'sku_order_rules',
  'price_lists',
  'price_list_prices',
  'customer_prices',
  'customer_sku_rules',
  'customer_ship_tos',
];

/** The customer columns an order reads: a change of any of them moves the version. */
const CUSTOMER_COLUMNS = [
  'account_number',
  'price_list_id',
  'currency',
  'payment_terms_days',
  'credit_limit_minor',
  'on_hold',
  'hold_reason',
  'priority',
  'preferred_warehouse_id',
  'ship_complete',
  'allow_backorders',
  'min_remaining_shelf_life_days',
  'active',
].join(', ');

/**
 * A new version is never one seen before, even after a rollback: a transaction that changed a
 * price, cached it and rolled back must not leave its numbers valid for a later change.
 * PostgreSQL draws from a sequence (never rolled back); SQLite from its 63-bit random source.
 */
const BUMP = {
  sqlite: 'update master_data_version set version = abs(random()) % 9007199254740991 where id = 1;',
  postgres:
    "update master_data_version set version = nextval('master_data_version_seq') where id = 1;",
};

async function sqliteTriggers(db: Kysely<unknown>) {
  for (const table of WATCHED) {
    for (const op of ['insert', 'update', 'delete'])
      await sql
        .raw(
          `create trigger ${table}_master_data_${op} after ${op} on ${table} begin ${BUMP.sqlite} end`,
        )
        .execute(db);
  }
  for (const op of ['insert', 'delete'])
    await sql
      .raw(
        `create trigger customers_master_data_${op} after ${op} on customers begin ${BUMP.sqlite} end`,
      )
      .execute(db);
  await sql
    .raw(
      `create trigger customers_master_data_update after update of ${CUSTOMER_COLUMNS} on customers begin ${BUMP.sqlite} end`,
    )
    .execute(db);
}

/** Statement-level triggers: a bulk import moves the version once per statement, not per row. */
async function postgresTriggers(db: Kysely<unknown>) {
  await sql`create sequence master_data_version_seq`.execute(db);
  await sql
    .raw(
      `create function bump_master_data_version() returns trigger language plpgsql as $$ begin ${BUMP.postgres} return null; end $$`,
    )
    .execute(db);
  for (const table of WATCHED)
    await sql
      .raw(
        `create trigger ${table}_master_data after insert or update or delete or truncate on ${table} for each statement execute function bump_master_data_version()`,
      )
      .execute(db);
  await sql
    .raw(
      `create trigger customers_master_data after insert or delete or truncate on customers for each statement execute function bump_master_data_version()`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger customers_master_data_update after update of ${CUSTOMER_COLUMNS} on customers for each statement execute function bump_master_data_version()`,
    )
    .execute(db);
}
