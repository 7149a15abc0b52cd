import { eachDay, isoWeekLabel, isoWeekStart } from './planning-calendar.js';

/** One day of demand as demand_daily holds it (numbers, flags as booleans). */
export interface DemandDay {
  day: string;
  orderedQuantity: number;
  shippedQuantity: number;
  orderLines: number;
  censored: boolean;
}

/** One point of a demand series: a day, or an ISO week starting on its Monday. */
export interface DemandPoint {
  /** The day, or the Monday the ISO week starts on. */
  start: string;
  /** `YYYY-MM-DD`, or the ISO week label `YYYY-Www`. */
  label: string;
  orderedQuantity: number;
  shippedQuantity: number;
  orderLines: number;
  /** Days in the period with nothing to sell: the ordered figure is a lower bound. */
  censoredDays: number;
  censored: boolean;
}

export type DemandPeriod = 'day' | 'week';

/**
 * A gap-free series from `from` to `to`: days without a row are days without demand. Weeks are
 * ISO weeks (Monday–Sunday) summed from the days; a week is censored when any day of it is.
 */
export function demandSeries(
  rows: readonly DemandDay[],
  from: string,
  to: string,
  period: DemandPeriod,
): DemandPoint[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const points = new Map<string, DemandPoint>();
  for (const day of eachDay(from, to)) {
    const start = period === 'day' ? day : isoWeekStart(day);
    let point = points.get(start);
    if (!point) {
      point = {
        start,
        label: period === 'day' ? day : isoWeekLabel(day),
        orderedQuantity: 0,
        shippedQuantity: 0,
        orderLines: 0,
        censoredDays: 0,
        censored: false,
      };
      points.set(start, point);
    }
    const row = byDay.get(day);
    if (!row) continue;
    point.orderedQuantity += row.orderedQuantity;
    point.shippedQuantity += row.shippedQuantity;
    point.orderLines += row.orderLines;
    if (row.censored) {
      point.censoredDays++;
      point.censored = true;
    }
  }
  return [...points.values()];
}
