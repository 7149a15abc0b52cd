import { addDays } from '../shared/calendar-days.js';
/** Stock expected on a date: open PO quantity by expected date (YYYY-MM-DD). */
export interface IncomingOnDate {
  date: string;
  quantity: number;
}

/** One point of the available-to-promise series: what can be promised for delivery on `date`. */
export interface AtpPoint {
  date: string;
  /** Arriving that day (overdue POs count as arriving today). */
  incoming: number;
  /** available + incoming up to and including `date` − backordered demand. */
  atp: number;
}

export interface AtpInput {
  /** Sellable and unreserved now. */
  available: number;
  /** Units customers already ordered and wait for: they take the next stock first. */
  backordered: number;
  incoming: readonly IncomingOnDate[];
  /** First day of the series (today in the warehouse). */
  today: string;
  /** Horizon: dates from today to today + days − 1. */
  days: number;
}

export { addDays };

/**
 * Cumulative available-to-promise: a point for today and for each date within the horizon on
 * which stock arrives. Incoming dated before today is late and counted today; incoming past
 * the horizon is left out. ATP may be negative when backorders exceed all supply in sight.
 */
export function atpSeries(input: AtpInput): AtpPoint[] {
  const end = addDays(input.today, input.days);
  const byDate = new Map<string, number>();
  byDate.set(input.today, 0);
  for (const { date, quantity } of input.incoming) {
    if (quantity <= 0 || date >= end) continue;
    const day = date < input.today ? input.today : date;
    byDate.set(day, (byDate.get(day) ?? 0) + quantity);
  }
  let atp = input.available - input.backordered;
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, incoming]) => {
      atp += incoming;
      return { date, incoming, atp };
    });
}
