import { addDays, daysBetween } from '../shared/calendar-days.js';

/** Calendar arithmetic on `YYYY-MM-DD` days (UTC), for bucketing KPIs by day, week or month. */
export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

function toMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export { addDays, daysBetween };

/** The Monday that starts the ISO week holding `day`. */
export function weekStart(day: string): string {
  const weekday = (new Date(toMs(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The first day of the bucket (day, ISO week, calendar month) that holds `day`. */
export function bucketOf(day: string, period: Period): string {
  if (period === 'day') return day;
  if (period === 'week') return weekStart(day);
  return `${day.slice(0, 7)}-01`;
}

/** Every day in [from, to). */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Hours between two ISO timestamps. */
export function hoursBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / 3_600_000;
}
