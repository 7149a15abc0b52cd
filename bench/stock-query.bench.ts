/**
 * Availability query latency: 100,000 SKUs with stock in 3 bins spread over 2 warehouses
 * (W1 has two bins, W2 one), loaded as receipts from each warehouse's SUPPLIER location with
 * matching bin balances (the external mirrors keep no balance row: see postMovement), then
 * `queryStock(db, { skuId, groupBy: 'warehouse' })` for random SKUs on the read connection.
 * The answers, and the whole ledger (reconcile), are checked before anything is reported.
 */
import { sql, type Insertable } from 'kysely';
import type { Database, DialectName } from '../src/adapters/db/database.js';
import type { StockBalanceTable } from '../src/adapters/db/schema.js';
import { reconcile } from '../src/app/inventory/reconcile.js';
import { queryStock } from '../src/app/inventory/stock-query.js';
import { NOW, insertWarehouse, skuRow, type WarehouseFixture } from './support/fixtures.js';
import { emit, log, scaled, warnLoudly, type Metrics } from './support/report.js';
import { percentile, round, seededRandom, timed } from './support/stats.js';
import { postgresVersion, withStore } from './support/store.js';

const SKUS = scaled(100_000);
/** SKUs per load transaction, and rows per multi-row INSERT (well under both dialects' parameter limits). */
const SKUS_PER_TXN = 10_000;
const ROWS_PER_INSERT = 1_000;
const WARMUP_QUERIES = 200;
const QUERIES = 2_000;
const VERIFY = 8;

/** The quantity received into bin b (0..2) of the i-th SKU: varied, always positive, reproducible. */
const quantity = (i: number, b: number) => 1 + ((i * 37 + b * 101) % 997);

interface Layout {
  w1: WarehouseFixture;
  w2: WarehouseFixture;
  /** SKU id by index. */
  skuIds: number[];
}

async function load(database: Database): Promise<Layout> {
  const writer = database.writer;
  const w1 = await insertWarehouse(writer, 'W1', 2);
  const w2 = await insertWarehouse(writer, 'W2', 1);
  // (warehouse, bin) of each of a SKU's three bins, by b.
  const bins = [w1.bins[0]!, w1.bins[1]!, w2.bins[0]!].map((id, b) => ({
    id,
    wh: b < 2 ? w1 : w2,
  }));
  const skuIds: number[] = [];
  for (let first = 0; first < SKUS; first += SKUS_PER_TXN) {
    const count = Math.min(SKUS_PER_TXN, SKUS - first);
    await writer.transaction().execute(async (trx) => {
      const codes = Array.from({ length: count }, (_, k) => `Q-${first + k}`);
      const idByCode = new Map<string, number>();
      for (const part of chunks(codes)) {
        const rows = await trx
          .insertInto('skus')
          .values(part.map((code) => skuRow(code)))
          .returning(['id', 'code'])
          .execute();
        for (const r of rows) idByCode.set(r.code, r.id);
      }
      const movements = [];
      const balances = [];
      for (let k = 0; k < count; k++) {
        const i = first + k;
        const skuId = idByCode.get(codes[k]!)!;
        skuIds[i] = skuId;
        for (const [b, bin] of bins.entries()) {
          const q = quantity(i, b);
          const supplier = bin.wh.place.supplier!;
          movements.push({
            sku_id: skuId,
            lot_id: 0,
            from_location_id: supplier,
            to_location_id: bin.id,
            quantity: q,
            type: 'receipt',
            reason_code: null,
            reference: null,
            actor: 'bench',
            created_at: NOW,
          });
          balances.push(balance(bin.id, skuId, bin.wh.id, q));
        }
      }
      for (const part of chunks(movements))
        await trx.insertInto('stock_movements').values(part).execute();
      for (const part of chunks(balances))
        await trx.insertInto('stock_balances').values(part).execute();
    });
    log(`${database.dialect}: loaded ${first + count} SKUs`);
  }
  // A freshly loaded PostgreSQL table has no statistics until autovacuum gets to it; production
  // would have them, so gather them now rather than time whichever plan comes first.
  if (database.dialect === 'postgres') await sql`analyze`.execute(writer);
  return { w1, w2, skuIds };
}

/** Typed, so a change to the table's shape breaks this at compile time, not halfway through a load. */
function balance(
  locationId: number,
  skuId: number,
  warehouseId: number,
  onHand: number,
): Insertable<StockBalanceTable> {
  return {
    location_id: locationId,
    sku_id: skuId,
    lot_id: 0,
    warehouse_id: warehouseId,
    on_hand: onHand,
    allocated: 0,
    updated_at: NOW,
  };
}

function* chunks<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += ROWS_PER_INSERT) yield items.slice(i, i + ROWS_PER_INSERT);
}

const availability = (database: Database, skuId: number) =>
  queryStock(database.db, { skuId, groupBy: 'warehouse', today: NOW.slice(0, 10), limit: 10 });

/** Throws unless the ledger reconciles and queryStock agrees with the quantities loaded. */
async function verify(database: Database, layout: Layout, pick: () => number): Promise<void> {
  const ledger = await reconcile(database.db);
  if (!ledger.ok || ledger.movements !== 3 * SKUS) {
    const first = ledger.differences.slice(0, 3).map((d) => d.message);
    throw new Error(
      `ledger does not reconcile: ${ledger.movements} movements, ${JSON.stringify(first)}`,
    );
  }
  for (const i of [0, SKUS - 1, ...Array.from({ length: VERIFY }, pick)]) {
    const rows = await availability(database, layout.skuIds[i]!);
    const w1 = quantity(i, 0) + quantity(i, 1);
    const w2 = quantity(i, 2);
    const got = rows.map((r) => [r.skuCode, r.warehouseId, r.onHand, r.allocated, r.available]);
    const want = [
      [`Q-${i}`, layout.w1.id, w1, 0, w1],
      [`Q-${i}`, layout.w2.id, w2, 0, w2],
    ];
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(
        `SKU Q-${i}: queryStock gave ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
      );
    }
  }
}

async function measure(dialect: DialectName): Promise<Metrics> {
  return withStore(dialect, async ({ database }) => {
    const loaded = await timed(() => load(database));
    const layout = loaded.value;
    const random = seededRandom(20260105);
    const pick = () => Math.floor(random() * SKUS);
    for (let q = 0; q < WARMUP_QUERIES; q++) await availability(database, layout.skuIds[pick()]!);
    const samples: number[] = [];
    for (let q = 0; q < QUERIES; q++) {
      const skuId = layout.skuIds[pick()]!;
      samples.push((await timed(() => availability(database, skuId))).ms);
    }
    await verify(database, layout, pick);
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    log(
      `${dialect}: load ${(loaded.ms / 1000).toFixed(1)} s, p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (verified)`,
    );
    const suffix = dialect === 'sqlite' ? '' : '_pg';
    return {
      [`stock_query_load_s${suffix}`]: round(loaded.ms / 1000, 2),
      [`stock_query_p50_ms${suffix}`]: round(p50),
      [`stock_query_p99_ms${suffix}`]: round(p99),
    };
  });
}

const metrics: Metrics = await measure('sqlite');
if (await postgresVersion()) {
  Object.assign(metrics, await measure('postgres'));
} else {
  warnLoudly('PostgreSQL is unreachable: stock_query_*_pg NOT measured');
  for (const name of ['stock_query_load_s_pg', 'stock_query_p50_ms_pg', 'stock_query_p99_ms_pg'])
    metrics[name] = null;
}
emit(metrics);
