/**
 * Demand forecasting with automatic method choice plus reorder policy
 * (src/core/planning/forecast, src/core/planning/policy).
 *
 * forecast_10k_skus_s: 10,000 synthetic SKUs × 156 weeks (the three years the replenishment
 * run reads), half smooth seasonal (level, slope, a yearly 52-week cycle, normal noise) and half
 * intermittent (demand in 10–50 % of weeks). Each SKU gets `selectForecast` as the run calls it
 * (season 52, 13-week horizon, 4 origins): its class's candidates, seasonal ones
 * included (seasonal adjustment, seasonal naive, both Holt-Winters), backtested at rolling
 * origins and the best that beat the benchmark combined.
 * Then, as the replenishment run does, d̄ and σd are read off the selected forecast (mean of
 * the weeks covering lead time + review, ÷ 7; one-step sd from the 80 % interval, ÷ √7), and
 * the SKU gets its reorderPolicy (CSL 0.95, EOQ on) and today's replenishmentNeed.
 * The SKUs are split over 2 worker threads; the time covers starting the workers too.
 * forecast_10k_skus_cpu_s is the CPU time of all threads: the wall time on one idle core.
 *
 * forecast_peak_rss_mb: peak resident set size of the process (main thread and workers).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Z80 } from '../src/core/planning/forecast/intervals.js';
import { selectForecast, type Selection } from '../src/core/planning/forecast/select.js';
import {
  intermittentDemand,
  mulberry32,
  smoothSeasonal,
} from '../src/core/planning/forecast/synthetic-series.js';
import { reorderPolicy, replenishmentNeed } from '../src/core/planning/policy/index.js';
import { BACKTEST_ORIGINS } from '../src/app/planning/sku-forecast.js';
import { emit, log, scaled } from './support/report.js';
import { round } from './support/stats.js';

const SKUS = scaled(10_000);
const WEEKS = 156;
const SEASON = 52;
const HORIZON = 13;
const WORKERS = 2;
const SEED = 20_240_601;

/** SKU i's history: even SKUs smooth seasonal, odd SKUs intermittent; seeded per SKU. */
function history(i: number): number[] {
  const random = mulberry32(SEED + i);
  if (i % 2 === 0) {
    return smoothSeasonal(random, WEEKS, {
      level: 50 + 200 * random(),
      slope: random() - 0.3,
      m: SEASON,
      amplitude: 40 * random(),
      noise: 3 + 10 * random(),
    });
  }
  return intermittentDemand(random, WEEKS, 0.1 + 0.4 * random(), 1 + 12 * random());
}

interface Tally {
  readonly methods: Record<string, number>;
  readonly failures: number;
  readonly checksum: number;
  readonly orders: number;
}

const LEAD_TIME_DAYS = 10;
const REVIEW_DAYS = 1;

/** SKU i's policy and today's need, from its selected weekly forecast. */
function replenish(i: number, chosen: Selection, weekly: readonly number[]) {
  const { forecast, upper80 } = chosen.result;
  const weeks = Math.ceil((LEAD_TIME_DAYS + REVIEW_DAYS) / 7);
  const meanDailyDemand = Math.max(
    0,
    forecast.slice(0, weeks).reduce((a, b) => a + b, 0) / weeks / 7,
  );
  const weeklySd = upper80 ? Math.max(0, (upper80[0]! - forecast[0]!) / Z80) : 0;
  const policy = reorderPolicy({
    meanDailyDemand,
    sdDailyDemand: weeklySd / Math.sqrt(7),
    leadTimeDays: LEAD_TIME_DAYS,
    leadTimeSdDays: 2,
    serviceLevel: 0.95,
    reviewDays: REVIEW_DAYS,
    useEoq: true,
    orderCostMinor: 1000,
    holdingRatePerYear: 0.25,
    unitCostMinor: 500 + (i % 50) * 100,
  });
  return replenishmentNeed({
    available: Math.round(weekly[weekly.length - 1]! * (i % 3)),
    onOrder: 0,
    backordered: 0,
    policy,
    meanDailyDemand,
    rounding: { minOrderQuantity: 1, orderMultiple: i % 2 === 0 ? 12 : 1 },
    today: '2026-06-01',
  });
}

function work(from: number, to: number): Tally {
  const methods: Record<string, number> = {};
  let failures = 0;
  let checksum = 0;
  let orders = 0;
  for (let i = from; i < to; i++) {
    const weekly = history(i);
    const chosen = selectForecast(weekly, {
      horizon: HORIZON,
      seasonLength: SEASON,
      origins: BACKTEST_ORIGINS,
    });
    if (!chosen.ok) {
      failures++;
      continue;
    }
    for (const member of chosen.value.members) methods[member] = (methods[member] ?? 0) + 1;
    checksum += chosen.value.result.forecast[0]!;
    const need = replenish(i, chosen.value, weekly);
    if (need.order) orders++;
    checksum += need.quantity;
  }
  return { methods, failures, checksum, orders };
}

if (!isMainThread) {
  const { from, to } = workerData as { from: number; to: number };
  parentPort!.postMessage(work(from, to));
} else {
  // Workers do not inherit tsx's loader hooks: each registers them, then loads this file.
  const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const share = Math.ceil(SKUS / WORKERS);
  const tallies = await Promise.all(
    Array.from({ length: WORKERS }, (_, w) => {
      const worker = new Worker(WORKER_BOOTSTRAP, {
        eval: true,
        workerData: { from: w * share, to: Math.min(SKUS, (w + 1) * share) },
      });
      return new Promise<Tally>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time of the whole process, workers included: the wall time on one otherwise idle core.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const methods: Record<string, number> = {};
  for (const t of tallies) {
    for (const [name, count] of Object.entries(t.methods))
      methods[name] = (methods[name] ?? 0) + count;
  }
  const failures = tallies.reduce((a, t) => a + t.failures, 0);
  const checksum = tallies.reduce((a, t) => a + t.checksum, 0);
  const orders = tallies.reduce((a, t) => a + t.orders, 0);
  log(
    `${SKUS} SKUs in ${seconds.toFixed(2)} s; failures ${failures}; orders ${orders}; checksum ${checksum.toFixed(3)}`,
  );
  log(`methods in the forecasts chosen: ${JSON.stringify(methods)}`);
  emit({
    forecast_10k_skus_s: round(seconds),
    forecast_10k_skus_cpu_s: round(cpuSeconds),
    forecast_peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 1),
  });
}
