import type { Tx } from '../../adapters/db/database.js';
import { classifyAbc, type AbcClass } from '../../core/planning/policy/index.js';
import { addDays } from './planning-calendar.js';
import { pairKey, type PlanningPair } from './run-inputs.js';

const isAbc = (v: string | null): v is AbcClass => v === 'A' || v === 'B' || v === 'C';

/**
 * ABC classes by annual demand value (units ordered in the last 364 days × unit cost),
 * ranked within each warehouse: A is what makes the first 80 % of a warehouse's value. A class
 * the planner pinned is kept. `unitCost` gives the cost the run buys at for a pair.
 */
export async function classifyPairs(
  db: Tx,
  pairs: readonly PlanningPair[],
  unitCost: (pair: PlanningPair) => number,
  today: string,
): Promise<Map<string, AbcClass>> {
  const rows = await db
    .selectFrom('demand_daily')
    .where('day', '>', addDays(today, -365))
    .where('day', '<=', today)
    .select(['sku_id', 'warehouse_id', (eb) => eb.fn.sum<number>('ordered_quantity').as('units')])
    .groupBy(['sku_id', 'warehouse_id'])
    .execute();
  const units = new Map(
    rows.map((r) => [pairKey(Number(r.sku_id), Number(r.warehouse_id)), Number(r.units)]),
  );
  const byWarehouse = new Map<number, { key: string; annualValue: number }[]>();
  for (const p of pairs) {
    const key = pairKey(p.skuId, p.warehouseId);
    const items = byWarehouse.get(p.warehouseId) ?? [];
    items.push({ key, annualValue: (units.get(key) ?? 0) * unitCost(p) });
    byWarehouse.set(p.warehouseId, items);
  }
  const classes = new Map<string, AbcClass>();
  for (const items of byWarehouse.values())
    for (const [key, c] of classifyAbc(items)) classes.set(key, c);
  for (const p of pairs)
    if (p.abcPinned && isAbc(p.abcClass)) classes.set(pairKey(p.skuId, p.warehouseId), p.abcClass);
  return classes;
}

/** Stores the computed classes on the planning rows (creating rows), leaving pinned ones. */
export async function saveClasses(
  trx: Tx,
  pairs: readonly PlanningPair[],
  classes: ReadonlyMap<string, AbcClass>,
  nowIso: string,
): Promise<void> {
  const changed = pairs.flatMap((p) => {
    const abc = classes.get(pairKey(p.skuId, p.warehouseId));
    if (p.abcPinned || !abc || abc === p.abcClass) return [];
    return [
      {
        sku_id: p.skuId,
        warehouse_id: p.warehouseId,
        abc_class: abc,
        abc_pinned: 0,
        review_days: 1,
        use_eoq: 0,
        updated_at: nowIso,
      },
    ];
  });
  // Changed classes in a few multi-row upserts, not one statement per pair.
  for (let i = 0; i < changed.length; i += 500)
    await trx
      .insertInto('sku_planning')
      .values(changed.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['sku_id', 'warehouse_id']).doUpdateSet((eb) => ({
          abc_class: eb.ref('excluded.abc_class'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
}
