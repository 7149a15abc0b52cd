import { sql, type Kysely, type Migration, type SqlBool } from 'kysely';

/**
 * Balances with stock, by SKU and by bin. A balance row stays when its bin empties (at zero),
 * so a year of receipts, FEFO picks and refills leaves about ten empty rows per live one, and
 * every read by SKU or by bin — allocation candidates, put-away's empty bins and bin contents,
 * pick-face levels, the nightly run's available stock — walked them all: the simulated day grew
 * slower with the history (issue 15). These partial indexes hold only rows with `on_hand > 0`;
 * the reads say `on_hand > 0` (as a literal, so both SQLite and PostgreSQL match the index).
 */
export function liveBalanceIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('stock_balances_live_sku')
        .on('stock_balances')
        .columns(['sku_id', 'warehouse_id'])
        .where(sql<SqlBool>`on_hand > 0`)
        .execute();
      await db.schema
        .createIndex('stock_balances_live_location')
        .on('stock_balances')
        .column('location_id')
        .where(sql<SqlBool>`on_hand > 0`)
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('stock_balances_live_location').execute();
      await db.schema.dropIndex('stock_balances_live_sku').execute();
    },
  };
}
