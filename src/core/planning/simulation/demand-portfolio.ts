/**
 * A synthetic portfolio of SKUs with daily demand, for simulating reorder rules: smooth SKUs
 * with a weekly (trade days) and a yearly cycle, and intermittent or lumpy SKUs that sell on
 * few days in uneven sizes. Randomness is passed in (a seeded generator), so runs repeat.
 */
import { normal, type Uniform } from '../forecast/synthetic-series.js';

/** A simulation "year": 52 whole weeks, so weekly buckets line up with it. */
export const SIM_YEAR_DAYS = 364;

/** What a SKU looks like to the simulator: its demand, its supplier and its cost. */
export interface SimSku {
  readonly key: string;
  readonly kind: 'smooth' | 'intermittent';
  /** Daily demand, history first, then the simulated period. */
  readonly demand: readonly number[];
  /** The lead time (days) the supplier takes for an order placed on each day. */
  readonly leadTimes: readonly number[];
  readonly leadTimeDays: number;
  readonly leadTimeSdDays: number;
  readonly unitCostMinor: number;
  readonly minOrderQuantity: number;
  readonly orderMultiple: number;
}

/** Wholesale trade days: Monday busiest, weekends nearly idle (factors average 1). */
const WEEKDAY = [1.3, 1.15, 1.1, 1.05, 1.15, 0.15, 0.1];

function smoothDemand(random: Uniform, days: number): number[] {
  const level = 4 + 60 * random() ** 2;
  const yearly = 0.1 + 0.3 * random();
  const phase = 2 * Math.PI * random();
  const cv = 0.2 + 0.4 * random();
  return Array.from({ length: days }, (_, t) => {
    const mean =
      level * WEEKDAY[t % 7]! * (1 + yearly * Math.sin((2 * Math.PI * t) / SIM_YEAR_DAYS + phase));
    return Math.max(0, Math.round(mean + cv * mean * normal(random)));
  });
}

/** Sells on a share p of days; sizes vary around `size` (exponentially for lumpy SKUs). */
function intermittentDaily(random: Uniform, days: number): number[] {
  const p = 0.03 + 0.2 * random();
  const size = 1 + 15 * random();
  const lumpy = random() < 0.5;
  return Array.from({ length: days }, () => {
    if (random() >= p) return 0;
    const spread = lumpy ? -Math.log(Math.max(random(), 1e-12)) : 0.5 + random();
    return Math.max(1, Math.round(size * spread));
  });
}

/**
 * `count` SKUs over `days` days; a share `intermittentShare` of them intermittent. Lead times
 * 4–14 days with sd 10–30 % of the mean; case packs of 6 or 12 for smooth SKUs.
 */
export function demandPortfolio(
  random: Uniform,
  count: number,
  days: number,
  intermittentShare = 0.4,
): SimSku[] {
  return Array.from({ length: count }, (_, i) => {
    const intermittent = i < Math.round(count * intermittentShare);
    const demand = intermittent ? intermittentDaily(random, days) : smoothDemand(random, days);
    const leadTimeDays = 4 + Math.floor(11 * random());
    const leadTimeSdDays = Math.round(leadTimeDays * (0.1 + 0.2 * random()) * 10) / 10;
    return {
      key: `SKU-${String(i + 1).padStart(3, '0')}`,
      kind: intermittent ? 'intermittent' : 'smooth',
      demand,
      leadTimeDays,
      leadTimeSdDays,
      leadTimes: leadTimePath(random, days, leadTimeDays, leadTimeSdDays),
      unitCostMinor: 200 + Math.round(9800 * random()),
      minOrderQuantity: 1,
      orderMultiple: intermittent ? 1 : random() < 0.5 ? 6 : 12,
    };
  });
}

/**
 * Lead times for orders placed on each day: LT + σLT·x, x an AR(1) process with unit variance
 * and day-to-day correlation ρ, rounded to whole days, at least one. A supplier that is late
 * stays late for a while (a backlog, a slow carrier lane), so lead-time deviations shift the
 * whole pipeline, which is what the d̄²·σLT² term of the safety-stock formula describes.
 * Independent draws per order would let small frequent orders average the deviations out.
 */
export function leadTimePath(
  random: Uniform,
  days: number,
  leadTimeDays: number,
  leadTimeSdDays: number,
  rho = 0.95,
): number[] {
  let x = normal(random);
  const shock = Math.sqrt(1 - rho * rho);
  return Array.from({ length: days }, () => {
    x = rho * x + shock * normal(random);
    return Math.max(1, Math.round(leadTimeDays + leadTimeSdDays * x));
  });
}
