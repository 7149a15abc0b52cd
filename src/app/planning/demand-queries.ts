import type { Tx } from '../../adapters/db/database.js';
import {
  demandSeries,
  type DemandDay,
  type DemandPeriod,
  type DemandPoint,
} from './demand-series.js';

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

/** GET /planning/demand: a gap-free daily or ISO-weekly series with censored flags. */
export async function queryDemand(db: Tx, q: DemandQuery) {
  const days = await demandDays(db, q.skuId, q.warehouseId, q.from, q.to);
  const points: DemandPoint[] = demandSeries(days, q.from, q.to, q.period);
  return {
    skuId: q.skuId,
    warehouseId: q.warehouseId ?? null,
    period: q.period,
    from: q.from,
    to: q.to,
    points,
  };
}
