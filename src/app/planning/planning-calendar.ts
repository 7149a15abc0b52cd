import { addDays, daysBetween } from '../../core/shared/calendar-days.js';

/**
 * Day arithmetic for demand history. Days are UTC calendar dates (`YYYY-MM-DD`): an order
 * counts on the UTC date of its creation, whatever the warehouse's time zone.
 */
export { addDays, daysBetween };

/** Every date from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The Monday that starts the ISO week holding `isoDate`: ISO weeks run Monday to Sunday. */
export function isoWeekStart(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}

/** The ISO week label, e.g. 2026-W09 (the year is the one holding the week's Thursday). */
export function isoWeekLabel(isoDate: string): string {
  const thursday = addDays(isoWeekStart(isoDate), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
