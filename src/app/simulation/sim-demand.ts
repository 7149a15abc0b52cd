import { addDays } from './sim-random.js';

/**
 * How busy a day is for a pet-supplies wholesaler, as a factor of an ordinary weekday. Pure:
 * the day loop multiplies the configured orders per day by it.
 *
 * - Week: retailers restock early in the week; Saturday is light and Sunday almost empty.
 * - Year: a spring lift (new pets, flea and tick season), a summer dip, and the run-up to
 *   the holidays from October.
 * - Promotions: a trade promotion in the second week of March, June and September (+40 %).
 * - Black Friday (the fourth Friday of November): about five times an ordinary day, with
 *   the days around it raised too (stores restock before and after).
 */
export function demandFactor(date: string): number {
  return weekFactor(date) * yearFactor(date) * promotionFactor(date) * peakFactor(date);
}

const WEEK = [0.15, 1.25, 1.15, 1.05, 1.0, 0.95, 0.45]; // Sunday … Saturday

function weekFactor(date: string): number {
  return WEEK[new Date(`${date}T00:00:00.000Z`).getUTCDay()]!;
}

/** Month by month: a spring lift, a summer dip, and the run-up to the holidays. */
const MONTH = [0.85, 0.9, 1.05, 1.1, 1.05, 1.0, 0.9, 0.88, 0.95, 1.05, 1.1, 1.0];

function yearFactor(date: string): number {
  return MONTH[Number(date.slice(5, 7)) - 1]!;
}

function promotionFactor(date: string): number {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return [3, 6, 9].includes(month) && day >= 8 && day <= 14 ? 1.4 : 1;
}

/** The Black Friday of a year: the fourth Friday of November. */
export function blackFriday(year: number): string {
  const first = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstFriday = 1 + ((5 - first + 7) % 7);
  return `${year}-11-${String(firstFriday + 21).padStart(2, '0')}`;
}

/**
 * The peak around Black Friday, as a multiplier on the ordinary curve. On the day itself the
 * result of `demandFactor` is about 5 (Friday 0.95 × November 1.1 × 4.8).
 */
function peakFactor(date: string): number {
  const peak = blackFriday(Number(date.slice(0, 4)));
  const offsets: Record<string, number> = {
    [addDays(peak, -3)]: 1.6,
    [addDays(peak, -2)]: 1.8,
    [addDays(peak, -1)]: 0.6, // Thanksgiving: stores closed
    [peak]: 4.8,
    [addDays(peak, 1)]: 2.5,
    [addDays(peak, 3)]: 2.2, // Cyber Monday restock
  };
  return offsets[date] ?? 1;
}

/** Whether `date` is the Black Friday of its year. */
export function isBlackFriday(date: string): boolean {
  return date === blackFriday(Number(date.slice(0, 4)));
}
