import { addDays, bucketOf, type Period } from '../../core/kpis/periods.js';
import { businessDay } from '../../core/shared/business-day.js';

export type GroupBy = 'warehouse' | 'customer' | 'none';

/** What a KPI report is asked for: a day range [from, to), buckets, grouping and filters. */
export interface KpiQuery {
  from: string;
  to: string;
  period: Period;
  groupBy: GroupBy;
  warehouseId?: number | undefined;
  customerId?: number | undefined;
}

/** The group label of a row: the warehouse or customer id, or `all`. */
export function groupOf(
  query: KpiQuery,
  ids: { warehouseId: number | null; customerId: number | null },
): string {
  if (query.groupBy === 'warehouse') return String(ids.warehouseId ?? 'none');
  if (query.groupBy === 'customer') return String(ids.customerId ?? 'none');
  return 'all';
}

/**
 * The bucket of an instant: of its business day at the warehouse (`timeZone`), so a Los Angeles
 * shipment at 17:00 local falls on that day, not on UTC's next one.
 */
export function bucketOfTime(query: KpiQuery, iso: string, timeZone: string): string {
  return bucketOf(businessDay(iso, timeZone), query.period);
}

/**
 * The range a day wider on each side, for reading rows by their UTC instants: `[from, to)` is a
 * range of business days, and every zone is within a day of UTC. `inRange` keeps the right ones.
 */
export function widened(query: KpiQuery): KpiQuery {
  return { ...query, from: addDays(query.from, -1), to: addDays(query.to, 1) };
}

/** Whether an instant's business day at the warehouse lies in [from, to). */
export function inRange(query: KpiQuery, iso: string, timeZone: string): boolean {
  const day = businessDay(iso, timeZone);
  return day >= query.from && day < query.to;
}
