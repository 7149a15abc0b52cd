import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { abcByValue, xyzFromSums } from '../../core/kpis/abc-xyz.js';
import { ratio, round4 } from '../../core/kpis/kpi-math.js';
import { tableOf, type KpiRow, type KpiTable } from '../../core/kpis/kpi-table.js';
import type { KpiSettings } from '../../core/kpis/kpi-settings.js';
import { addDays, daysBetween, weekStart } from '../../core/kpis/periods.js';
import { groupOf, type KpiQuery } from './kpi-query.js';
import { positionsBefore } from './stock-day-store.js';

interface SkuInfo {
  code: string;
  category: string;
  costMinor: number;
}

async function skuInfo(db: Tx): Promise<Map<number, SkuInfo>> {
  const rows = await db
    .selectFrom('skus')
    .select(['id', 'code', 'category', 'standard_cost_minor'])
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.id),
      { code: r.code, category: r.category, costMinor: Number(r.standard_cost_minor) },
    ]),
  );
}

/** Each SKU × warehouse's last day row before `to`: its position at the end of the period. */
async function positionsAt(db: Tx, q: KpiQuery) {
  const out: { warehouseId: number; skuId: number; day: string; onHand: number }[] = [];
  for (const [key, [row]] of await positionsBefore(db, q.to)) {
    const [warehouseId, skuId] = key.split(':').map(Number) as [number, number];
    if (q.warehouseId !== undefined && warehouseId !== q.warehouseId) continue;
    if (row) out.push({ warehouseId, skuId, day: row.day, onHand: row.onHand });
  }
  return out;
}

/** Dead stock and inventory value by category, both read from the positions at `to`. */
export async function positionTables(
  db: Tx,
  q: KpiQuery,
  settings: KpiSettings,
): Promise<KpiTable[]> {
  const [skus, positions] = await Promise.all([skuInfo(db), positionsAt(db, q)]);
  const idleSince = addDays(q.to, -settings.deadStockDays);
  const dead: KpiRow[] = [];
  const value = new Map<string, KpiRow & { onHand: number; valueMinor: number }>();
  for (const p of positions.sort((a, b) => a.warehouseId - b.warehouseId || a.skuId - b.skuId)) {
    const sku = skus.get(p.skuId);
    const valueMinor = p.onHand * (sku?.costMinor ?? 0);
    if (p.onHand > 0 && p.day < idleSince)
      dead.push({
        warehouseId: p.warehouseId,
        skuId: p.skuId,
        skuCode: sku?.code ?? null,
        onHand: p.onHand,
        valueMinor,
        lastMovementDay: p.day,
        daysIdle: daysBetween(p.day, q.to) - 1,
      });
    const group = q.groupBy === 'warehouse' ? String(p.warehouseId) : 'all';
    const category = sku?.category ?? 'unknown';
    const key = `${group}\u0000${category}`;
    const v = value.get(key) ?? { group, category, onHand: 0, valueMinor: 0 };
    v.onHand += p.onHand;
    v.valueMinor += valueMinor;
    value.set(key, v);
  }
  const byCategory = [...value.values()].sort(
    (a, b) =>
      String(a.group).localeCompare(String(b.group)) ||
      String(a.category).localeCompare(String(b.category)),
  );
  return [
    tableOf(
      'dead-stock',
      ['warehouseId', 'skuId', 'skuCode', 'onHand', 'valueMinor', 'lastMovementDay', 'daysIdle'],
      dead,
    ),
    tableOf('inventory-value', ['group', 'category', 'onHand', 'valueMinor'], byCategory),
  ];
}

/**
 * ABC by COGS and XYZ by the variability of weekly issued units, per group. The database sums
 * each SKU's weeks (and their squares), so one row per SKU comes back, not one per week.
 */
export async function abcXyz(db: Tx, q: KpiQuery): Promise<KpiTable> {
  const byWarehouse = q.groupBy === 'warehouse';
  const rows = await sql<{
    warehouse_id: number | string | null;
    sku_id: number | string;
    units: number | string;
    squares: number | string;
    cogs: number | string;
  }>`
    select ${byWarehouse ? sql`warehouse_id` : sql`null`} as warehouse_id, sku_id,
      sum(issued_units) as units, sum(issued_units * issued_units) as squares,
      sum(cogs_minor) as cogs
    from kpi_sku_weeks
    where week >= ${weekStart(q.from)} and week < ${q.to}
    ${q.warehouseId === undefined ? sql`` : sql`and warehouse_id = ${q.warehouseId}`}
    group by ${byWarehouse ? sql`warehouse_id, ` : sql``}sku_id
  `.execute(db);
  const skus = await skuInfo(db);
  let weeks = 0;
  for (let w = weekStart(q.from); w < q.to; w = addDays(w, 7)) weeks++;
  const groups = new Map<
    string,
    { skuId: number; units: number; squares: number; cogs: number }[]
  >();
  for (const r of rows.rows) {
    const group = byWarehouse ? String(r.warehouse_id) : 'all';
    const list = groups.get(group) ?? [];
    list.push({
      skuId: Number(r.sku_id),
      units: Number(r.units),
      squares: Number(r.squares),
      cogs: Number(r.cogs),
    });
    groups.set(group, list);
  }
  const out: KpiRow[] = [];
  for (const group of [...groups.keys()].sort()) {
    const list = groups.get(group)!.sort((a, b) => b.cogs - a.cogs || a.skuId - b.skuId);
    const abc = abcByValue(new Map(list.map((s) => [s.skuId, s.cogs])));
    for (const s of list) {
      const { cv, xyz } = xyzFromSums(weeks, s.units, s.squares);
      out.push({
        group,
        skuId: s.skuId,
        skuCode: skus.get(s.skuId)?.code ?? null,
        issuedUnits: s.units,
        cogsMinor: s.cogs,
        abc: abc.get(s.skuId) ?? 'C',
        cv: cv === null ? null : round4(cv),
        xyz,
      });
    }
  }
  return tableOf(
    'abc-xyz',
    ['group', 'skuId', 'skuCode', 'issuedUnits', 'cogsMinor', 'abc', 'cv', 'xyz'],
    out,
  );
}

/**
 * Counted records within tolerance ÷ counted records, per group and ABC class (sku_planning).
 * The tolerance is cast: PostgreSQL would type the parameter after the bigint quantity and
 * refuse a fractional percentage such as 2.5.
 */
export async function inventoryAccuracy(
  db: Tx,
  q: KpiQuery,
  settings: KpiSettings,
): Promise<KpiTable> {
  const rows = await sql<{
    warehouse_id: number | string;
    abc_class: string | null;
    records: number | string;
    accurate: number | string;
  }>`
    select l.warehouse_id, sp.abc_class, count(*) as records,
      sum(case when abs(cl.counted_quantity - cl.system_quantity) * 100
        <= cast(${settings.countTolerancePct} as double precision) * cl.system_quantity
        then 1 else 0 end) as accurate
    from count_lines cl
    join count_tasks ct on ct.id = cl.count_task_id
    join locations l on l.id = ct.location_id
    left join sku_planning sp on sp.sku_id = cl.sku_id and sp.warehouse_id = l.warehouse_id
    where cl.counted_at >= ${q.from} and cl.counted_at < ${q.to}
    ${q.warehouseId === undefined ? sql`` : sql`and l.warehouse_id = ${q.warehouseId}`}
    group by l.warehouse_id, sp.abc_class
  `.execute(db);
  const acc = new Map<
    string,
    { group: string; abcClass: string; records: number; accurate: number }
  >();
  for (const r of rows.rows) {
    const group = groupOf(
      { ...q, groupBy: q.groupBy === 'warehouse' ? 'warehouse' : 'none' },
      { warehouseId: Number(r.warehouse_id), customerId: null },
    );
    for (const abcClass of [r.abc_class ?? 'unclassified', 'all']) {
      const key = `${group}\u0000${abcClass}`;
      const a = acc.get(key) ?? { group, abcClass, records: 0, accurate: 0 };
      a.records += Number(r.records);
      a.accurate += Number(r.accurate);
      acc.set(key, a);
    }
  }
  const out = [...acc.values()]
    .sort((a, b) => a.group.localeCompare(b.group) || a.abcClass.localeCompare(b.abcClass))
    .map((a) => ({ ...a, inventoryAccuracy: ratio(a.accurate, a.records) }));
  return tableOf(
    'inventory-accuracy',
    ['group', 'abcClass', 'records', 'accurate', 'inventoryAccuracy'],
    out,
  );
}

/** Lots on hand (now) that expire before `asOf` + N days: units and value at standard cost. */
export async function expiringStock(
  db: Tx,
  q: KpiQuery,
  settings: KpiSettings,
  asOf: string,
): Promise<KpiTable> {
  let query = db
    .selectFrom('stock_balances as b')
    .innerJoin('lots', 'lots.id', 'b.lot_id')
    .innerJoin('skus', 'skus.id', 'b.sku_id')
    .innerJoin('locations as l', 'l.id', 'b.location_id')
    .select([
      'b.warehouse_id',
      'b.sku_id',
      'skus.code',
      'lots.code as lot_code',
      'lots.expiry_date',
      'skus.standard_cost_minor',
      (eb) => eb.fn.sum<number | string>('b.on_hand').as('units'),
    ])
    .where('lots.expiry_date', '<', addDays(asOf, settings.expiringWithinDays))
    .where('b.on_hand', '>', 0)
    .where('l.virtual', '=', 0)
    .groupBy([
      'b.warehouse_id',
      'b.sku_id',
      'skus.code',
      'lots.code',
      'lots.expiry_date',
      'skus.standard_cost_minor',
    ])
    .orderBy('lots.expiry_date')
    .orderBy('b.sku_id');
  if (q.warehouseId !== undefined) query = query.where('b.warehouse_id', '=', q.warehouseId);
  const rows = await query.execute();
  return tableOf(
    'expiring-stock',
    [
      'warehouseId',
      'skuId',
      'skuCode',
      'lotCode',
      'expiryDate',
      'daysToExpiry',
      'units',
      'valueMinor',
    ],
    rows.map((r) => ({
      warehouseId: Number(r.warehouse_id),
      skuId: Number(r.sku_id),
      skuCode: r.code,
      lotCode: r.lot_code,
      expiryDate: r.expiry_date,
      daysToExpiry: daysBetween(asOf, r.expiry_date!),
      units: Number(r.units),
      valueMinor: Number(r.units) * Number(r.standard_cost_minor),
    })),
  );
}
