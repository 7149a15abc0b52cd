import type { SimDay, SimulationSummary } from '../app/simulation/simulate.js';

/**
 * The simulation's progress on a terminal: a bar redrawn in place on a TTY; on a log (not a
 * TTY) a line every `logEvery` days and on the last, so CI logs and journals stay readable.
 */
export function simProgress(stream: NodeJS.WriteStream, logEvery = 30) {
  const started = Date.now();
  return (day: SimDay, index: number, days: number): void => {
    const last = index + 1 === days;
    if (!stream.isTTY && !last && (index + 1) % logEvery !== 0) return;
    const width = 30;
    const done = Math.round(((index + 1) / days) * width);
    const elapsed = ((Date.now() - started) / 1000).toFixed(0);
    const line =
      `[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${index + 1}/${days} ${day.date}  ` +
      `orders ${day.orders}  shipped ${day.shipped}  POs ${day.purchaseOrdersSent}  ${elapsed}s`;
    const phases = process.env.SIM_PHASES ? ` ${JSON.stringify(day.phaseMs)}\n` : '';
    stream.write(
      stream.isTTY ? `\r${line}${phases}${last ? '\n' : ''}` : `${line}${phases || '\n'}`,
    );
  };
}

/**
 * The demo history's progress for a server's output, which is shared with its log: a line at
 * every 10 % (and the last day), never a bar redrawn in place.
 */
export function historyProgress(say: (line: string) => void) {
  const started = Date.now();
  let lastTenth = -1;
  return (day: SimDay, index: number, days: number): void => {
    const tenth = Math.floor(((index + 1) * 10) / days);
    if (tenth === lastTenth && index + 1 < days) return;
    lastTenth = tenth;
    const elapsed = ((Date.now() - started) / 1000).toFixed(0);
    say(
      `demo history ${String(Math.floor(((index + 1) * 100) / days)).padStart(3)} %  ` +
        `${index + 1}/${days} days, through ${day.date}  ${elapsed}s`,
    );
  };
}

/** The closing summary of a demo history run: what was simulated, not the seed's orders. */
export function demoHistorySummary(
  simulatedDays: number,
  startDate: string,
  summary: SimulationSummary,
): string {
  const { totals: t, kpis: k } = summary;
  const pct = (r: number) => `${(r * 100).toFixed(1)} %`;
  return [
    `Simulated ${simulatedDays} days of demo history (from ${startDate}):`,
    `  ${t.orders} orders placed, ${k.shipments} shipments, ${t.purchaseOrdersReceived} purchase-order receipts,`,
    `  ${t.picks} picks in ${t.waves} waves, ${k.returns} returns, ${t.counts} cycle counts;`,
    `  fill rate ${pct(k.fillRate)} of units; ${k.backorderedLines} lines still backordered;`,
    `  stock turnover ${summary.health.turnover} a year.`,
    ...healthLines(summary.health),
  ].join('\n');
}

/** The end-of-run health check: one line when healthy, else a line per problem. */
export function healthLines(h: SimulationSummary['health']): string[] {
  const waiting =
    h.waitingForStock > 0 ? ` (${h.waitingForStock} orders wait only for backordered stock)` : '';
  if (h.problems.length === 0)
    return [`  health            nothing stuck, stranded or fragmented${waiting}`];
  return [
    `  health            ${h.problems.length} problem(s)${waiting}:`,
    ...h.problems.map((p) => `    - ${p}`),
  ];
}
