/**
 * Business days: the calendar day an instant falls on *at the warehouse*, not in UTC. A Los
 * Angeles warehouse shipping at 17:00 local ships "today" although UTC has already moved to
 * tomorrow; ship, promised, price-effective, demand and KPI days are all this local day.
 * The one place the conversion is written (Intl, so the runtime's time zone data decides DST).
 */
import { addDays } from './calendar-days.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building them is costly and KPI refreshes convert many instants. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const msOf = (instant: Date | string) =>
  typeof instant === 'string' ? Date.parse(instant) : instant.getTime();

/** The wall-clock fields at `ms` in the zone, as if they were a UTC time (ms). */
function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(ms))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const QUARTER_HOUR_MS = 900_000;
/** Days by zone and UTC quarter hour: every zone's offset is a whole number of quarter hours. */
const daysByQuarter = new Map<string, string>();
const MAX_REMEMBERED = 50_000;

/**
 * The `YYYY-MM-DD` day an instant (a Date or ISO-8601 text) falls on in the IANA zone.
 * Remembered per zone and UTC quarter hour when the quarter's first and last millisecond fall
 * on the same local day (today's offsets are whole quarter hours, so a quarter straddles a
 * local midnight only under a historical offset): a day's thousands of conversions format
 * once per quarter.
 */
export function businessDay(instant: Date | string, timeZone: string): string {
  const ms = msOf(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${timeZone}|${quarter}`;
  const known = daysByQuarter.get(key);
  if (known !== undefined) return known;
  const day = dayAt(ms, timeZone);
  const start = quarter * QUARTER_HOUR_MS;
  if (dayAt(start, timeZone) === day && dayAt(start + QUARTER_HOUR_MS - 1, timeZone) === day) {
    if (daysByQuarter.size >= MAX_REMEMBERED) daysByQuarter.clear();
    daysByQuarter.set(key, day);
  }
  return day;
}

const dayAt = (ms: number, timeZone: string) =>
  new Date(wallClockMs(ms, timeZone)).toISOString().slice(0, 10);

/** The zone's offset from UTC at an instant, in minutes (east positive: Berlin +60 in winter). */
export function utcOffsetMinutes(instant: Date | string, timeZone: string): number {
  const ms = msOf(instant);
  return Math.round((wallClockMs(ms - (ms % 1000), timeZone) - (ms - (ms % 1000))) / 60_000);
}

/**
 * The first instant (ISO-8601 UTC) of a local day: usually local midnight; where a DST change
 * skips midnight, the first instant that exists. Days are half-open: [start(d), start(d + 1)).
 */
export function businessDayStart(day: string, timeZone: string): string {
  const midnight = Date.parse(`${day}T00:00:00.000Z`);
  if (Number.isNaN(midnight)) throw new RangeError(`Not a day: ${day}`);
  // Local midnight is UTC midnight less the offset in force then; the offset may change within
  // a day of it, so try the offsets around it and keep the earliest that lands on the day.
  const candidates = [-1, 0, 1]
    .map((d) => midnight - utcOffsetMinutes(new Date(midnight + d * 86_400_000), timeZone) * 60_000)
    .filter((ms) => businessDay(new Date(ms), timeZone) === day)
    .sort((a, b) => a - b);
  // Where midnight is skipped (America/Santiago in September), the candidate taken with the
  // offset before the change is the transition itself: the first instant of the day.
  return new Date(candidates[0] ?? midnight).toISOString();
}

/** The instants [from, to) of a local day, for range queries over ISO-8601 UTC timestamps. */
export function businessDayRange(day: string, timeZone: string): { from: string; to: string } {
  return { from: businessDayStart(day, timeZone), to: businessDayStart(addDays(day, 1), timeZone) };
}
