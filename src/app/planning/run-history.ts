import type { Tx } from '../../adapters/db/database.js';
import { addDays, isoWeekStart } from './planning-calendar.js';
import { pairKey } from './run-inputs.js';
import { HISTORY_WEEKS } from './sku-forecast.js';

export interface WeekOfDemand {
  quantity: number;
  censored: boolean;
}

/**
 * Weekly ordered quantity per `sku:warehouse` over the complete ISO weeks before today's (up to
 * HISTORY_WEEKS), from the first week the pair has any row: weeks before a SKU was sold there
 * are not zeros of demand. A week is censored when any of its days is.
 */
export async function weeklyHistory(
  db: Tx,
  skuIds: number[],
  today: string,
): Promise<Map<string, WeekOfDemand[]>> {
  const end = isoWeekStart(today); // exclusive: this week is not over
  const start = addDays(end, -7 * HISTORY_WEEKS);
  const series = new Map<string, WeekOfDemand[]>();
  if (skuIds.length === 0) return series;
  const rows = await db
    .selectFrom('demand_daily')
    .where('sku_id', 'in', skuIds)
    .where('day', '>=', start)
    .where('day', '<', end)
    .select(['sku_id', 'warehouse_id', 'day', 'ordered_quantity', 'censored'])
    .orderBy('day')
    .execute();
  const firstWeek = new Map<string, number>();
  for (const r of rows) {
    const key = pairKey(Number(r.sku_id), Number(r.warehouse_id));
    const week = Math.floor((Date.parse(r.day) - Date.parse(start)) / (7 * 86_400_000));
    let weeks = series.get(key);
    if (!weeks) {
      weeks = Array.from({ length: HISTORY_WEEKS }, () => ({ quantity: 0, censored: false }));
      series.set(key, weeks);
      firstWeek.set(key, week); // rows come in day order
    }
    weeks[week]!.quantity += Number(r.ordered_quantity);
    if (Number(r.censored) === 1) weeks[week]!.censored = true;
  }
  for (const [key, weeks] of series) series.set(key, weeks.slice(firstWeek.get(key)));
  return series;
}
