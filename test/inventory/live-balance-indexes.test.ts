import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres, type Tx } from '../../src/adapters/db/database.js';
import { CANDIDATES } from '../../src/app/orders/stock-candidates.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

const NOW = '2026-02-01T09:00:00.000Z';
/** Empty rows a bin × SKU keeps after a year of lots coming and going, per live one. */
const EMPTY_ROWS = 300;

/** The plan of a statement, as text, with the parameters bound. */
async function planOf(trx: Tx, text: string, parameters: unknown[]): Promise<string> {
  if (isPostgres(trx)) {
    // Small tables are read whole on PostgreSQL; the question is whether the index can serve.
    await sql`set local enable_seqscan = off`.execute(trx);
    const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${text}`, parameters),
    );
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  }
  const result = await trx.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${text}`, parameters),
  );
  return result.rows.map((r) => r.detail).join('\n');
}

/**
 * Allocation reads a SKU's stock through the index of live balances (migration 0026), so the
 * empty rows a SKU leaves behind in every bin it ever touched are not read on each order.
 */
describe.each(dialects)('live balance indexes on %s', (dialect) => {
  let store: TestStore;
  let wh: WarehouseFixture;
  let skuId: number;

  beforeAll(async () => {
    store = await freshStore(dialect);
    wh = await insertWarehouse(store.database, 'LIVE', 2);
    skuId = await insertSku(store.database, 'KIBBLE-LIVE', false);
    await store.database.write(async (trx) => {
      const rows = Array.from({ length: EMPTY_ROWS + 1 }, (_, lot) => ({
        location_id: wh.bins[lot % 2]!,
        sku_id: skuId,
        lot_id: lot,
        warehouse_id: wh.id,
        on_hand: lot === EMPTY_ROWS ? 10 : 0,
        allocated: 0,
        updated_at: NOW,
      }));
      await trx.insertInto('stock_balances').values(rows).execute();
    });
    if (dialect === 'postgres') await sql`analyze stock_balances`.execute(store.database.db);
  });
  afterAll(async () => store?.drop());

  it('allocation candidates are read by the index of balances holding stock', async () => {
    const plan = await store.database.write((trx) =>
      planOf(trx, isPostgres(trx) ? CANDIDATES.postgres : CANDIDATES.sqlite, [
        JSON.stringify([skuId]),
        '2026-02-01',
      ]),
    );
    // PostgreSQL may walk the live rows by bin rather than by SKU: either way, only live rows.
    expect(plan).toMatch(/stock_balances_live_(sku|location)/);
  });
});
