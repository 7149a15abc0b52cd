import { sql } from 'kysely';
import { isPostgres, type Tx } from '../../adapters/db/database.js';
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
  // Summed by week in the database: a year of daily rows per pair stays there.
  const week = isPostgres(db)
    ? sql<number>`(day::date - ${start}::date) / 7`
    : sql<number>`cast((julianday(day) - julianday(${start})) / 7 as integer)`;
  const rows = await db
    .selectFrom('demand_daily')
    .where('sku_id', 'in', skuIds)
    .where('day', '>=', start)
    .where('day', '<', end)
    .select([
      'sku_id',
      'warehouse_id',
      week.as('week'),
      sql<number | string>`sum(ordered_quantity)`.as('quantity'),
      sql<number>`max(censored)`.as('censored'),
    ])
    .groupBy(['sku_id', 'warehouse_id', sql`3`])
    .orderBy('sku_id')
    .orderBy('warehouse_id')
    .orderBy(sql`3`)
    .execute();
  const firstWeek = new Map<string, number>();
  for (const r of rows) {
    const key = pairKey(Number(r.sku_id), Number(r.warehouse_id));
    const w = Number(r.week);
    let weeks = series.get(key);
    if (!weeks) {
      weeks = Array.from({ length: HISTORY_WEEKS }, () => ({ quantity: 0, censored: false }));
      series.set(key, weeks);
      firstWeek.set(key, w); // each pair's weeks come in order
    }
    weeks[w] = { quantity: Number(r.quantity), censored: Number(r.censored) === 1 };
  }
  for (const [key, weeks] of series) series.set(key, weeks.slice(firstWeek.get(key)));
  return series;
}
