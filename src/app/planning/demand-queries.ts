import type { Tx } from '../../adapters/db/database.js';
import { isIsoDate } from '../../core/inventory/movement.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import {
  demandSeries,
  type DemandDay,
  type DemandPeriod,
  type DemandPoint,
} from './demand-series.js';
import { daysBetween } from './planning-calendar.js';

export interface DemandQuery {
  skuId: number;
  /** Omitted: every warehouse summed (a day is censored when any warehouse's is). */
  warehouseId?: number | undefined;
  period: DemandPeriod;
  from: string;
  to: string;
}

/** The demand_daily rows of one SKU (× warehouse) in a date range, summed per day. */
export async function demandDays(
  db: Tx,
  skuId: number,
  warehouseId: number | undefined,
  from: string,
  to: string,
): Promise<DemandDay[]> {
  let query = db
    .selectFrom('demand_daily')
    .where('sku_id', '=', skuId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .select((eb) => [
      'day',
      eb.fn.sum<number>('ordered_quantity').as('ordered'),
      eb.fn.sum<number>('shipped_quantity').as('shipped'),
      eb.fn.sum<number>('order_lines').as('lines'),
      eb.fn.max<number>('censored').as('censored'),
    ])
    .groupBy('day')
    .orderBy('day');
  if (warehouseId !== undefined) query = query.where('warehouse_id', '=', warehouseId);
  const rows = await query.execute();
  return rows.map((r) => ({
    day: r.day,
    orderedQuantity: Number(r.ordered),
    shippedQuantity: Number(r.shipped),
    orderLines: Number(r.lines),
    censored: Number(r.censored) === 1,
  }));
}

/** The longest range a series may cover: the series has a point for every day of it. */
export const MAX_DEMAND_RANGE_DAYS = 3660;

/**
 * GET /planning/demand: a gap-free daily or ISO-weekly series with censored flags. Refuses
 * dates that are not in the calendar (2026-02-30) and ranges that run backwards or span more
 * than ten years, since the series is built day by day.
 */
export async function queryDemand(db: Tx, q: DemandQuery) {
  const refused = rangeProblem(q.from, q.to);
  if (refused) return refused;
  const days = await demandDays(db, q.skuId, q.warehouseId, q.from, q.to);
  const points: DemandPoint[] = demandSeries(days, q.from, q.to, q.period);
  return ok({
    skuId: q.skuId,
    warehouseId: q.warehouseId ?? null,
    period: q.period,
    from: q.from,
    to: q.to,
    points,
  });
}

function rangeProblem(from: string, to: string): Result<never> | undefined {
  const invalid = (message: string) => fail('PLANNING.INVALID_RANGE', message);
  if (!isIsoDate(from) || !isIsoDate(to))
    return invalid(`from and to must be calendar dates (YYYY-MM-DD), got ${from} and ${to}`);
  if (from > to) return invalid(`from (${from}) is after to (${to})`);
  if (daysBetween(from, to) > MAX_DEMAND_RANGE_DAYS)
    return invalid(`A demand series covers at most ${MAX_DEMAND_RANGE_DAYS} days`);
  return undefined;
}
