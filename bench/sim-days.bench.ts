/**
 * sim_statements_per_day_first10 / sim_statements_per_day_last10: SQL statements executed per
 * simulated day (counted, not timed) over BENCH_SIM_DAYS days (default 30) of the simulation
 * on SQLite, averaged over the first and the last ten days. Order volume is the same from
 * day to day while the stock held and the history grow: the two figures should stay close
 * (issue 15: they doubled over 40 days when put-away read the whole warehouse per received
 * line and the nightly run planned pair by pair). `sim_statements_growth` is their ratio.
 *
 * sim_day_ms_first30 / sim_day_ms_last30: wall time per simulated day, the mean of the first and
 * of the last 30 days of the run (BENCH_SIM_DAYS=365 for the demo's year; the issue asks the
 * last to stay within 1.5× the first). Timed, so run it alone on the machine.
 */
import { DEFAULT_POLICIES } from '../src/app/context.js';
import { DEFAULT_SIMULATION, simulate } from '../src/app/simulation/simulate.js';
import { emit, log } from './support/report.js';
import { countStatements, counter } from './support/statement-counter.js';
import { withStore } from './support/store.js';

const DAYS = Number(process.env.BENCH_SIM_DAYS ?? 30);
/** BENCH_STATEMENTS_TOP=n also logs the n SQL texts whose count grew most, days 11–20 → last 10. */
const TOP = Number(process.env.BENCH_STATEMENTS_TOP ?? 0);
const START = '2026-03-02';

countStatements();
if (TOP > 0) {
  counter.byText = new Map();
  counter.byTextMs = new Map();
}
/** Statement counts (and ms inside the database) by text at the start of days 11, 21 and DAYS − 9. */
const marks = new Map<number, Map<string, number>>();
const msMarks = new Map<number, Map<string, number>>();
await withStore('sqlite', async ({ database }) => {
  const perDay: number[] = [];
  const perDayMs: number[] = [];
  const phases: Record<string, number>[] = [];
  let before = 0;
  let dayStarted = performance.now();
  counter.counting = true;
  const summary = await simulate(
    { database, now: () => new Date(), policies: DEFAULT_POLICIES },
    { ...DEFAULT_SIMULATION, startDate: START, days: DAYS },
    (day, index) => {
      if (counter.byText && [9, 19, DAYS - 11].includes(index)) {
        marks.set(index + 1, new Map(counter.byText));
        msMarks.set(index + 1, new Map(counter.byTextMs));
      }
      // For a --cpu-prof run: the monotonic clock (µs, as profiles stamp samples) at the window edges.
      if (index === 29 || index === DAYS - 31)
        log(`clock after day ${index + 1}: ${process.hrtime.bigint() / 1000n} µs`);
      perDay.push(counter.statements - before);
      before = counter.statements;
      perDayMs.push(performance.now() - dayStarted);
      phases.push(day.phaseMs);
      dayStarted = performance.now();
      log(`${day.date}: ${perDay.at(-1)} statements, ${day.orders} orders, ${day.shipped} shipped`);
    },
  );
  counter.counting = false;
  const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1));
  const window = Math.min(30, Math.floor(DAYS / 2));
  const firstMs = mean(perDayMs.slice(0, window));
  const lastMs = mean(perDayMs.slice(-window));
  log(`${firstMs} ms per day over the first ${window} days, ${lastMs} ms over the last ${window}`);
  // Where the growth is: each phase's mean over the same two windows.
  const phaseMean = (days: Record<string, number>[], name: string) =>
    mean(days.map((d) => d[name] ?? 0));
  for (const name of Object.keys(phases[0] ?? {}))
    log(
      `  ${name}: ${phaseMean(phases.slice(0, window), name)} → ${phaseMean(phases.slice(-window), name)} ms`,
    );
  const first = mean(perDay.slice(0, 10));
  const last = mean(perDay.slice(-10));
  log(`health: ${JSON.stringify(summary.health)}`);
  if (counter.byText) {
    const at = (day: number, text: string) => marks.get(day)?.get(text) ?? 0;
    const grown = [...counter.byText.keys()].map((text) => {
      const middle = at(20, text) - at(10, text);
      const late = (counter.byText!.get(text) ?? 0) - at(DAYS - 10, text);
      return { text, middle, late };
    });
    grown.sort((a, b) => b.late - b.middle - (a.late - a.middle));
    for (const g of grown.slice(0, TOP)) log(`${g.middle} → ${g.late}  ${g.text}`);
    const msAt = (day: number, text: string) => msMarks.get(day)?.get(text) ?? 0;
    const slower = [...counter.byTextMs!.keys()].map((text) => {
      const middle = msAt(20, text) - msAt(10, text);
      const late = (counter.byTextMs!.get(text) ?? 0) - msAt(DAYS - 10, text);
      return { text, middle, late };
    });
    slower.sort((a, b) => b.late - b.middle - (a.late - a.middle));
    log('SQL ms over ten days, days 11–20 → the last ten:');
    for (const g of slower.slice(0, TOP))
      log(`${Math.round(g.middle)} → ${Math.round(g.late)} ms  ${g.text}`);
  }
  emit({
    sim_statements_per_day_first10: first,
    sim_statements_per_day_last10: last,
    sim_statements_growth: Math.round((last / first) * 100) / 100,
    sim_day_ms_first30: firstMs,
    sim_day_ms_last30: lastMs,
  });
});
