import type { Database } from '../../src/adapters/db/database.js';

/** Every aggregate row, in a fixed order, without rows whose every figure is zero. */
export async function aggregateSnapshot(database: Database) {
  const db = database.db;
  const num = (rows: object[]) =>
    rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          typeof v === 'string' && k !== 'day' && k !== 'week' ? Number(v) : v,
        ]),
      ),
    );
  const days = await db
    .selectFrom('kpi_stock_days')
    .selectAll()
    .orderBy('warehouse_id')
    .orderBy('sku_id')
    .orderBy('day')
    .execute();
  const totals = await db
    .selectFrom('kpi_warehouse_days')
    .selectAll()
    .orderBy('warehouse_id')
    .orderBy('day')
    .execute();
  const weeks = await db
    .selectFrom('kpi_sku_weeks')
    .selectAll()
    .orderBy('warehouse_id')
    .orderBy('sku_id')
    .orderBy('week')
    .execute();
  const positions = await db
    .selectFrom('kpi_stock_positions')
    .selectAll()
    .orderBy('warehouse_id')
    .orderBy('sku_id')
    .execute();
  const nonZero = (r: Record<string, unknown>) =>
    Object.entries(r).some(
      ([k, v]) => !['warehouse_id', 'sku_id', 'day', 'week'].includes(k) && Number(v) !== 0,
    );
  return {
    positions: num(positions),
    days: num(days),
    totals: num(totals).filter(nonZero),
    weeks: num(weeks).filter(nonZero),
  };
}
