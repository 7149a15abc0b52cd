import type { AppContext } from '../context.js';
import { SimClock, simulatedContext } from './sim-clock.js';
import { countDay } from './sim-counts.js';
import { demandFactor } from './sim-demand.js';
import { simulationHealth, type SimHealth } from './sim-health.js';
import { simulationKpis, type SimKpis } from './sim-kpis.js';
import { placeDayOrders, planDayOrders } from './sim-orders.js';
import { pickDay } from './sim-picking.js';
import { addDays, at, dayNumber, draw } from './sim-random.js';
import { handleReturns } from './sim-returns.js';
import { packAndShip, recordDeliveries } from './sim-shipping.js';
import { receiveDeliveries, replenish } from './sim-supply.js';
import { prepareSimulation, type SimWorld } from './sim-world.js';

export interface SimulationOptions {
  days: number;
  seed: number;
  /** `YYYY-MM-DD`, the first simulated day. */
  startDate: string;
  /** Orders on an ordinary weekday; the demand curve scales it (Black Friday ≈ 5×). */
  ordersPerDay: number;
  /** Share of picks that go wrong (a wrong bin scan, or a short pick). */
  pickErrorRate: number;
}

export const DEFAULT_SIMULATION: Omit<SimulationOptions, 'startDate'> = {
  days: 30,
  seed: 1,
  ordersPerDay: 40,
  pickErrorRate: 0.02,
};

/** What one simulated day did, for the progress line. */
export interface SimDay {
  date: string;
  orders: number;
  refused: number;
  waves: number;
  picks: number;
  scanErrors: number;
  shortPicks: number;
  shipped: number;
  delivered: number;
  returns: number;
  purchaseOrdersSent: number;
  purchaseOrdersReceived: number;
  counts: number;
  /** Wall-clock milliseconds per phase: for the progress line and benchmarks, not the summary. */
  phaseMs: Record<string, number>;
}

/** The day tallies that add up over a run. */
export type SimTotals = Omit<SimDay, 'date' | 'phaseMs'>;

export interface SimulationSummary {
  options: SimulationOptions;
  /** Totals of the day tallies over the run. */
  totals: SimTotals;
  kpis: SimKpis;
  /** Whether the business ended healthy: nothing stuck, stranded or fragmented; reconciles. */
  health: SimHealth;
}

/**
 * Runs the wholesaler for `days` days through its use cases, on a clock of its own: each day
 * suppliers deliver and are put away, retailers order (demand from the seed and the date),
 * waves are planned and picked (with mistakes), picked orders are packed and shipped,
 * carriers deliver, some goods come back, bins are cycle counted, and the nightly
 * replenishment run's suggestions are approved and sent as POs. Deterministic for a store,
 * options and seed: everything random is drawn from the seed.
 */
export async function simulate(
  ctx: AppContext,
  options: SimulationOptions,
  onDay: (day: SimDay, index: number) => void | Promise<void> = () => undefined,
): Promise<SimulationSummary> {
  const clock = new SimClock(at(options.startDate, 5));
  const sim = simulatedContext(ctx, clock);
  const world = await prepareSimulation(sim);
  const totals = emptyTotals();
  for (let i = 0; i < options.days; i++) {
    const date = addDays(options.startDate, i);
    const count = ordersOn(date, options);
    const day = await simulateDay(sim, clock, world, date, count, options);
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += day[key];
    await onDay(day, i);
  }
  const since = at(options.startDate, 0).toISOString();
  const kpis = await simulationKpis(ctx.database.db, since);
  const health = await simulationHealth(
    ctx.database.db,
    since,
    clock.now().toISOString(),
    options.days,
  );
  return { options, totals, kpis, health };
}

/** An ordinary day's orders × the demand curve, ±10 % drawn per day. */
export function ordersOn(date: string, options: Pick<SimulationOptions, 'ordersPerDay' | 'seed'>) {
  const noise = 0.9 + 0.2 * draw(options.seed, dayNumber(date), 3);
  return Math.round(options.ordersPerDay * demandFactor(date) * noise);
}

/** One day of the warehouse, phase by phase, with the clock moved to each phase's hour. */
export async function simulateDay(
  sim: AppContext,
  clock: SimClock,
  world: SimWorld,
  date: string,
  orderCount: number,
  options: Pick<SimulationOptions, 'seed' | 'pickErrorRate'>,
): Promise<SimDay> {
  const { seed } = options;
  const phaseMs: Record<string, number> = {};
  const timed = async <T>(phase: string, hour: number, work: () => Promise<T>): Promise<T> => {
    clock.set(at(date, hour));
    const started = performance.now();
    const result = await work();
    phaseMs[phase] = Math.round(performance.now() - started);
    return result;
  };
  const receipts = await timed('receive', 6, () => receiveDeliveries(sim, world, date, seed));
  const intake = await timed('orders', 7, () =>
    placeDayOrders(sim, planDayOrders(world, date, orderCount, seed)),
  );
  const picks = await timed('pick', 17.5, () =>
    pickDay(sim, world.warehouseIds, options.pickErrorRate, seed),
  );
  const shipped = await timed('ship', 19, () => packAndShip(sim));
  const deliveries = await timed('deliver', 20, () => recordDeliveries(sim, date, seed));
  const returns = await timed('returns', 20.5, () => handleReturns(sim, date, seed));
  const counts = await timed('counts', 21, () => countDay(sim, date, seed));
  const sent = await timed('replenish', 23, () => replenish(sim));
  return {
    date,
    orders: intake.placed,
    refused: intake.refused,
    waves: picks.waves,
    picks: picks.tasks,
    scanErrors: picks.scanErrors,
    shortPicks: picks.shortPicks,
    shipped,
    delivered: deliveries.delivered,
    returns: returns.authorized,
    purchaseOrdersSent: sent,
    purchaseOrdersReceived: receipts.received,
    counts: counts.counted,
    phaseMs,
  };
}

function emptyTotals(): SimTotals {
  return {
    orders: 0,
    refused: 0,
    waves: 0,
    picks: 0,
    scanErrors: 0,
    shortPicks: 0,
    shipped: 0,
    delivered: 0,
    returns: 0,
    purchaseOrdersSent: 0,
    purchaseOrdersReceived: 0,
    counts: 0,
  };
}
