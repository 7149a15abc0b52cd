/**
 * Waves and picking on SQLite at production settings (WAL, group commit, WAL synced per batch).
 *
 * wave_10k_orders_s: 10,000 allocated 3-line orders over 5,000 SKUs stocked in 20,000 bins
 * (four bins per SKU), bulk-loaded straight into the tables; the time of one planWave that
 * takes them all in batch mode: candidates, locking, release with timeline events, summed
 * tasks along the pick path and their per-order shares.
 *
 * picks_per_s: pick confirmations by scan (bin barcode + each GTIN) through HTTP (Fastify
 * inject, 8 in flight), each a full pick: ledger movement bin → STAGING consuming the
 * reservation, allocation resolutions, order lines, task, order and wave progress.
 */
import type { Database } from '../src/adapters/db/database.js';
import { buildServer } from '../src/adapters/http/server.js';
import { createApiKey } from '../src/app/auth/api-keys.js';
import { DEFAULT_POLICIES } from '../src/app/context.js';
import { planWave } from '../src/app/fulfillment/waves/plan-wave.js';
import { reconcile } from '../src/app/inventory/reconcile.js';
import { gtinCheckDigit } from '../src/core/catalog/gtin.js';
import { NOW, customerRow, insertWarehouse, skuRow } from './support/fixtures.js';
import { emit, log, scaled } from './support/report.js';
import { round, seededRandom } from './support/stats.js';
import { withStore } from './support/store.js';

const ORDERS = scaled(10_000);
const SKUS = 5_000;
const BINS = 20_000;
const LINES = 3;
const STOCK_PER_BIN = 10_000;
const PICKS = scaled(3_000);
const IN_FLIGHT = 8;
const CHUNK = 1_000;

const gtinOf = (i: number) => {
  const body = `590999${String(i).padStart(6, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
};

/** Large multi-row inserts straight through the writer (a bulk load, no group commit). */
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Warehouse, bins, SKUs, one customer, stock and 10,000 allocated orders, written in bulk. */
async function load(database: Database) {
  const w = database.writer;
  const warehouse = await insertWarehouse(w, 'WB', 0);
  const bins = Array.from({ length: BINS }, (_, i) => {
    const code = `A-${String(Math.floor(i / 100)).padStart(3, '0')}-${String(i % 100).padStart(2, '0')}`;
    return {
      warehouse_id: warehouse.id,
      code,
      barcode: `WB-${code}`,
      type: 'storage',
      virtual: 0,
      zone: `Z${Math.floor(i / 5000)}`,
      aisle: null,
      bay: null,
      level: null,
      bin: null,
      pick_sequence: i + 1,
      capacity_units: null,
      active: 1,
      created_at: NOW,
    };
  });
  const binIds: number[] = [];
  await insertChunked(bins, async (c) =>
    binIds.push(
      ...(await w.insertInto('locations').values(c).returning('id').execute()).map((r) => r.id),
    ),
  );
  const skuIds: number[] = [];
  const skus = Array.from({ length: SKUS }, (_, i) => ({
    ...skuRow(`WAV-${i}`),
    gtin: gtinOf(i).padStart(14, '0'),
  }));
  await insertChunked(skus, async (c) =>
    skuIds.push(
      ...(await w.insertInto('skus').values(c).returning('id').execute()).map((r) => r.id),
    ),
  );
  const customer = await w
    .insertInto('customers')
    .values(customerRow('WB-1', 'Bench Pets'))
    .returning('id')
    .executeTakeFirstOrThrow();
  const random = seededRandom(4);
  const orders = Array.from({ length: ORDERS }, (_, i) => ({
    customer_id: customer.id,
    customer_po: `PO-${i}`,
    ship_to_id: null,
    requested_ship_date: null,
    status: 'allocated',
    hold_reason: null,
    warehouse_id: warehouse.id,
    priority: 1 + Math.floor(random() * 9),
    currency: 'USD',
    total_minor: 1000,
    source: 'bench',
    notes: null,
    created_by: 'bench',
    created_at: NOW,
    updated_at: NOW,
  }));
  const orderIds: number[] = [];
  await insertChunked(orders, async (c) =>
    orderIds.push(
      ...(await w.insertInto('orders').values(c).returning('id').execute()).map((r) => r.id),
    ),
  );
  const lines = orderIds.flatMap((orderId) =>
    Array.from({ length: LINES }, (_, k) => ({
      order_id: orderId,
      line_number: k + 1,
      sku: Math.floor(random() * SKUS),
      qty: 1 + Math.floor(random() * 5),
    })),
  );
  const lineIds: number[] = [];
  await insertChunked(lines, async (c) =>
    lineIds.push(
      ...(
        await w
          .insertInto('order_lines')
          .values(
            c.map((l) => ({
              order_id: l.order_id,
              line_number: l.line_number,
              sku_id: skuIds[l.sku]!,
              pack_level: 'each',
              pack_quantity: l.qty,
              quantity_ordered: l.qty,
              quantity_allocated: l.qty,
              unit_price_minor: 500,
              line_total_minor: 500 * l.qty,
              price_source: 'bench',
              notes: null,
              created_at: NOW,
              updated_at: NOW,
            })),
          )
          .returning('id')
          .execute()
      ).map((r) => r.id),
    ),
  );
  // SKU s lives in bins s, s+5000, s+10000, s+15000; each line is held in one of them.
  const held = new Map<number, number>();
  const allocations = lines.map((l, i) => {
    const bin = l.sku + SKUS * Math.floor(random() * (BINS / SKUS));
    held.set(bin, (held.get(bin) ?? 0) + l.qty);
    return {
      order_id: l.order_id,
      order_line_id: lineIds[i]!,
      sku_id: skuIds[l.sku]!,
      lot_id: 0,
      location_id: binIds[bin]!,
      warehouse_id: warehouse.id,
      quantity: l.qty,
      remaining: l.qty,
      created_at: NOW,
    };
  });
  await insertChunked(allocations, (c) => w.insertInto('allocations').values(c).execute());
  const stock = binIds.map((locationId, bin) => ({ locationId, skuId: skuIds[bin % SKUS]!, bin }));
  await insertChunked(stock, async (c) => {
    await w
      .insertInto('stock_movements')
      .values(
        c.map((s) => ({
          sku_id: s.skuId,
          lot_id: 0,
          from_location_id: warehouse.place.supplier!,
          to_location_id: s.locationId,
          quantity: STOCK_PER_BIN,
          type: 'receipt',
          reason_code: null,
          reference: 'bench',
          actor: 'bench',
          created_at: NOW,
        })),
      )
      .execute();
    await w
      .insertInto('stock_balances')
      .values(
        c.map((s) => ({
          location_id: s.locationId,
          sku_id: s.skuId,
          lot_id: 0,
          warehouse_id: warehouse.id,
          on_hand: STOCK_PER_BIN,
          allocated: held.get(s.bin) ?? 0,
          updated_at: NOW,
        })),
      )
      .execute();
  });
  return { warehouseId: warehouse.id };
}

const metrics = await withStore('sqlite', async ({ database }) => {
  log(`loading ${ORDERS} orders × ${LINES} lines, ${SKUS} SKUs, ${BINS} bins`);
  const { warehouseId } = await load(database);
  const actor = { id: 'bench', role: 'manager' as const, customerId: null, apiKeyId: 0 };
  const start = performance.now();
  const wave = await database.write((trx) =>
    planWave(
      trx,
      { warehouseId, pickMode: 'batch', maxOrders: ORDERS, maxLines: ORDERS * LINES },
      actor,
      new Date(),
    ),
  );
  const waveSeconds = (performance.now() - start) / 1000;
  log(
    `wave ${wave.id}: ${wave.orderIds.length} orders, ${wave.tasks} tasks, ${wave.units} units in ${waveSeconds.toFixed(2)} s`,
  );
  if (wave.orderIds.length !== ORDERS) throw new Error(`wave took ${wave.orderIds.length} orders`);

  const app = await buildServer(
    { database, now: () => new Date(), policies: DEFAULT_POLICIES },
    { logLevel: 'silent' },
  );
  await app.ready();
  const key = await createApiKey(database, { role: 'warehouse' }, new Date());
  if (!key.ok) throw new Error(key.error.message);
  const tasks = await database.db
    .selectFrom('pick_tasks as t')
    .innerJoin('locations as l', 'l.id', 't.location_id')
    .innerJoin('skus as s', 's.id', 't.sku_id')
    .select(['t.id', 't.quantity', 'l.barcode', 's.gtin'])
    .where('t.wave_id', '=', wave.id)
    .orderBy('t.sequence')
    .limit(PICKS)
    .execute();
  let next = 0;
  let failures = 0;
  const pickStart = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < tasks.length) {
        const t = tasks[next++]!;
        const response = await app.inject({
          method: 'POST',
          url: `/api/v1/pick-tasks/${t.id}/confirm`,
          headers: { authorization: `Bearer ${key.value.key}` },
          payload: { locationScan: t.barcode, itemScan: t.gtin, quantity: t.quantity },
        });
        if (response.statusCode !== 200) failures++;
      }
    }),
  );
  const pickSeconds = (performance.now() - pickStart) / 1000;
  if (failures > 0) throw new Error(`${failures} picks failed`);
  log(`${tasks.length} picks in ${pickSeconds.toFixed(2)} s`);
  const report = await reconcile(database.db);
  if (!report.ok)
    throw new Error(`ledger does not reconcile: ${JSON.stringify(report.differences.slice(0, 3))}`);
  await app.close();
  return {
    wave_10k_orders_s: round(waveSeconds),
    picks_per_s: round(tasks.length / pickSeconds, 1),
  };
});

emit(metrics);
