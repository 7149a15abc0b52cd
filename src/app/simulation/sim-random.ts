/**
 * Stateless draws for the simulation: a uniform number in [0, 1) from the seed and a few
 * integers naming the event (a PO id, a shipment id, a day). Because nothing is carried between
 * draws, a simulation resumed on a store that already has simulated days makes the same
 * choices about the same rows as one that ran straight through.
 */
export function draw(seed: number, ...keys: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const key of keys) {
    h = Math.imul(h ^ (key >>> 0), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h ^ Math.floor(key / 4294967296), 0x27d4eb2f) >>> 0;
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296;
}

/** A whole number from `min` to `max`, both included, drawn as `draw` does. */
export function drawInt(min: number, max: number, seed: number, ...keys: number[]): number {
  return min + Math.floor(draw(seed, ...keys) * (max - min + 1));
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date: a small integer key for `draw`. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00.000Z`) / 86_400_000);
}

/** `date` plus `days` (negative goes back), as `YYYY-MM-DD`. */
export { addDays } from '../../core/shared/calendar-days.js';

/** An instant on a simulated day: `date` at `hour` (fractional hours allowed) UTC. */
export function at(date: string, hour: number): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + Math.round(hour * 3_600_000));
}
