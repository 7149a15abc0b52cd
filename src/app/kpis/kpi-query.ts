import { bucketOf, type Period } from '../../core/kpis/periods.js';

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

/** The bucket of an ISO timestamp or date. */
export function bucketOfTime(query: KpiQuery, iso: string): string {
  return bucketOf(iso.slice(0, 10), query.period);
}
