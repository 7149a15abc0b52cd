import { Command, InvalidArgumentError } from 'commander';
import {
  DEFAULT_SIMULATION,
  simulate,
  type SimulationSummary,
} from '../app/simulation/simulate.js';
import { addDays } from '../app/simulation/sim-random.js';
import { readConfig } from '../config.js';
import { contextFor, openStore } from '../main.js';
import { healthLines, simProgress } from './sim-progress.js';

const whole = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new InvalidArgumentError(`a whole number ≥ ${min}`);
  return n;
};
const rate = (value: string) => {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('a rate from 0 to 1');
  return n;
};
const isoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('a date YYYY-MM-DD');
  return value;
};

interface SimulateFlags {
  days: number;
  seed: number;
  startDate?: string;
  ordersPerDay: number;
  pickErrorRate: number;
  database?: string;
}

/**
 * `stockline simulate`: runs the pet-supplies wholesaler for N days through the use cases on
 * a simulated clock (see docs/SIMULATION.md), with a progress bar on stderr and a KPI summary
 * on stdout. Deterministic for a store, seed and start date.
 */
export const simulateCommand = new Command('simulate')
  .description('Simulate days of a pet-supplies wholesaler through the real use cases')
  .option('--days <n>', 'days to simulate', whole(1), DEFAULT_SIMULATION.days)
  .option('--seed <n>', 'random seed', whole(0), DEFAULT_SIMULATION.seed)
  .option(
    '--start-date <date>',
    'first simulated day (default: so that the last is yesterday)',
    isoDate,
  )
  .option(
    '--orders-per-day <n>',
    'orders on an ordinary weekday',
    whole(1),
    DEFAULT_SIMULATION.ordersPerDay,
  )
  .option(
    '--pick-error-rate <rate>',
    'share of picks that go wrong',
    rate,
    DEFAULT_SIMULATION.pickErrorRate,
  )
  .option('--database <url>', 'database URL or SQLite path (default: the configured one)')
  .action(async (flags: SimulateFlags) => {
    const config = readConfig(
      flags.database ? { ...process.env, DATABASE_URL: flags.database } : process.env,
    );
    const database = await openStore(config);
    try {
      const today = new Date().toISOString().slice(0, 10);
      const startDate = flags.startDate ?? addDays(today, -flags.days);
      const started = Date.now();
      const progress = simProgress(process.stderr);
      const summary = await simulate(
        contextFor(database),
        {
          days: flags.days,
          seed: flags.seed,
          startDate,
          ordersPerDay: flags.ordersPerDay,
          pickErrorRate: flags.pickErrorRate,
        },
        (day, index) => progress(day, index, flags.days),
      );
      console.log(formatSummary(summary, (Date.now() - started) / 1000));
      if (summary.health.reconcileDifferences > 0) process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

const pct = (r: number) => `${(r * 100).toFixed(1)} %`;
const money = (minor: number) =>
  `$${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The KPI summary as the terminal shows it. */
export function formatSummary(s: SimulationSummary, seconds: number): string {
  const { kpis: k, totals: t, options: o, health: h } = s;
  const differences = h.reconcileDifferences;
  return [
    `Simulated ${o.days} days from ${o.startDate} (seed ${o.seed}) in ${seconds.toFixed(1)} s`,
    `  orders            ${k.orders} (${k.lines} lines; ${t.refused} refused)`,
    `  fill rate         ${pct(k.fillRate)} of units, ${pct(k.orderFillRate)} of orders complete`,
    `  shipments         ${k.shipments}: ${pct(k.onTimeShipmentRate)} shipped on time, ${pct(k.onTimeDeliveryRate)} delivered on time`,
    `  picks             ${t.picks} (${t.scanErrors} wrong scans, ${t.shortPicks} short picks) in ${t.waves} waves`,
    `  returns           ${k.returns}`,
    `  purchase orders   ${k.purchaseOrders} (${t.purchaseOrdersReceived} received)`,
    `  cycle counts      ${k.cycleCounts}`,
    `  inventory value   ${money(k.inventoryValueMinor)}`,
    `  stock-outs        ${k.stockOuts} SKU × warehouse; ${k.backorderedLines} lines backordered`,
    `  ledger            ${differences === 0 ? 'reconciles' : `${differences} differences!`}`,
    `  stock turnover    ${h.turnover} a year (fill rate ${pct(h.fillRate)})`,
    ...healthLines(h),
  ].join('\n');
}
