import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Expiry write-offs: the expiry sweep moves lots past their date out of sellable bins with a
 * movement whose reason is `expired`. The KPI of those write-offs reads them by day through
 * this partial index (a handful of rows a day), never by scanning the ledger.
 */
export function expiryWriteOffs(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`create index stock_movements_expired on stock_movements (created_at)
        where reason_code = 'expired'`.execute(db);
    },
  };
}
