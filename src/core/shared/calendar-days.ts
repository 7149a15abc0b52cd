/**
 * Calendar arithmetic on `YYYY-MM-DD` days, in UTC: the one place it is written. Business
 * dates (ship, promise, demand, KPI days) are strings of this shape everywhere.
 */
const DAY_MS = 86_400_000;

const toMs = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/** The day `days` after `day` (negative goes back). */
export function addDays(day: string, days: number): string {
  return new Date(toMs(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}
