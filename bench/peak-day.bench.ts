/**
 * peak_day_s: a simulated Black Friday on SQLite at production settings, end to end through
 * the use cases — 20,000 retailer orders placed (priced, credit-checked, allocated), waved,
 * picked by scan (2 % pick errors), packed, shipped — plus the rest of the day the simulation
 * runs (PO receipts, deliveries, returns, cycle counts, the replenishment run).
 *
 * The store is the demo wholesaler prepared for simulation, with every SKU topped up in each
 * warehouse (an unplanned receipt) so the peak is limited by the system, not by the stock.
 */
import type { Database } from '../src/adapters/db/database.js';
import { DEFAULT_POLICIES } from '../src/app/context.js';
import { receiveUnplanned } from '../src/app/inventory/receive-unplanned.js';
import { reconcile } from '../src/app/inventory/reconcile.js';
import { SimClock, simulatedContext } from '../src/app/simulation/sim-clock.js';
import { blackFriday } from '../src/app/simulation/sim-demand.js';
import { addDays, at } from '../src/app/simulation/sim-random.js';
import { runUnits } from '../src/app/simulation/sim-units.js';
import { prepareSimulation, type SimWorld } from '../src/app/simulation/sim-world.js';
import { simulateDay } from '../src/app/simulation/simulate.js';
import { emit, log, scaled } from './support/report.js';
import { countStatements, counter } from './support/statement-counter.js';
import { withStore } from './support/store.js';

const ORDERS = scaled(20_000);
const PEAK = blackFriday(2026);
/** Per SKU and warehouse: more than the peak's most popular SKU sells. */
const TOP_UP = 250_000;
/** BENCH_STATEMENTS_TOP=n logs the n SQL texts that took longest over the day (time, runs). */
const TOP = Number(process.env.BENCH_STATEMENTS_TOP ?? 0);
if (TOP > 0) {
  countStatements();
  counter.byText = new Map();
  counter.byTextMs = new Map();
}

async function topUp(database: Database, world: SimWorld, nowIso: string): Promise<void> {
  const bins = await database.db
    .selectFrom('locations')
    .select(['id', 'warehouse_id'])
    .where('type', '=', 'storage')
    .orderBy('id')
    .execute();
  const receipts = world.warehouseIds.flatMap((warehouseId, w) => {
    const inWarehouse = bins.filter((b) => b.warehouse_id === warehouseId);
    return world.skus.map((sku, i) => ({
      skuId: sku.id,
      toLocationId: inWarehouse[(i + w) % inWarehouse.length]!.id,
      quantity: TOP_UP,
      ...(sku.lotTracked ? { lotCode: 'PEAK-STOCK', expiryDate: '2029-12-31' } : {}),
      reference: 'BENCH-PEAK-STOCK',
    }));
  });
  const outcomes = await runUnits(database, receipts, (trx, receipt) =>
    receiveUnplanned(trx, receipt, 'bench', nowIso),
  );
  const refused = outcomes.filter((o) => !o.ok);
  if (refused.length) throw new Error(`top-up refused: ${JSON.stringify(refused[0])}`);
}

await withStore('sqlite', async ({ database }) => {
  const clock = new SimClock(at(addDays(PEAK, -1), 5));
  const sim = simulatedContext({ database, now: clock.now, policies: DEFAULT_POLICIES }, clock);
  const world = await prepareSimulation(sim);
  await topUp(database, world, clock.now().toISOString());
  log(`demo prepared and topped up; simulating ${PEAK} with ${ORDERS} orders`);
  counter.counting = TOP > 0;
  const started = performance.now();
  const day = await simulateDay(sim, clock, world, PEAK, ORDERS, { seed: 1, pickErrorRate: 0.02 });
  const seconds = (performance.now() - started) / 1000;
  log(
    `${day.orders} placed, ${day.refused} refused, ${day.waves} waves, ${day.picks} picks ` +
      `(${day.scanErrors} wrong scans, ${day.shortPicks} shorts), ${day.shipped} shipped`,
  );
  log(`phases (ms): ${JSON.stringify(day.phaseMs)}`);
  counter.counting = false;
  if (TOP > 0) {
    const sqlMs = [...counter.byTextMs!.values()].reduce((a, b) => a + b, 0);
    log(`SQL: ${counter.statements} statements, ${Math.round(sqlMs)} ms inside SQLite`);
  }
  const slowest = [...(counter.byTextMs ?? [])].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  for (const [text, ms] of slowest)
    log(`${Math.round(ms)} ms ${counter.byText!.get(text)}×  ${text}`);
  const report = await reconcile(database.db);
  if (report.differences.length) throw new Error(`ledger does not reconcile after the peak`);
  if (day.orders < ORDERS * 0.99) throw new Error(`only ${day.orders} of ${ORDERS} orders placed`);
  const phaseS = (ms: number | undefined) => Math.round((ms ?? 0) / 100) / 10;
  emit({
    peak_day_s: Math.round(seconds * 10) / 10,
    peak_day_orders_s: phaseS(day.phaseMs.orders),
    peak_day_pick_s: phaseS(day.phaseMs.pick),
    peak_day_ship_s: phaseS(day.phaseMs.ship),
  });
});
