import type { SimDay } from '../app/simulation/simulate.js';

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
