/**
 * statements_per_shipped_order: SQL statements executed (counted, not estimated) to pack and
 * ship one order, as the simulation's evening does it (`packAndShip`: open a carton, pack what
 * was picked, close, ship). On SQLite, every execution of a prepared statement in this process
 * is counted while the phase runs — transaction control (BEGIN, SAVEPOINT, COMMIT) included.
 *
 * statements_per_picked_order: the same count for planning waves and picking by scan (2 % wrong
 * scans and shorts), per order that ends the morning picked.
 *
 * The store is the demo prepared for simulation; one morning's orders (BENCH_ORDERS, default
 * 200) are placed, waved and picked first, uncounted.
 */
import { DEFAULT_POLICIES } from '../src/app/context.js';
import { SimClock, simulatedContext } from '../src/app/simulation/sim-clock.js';
import { placeDayOrders, planDayOrders } from '../src/app/simulation/sim-orders.js';
import { pickDay } from '../src/app/simulation/sim-picking.js';
import { at } from '../src/app/simulation/sim-random.js';
import { packAndShip } from '../src/app/simulation/sim-shipping.js';
import { prepareSimulation } from '../src/app/simulation/sim-world.js';
import { emit, log } from './support/report.js';
import { countStatements, counter } from './support/statement-counter.js';
import { withStore } from './support/store.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200);
/** BENCH_STATEMENTS_TOP=n also logs the n statements run most often, by SQL text. */
const TOP = Number(process.env.BENCH_STATEMENTS_TOP ?? 0);
const DATE = '2026-03-10';

countStatements();
if (TOP > 0) counter.byText = new Map();
await withStore('sqlite', async ({ database }) => {
  const clock = new SimClock(at(DATE, 5));
  const sim = simulatedContext({ database, now: clock.now, policies: DEFAULT_POLICIES }, clock);
  const world = await prepareSimulation(sim);
  clock.set(at(DATE, 7));
  await placeDayOrders(sim, planDayOrders(world, DATE, ORDERS, 1));
  clock.set(at(DATE, 17.5));
  counter.counting = true;
  await pickDay(sim, world.warehouseIds, 0.02, 1);
  counter.counting = false;
  const picked = await database.db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'picked')
    .executeTakeFirstOrThrow();
  const perPicked = Math.round((counter.statements / Math.max(Number(picked.n), 1)) * 10) / 10;
  log(`${counter.statements} statements to wave and pick ${picked.n} orders: ${perPicked} each`);
  logTop(Number(picked.n));
  counter.statements = 0;
  counter.byText?.clear();
  clock.set(at(DATE, 19));
  counter.counting = true;
  const shipped = await packAndShip(sim);
  counter.counting = false;
  const perOrder = shipped === 0 ? null : Math.round((counter.statements / shipped) * 10) / 10;
  log(`${counter.statements} statements for ${shipped} shipments: ${perOrder} each`);
  logTop(shipped);
  emit({ statements_per_shipped_order: perOrder, statements_per_picked_order: perPicked });
});

/** The TOP statements run most often since the counter was last cleared, per order. */
function logTop(orders: number): void {
  const top = [...(counter.byText ?? [])].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  for (const [text, n] of top) log(`${(n / Math.max(orders, 1)).toFixed(2)}  ${text}`);
}
