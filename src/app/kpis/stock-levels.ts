import type { Tx } from '../../adapters/db/database.js';
import { bucketOf, eachDay } from '../../core/kpis/periods.js';
import type { DayLevel } from '../../core/kpis/stock-kpis.js';
import type { KpiQuery } from './kpi-query.js';

interface Running {
  value: number;
  stockouts: number;
  tracked: number;
}

/**
 * Each day's inventory value, stock-outs and COGS per group in [from, to), from the
 * warehouse-day totals: a running sum over a few hundred rows per warehouse and year, never
 * the movements. Inventory is not a customer's, so grouping by customer reports `all`.
 */
export async function dayLevels(db: Tx, q: KpiQuery): Promise<DayLevel[]> {
  let query = db
    .selectFrom('kpi_warehouse_days')
    .selectAll()
    .where('day', '<', q.to)
    .orderBy('day');
  if (q.warehouseId !== undefined) query = query.where('warehouse_id', '=', q.warehouseId);
  const rows = await query.execute();
  const byWarehouse = q.groupBy === 'warehouse';
  const running = new Map<string, Running>();
  const flows = new Map<string, { cogs: number }>();
  let next = 0;
  const levels: DayLevel[] = [];
  const advance = (untilDay: string) => {
    for (; next < rows.length && rows[next]!.day <= untilDay; next++) {
      const r = rows[next]!;
      const group = byWarehouse ? String(r.warehouse_id) : 'all';
      const run = running.get(group) ?? { value: 0, stockouts: 0, tracked: 0 };
      run.value += Number(r.value_delta_minor);
      run.stockouts += Number(r.stockout_delta);
      run.tracked += Number(r.tracked_delta);
      running.set(group, run);
      if (r.day === untilDay) {
        const key = `${group}\u0000${r.day}`;
        const f = flows.get(key) ?? { cogs: 0 };
        f.cogs += Number(r.cogs_minor);
        flows.set(key, f);
      }
    }
  };
  // A warehouse that starts stocking mid-period counts as empty before: its average covers every day.
  const groups = byWarehouse ? [...new Set(rows.map((r) => String(r.warehouse_id)))] : ['all'];
  for (const day of eachDay(q.from, q.to)) {
    advance(day);
    for (const group of groups) {
      const run = running.get(group) ?? { value: 0, stockouts: 0, tracked: 0 };
      levels.push({
        group,
        bucket: bucketOf(day, q.period),
        day,
        valueMinor: run.value,
        stockouts: run.stockouts,
        tracked: run.tracked,
        cogsMinor: flows.get(`${group}\u0000${day}`)?.cogs ?? 0,
      });
    }
  }
  return levels;
}
