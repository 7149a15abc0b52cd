/**
 * GS1 dates (AIs 11, 13, 15, 17): six digits YYMMDD. Two rules make them more than a
 * string slice: a day of 00 means "the month as a whole", which Stockline stores as the last
 * day of that month (the latest day the goods may still be sold), and the century comes from
 * the sliding window of the GS1 General Specifications §7.12, relative to the current year.
 */

const YYMMDD = /^(\d{2})(\d{2})(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a full year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The full year for a two-digit GS1 year (§7.12): if YY is more than 50 years ahead of the
 * current year it belongs to the previous century; if 50 or more years behind, to the next
 * century; otherwise to the current one. So in 2025, "75" is 2075 but "76" is 1976.
 */
export function gs1Year(yy: number, currentYear: number): number {
  const century = Math.floor(currentYear / 100) * 100;
  const difference = yy - (currentYear % 100);
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
}

/**
 * True when YYMMDD is a possible GS1 date without knowing the century. 29 February is
 * accepted in every year divisible by 4: the window maps YY 00 to 2000 until 2050, and a
 * scan is checked again exactly when turned into a calendar date.
 */
export function isGs1Date(yymmdd: string): boolean {
  const match = YYMMDD.exec(yymmdd);
  if (!match) return false;
  const [yy, mm, dd] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (mm < 1 || mm > 12) return false;
  const maxDay = mm === 2 ? (yy % 4 === 0 ? 29 : 28) : daysInMonth(2001, mm);
  return dd <= maxDay;
}

/**
 * A GS1 YYMMDD as an ISO date `YYYY-MM-DD`, or undefined if it is not a valid date.
 * Day 00 becomes the last day of the month (`201100` → `2020-11-30`).
 */
export function gs1DateToIso(yymmdd: string, currentYear: number): string | undefined {
  const match = YYMMDD.exec(yymmdd);
  if (!match || !isGs1Date(yymmdd)) return undefined;
  const year = gs1Year(Number(match[1]), currentYear);
  const month = Number(match[2]);
  const lastDay = daysInMonth(year, month);
  const day = Number(match[3]) === 0 ? lastDay : Number(match[3]);
  if (day > lastDay) return undefined; // 29 Feb of a non-leap century year (2100)
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An ISO date `YYYY-MM-DD` as GS1 YYMMDD, for printing on labels. */
export function isoToGs1Date(isoDate: string): string | undefined {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[1]}${match[2]}${match[3]}` : undefined;
}
