import type { Tx } from '../../adapters/db/database.js';
import type { ReplenishmentSuggestionTable } from '../../adapters/db/schema-purchasing.js';
import type { Insertable } from 'kysely';
import type { PairPlan } from './plan-pair.js';
import type { SupplierChoice } from './run-suppliers.js';

export type SuggestionRow = Insertable<ReplenishmentSuggestionTable>;

/** A suggestion row for a pair whose need says order; null otherwise. */
export function suggestionOf(
  plan: PairPlan,
  terms: SupplierChoice,
  facts: {
    runId: number;
    skuId: number;
    warehouseId: number;
    available: number;
    onOrder: number;
    backordered: number;
  },
  nowIso: string,
): SuggestionRow | null {
  const { need, policy } = plan;
  if (!need?.order || !policy) return null;
  return {
    run_id: facts.runId,
    supplier_id: terms.supplierId,
    warehouse_id: facts.warehouseId,
    sku_id: facts.skuId,
    quantity: need.quantity,
    needed_quantity: need.neededQuantity,
    available: facts.available,
    on_order: facts.onOrder,
    backordered: facts.backordered,
    safety_stock: policy.safetyStock,
    reorder_point: policy.reorderPoint,
    order_up_to: policy.orderUpTo,
    unit_cost_minor: terms.unitCostMinor,
    days_of_supply: need.daysOfSupply === null ? null : Math.round(need.daysOfSupply * 10) / 10,
    stockout_date: need.stockoutDate,
    reason: need.reason,
    status: 'open',
    purchase_order_id: null,
    created_at: nowIso,
  };
}

const money = (minor: number) => (minor / 100).toFixed(2);

/**
 * Checks each supplier × warehouse group against the supplier's minimum order value and
 * quantity. A group below either minimum is kept (the planner decides: top up, wait, or
 * order anyway) and every suggestion in it says so in its reason.
 */
export function noteSupplierMinimums(
  rows: SuggestionRow[],
  termsBySupplier: ReadonlyMap<number, SupplierChoice>,
): void {
  const groups = new Map<string, SuggestionRow[]>();
  for (const row of rows) {
    const key = `${row.supplier_id}:${row.warehouse_id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const terms = termsBySupplier.get(Number(group[0]!.supplier_id))!;
    const value = group.reduce((a, r) => a + Number(r.quantity) * Number(r.unit_cost_minor), 0);
    const units = group.reduce((a, r) => a + Number(r.quantity), 0);
    const notes: string[] = [];
    if (value < terms.supplierMinOrderValueMinor)
      notes.push(
        `order value ${money(value)} is below ${terms.supplierCode}'s minimum ${money(terms.supplierMinOrderValueMinor)}`,
      );
    if (units < terms.supplierMinOrderQuantity)
      notes.push(
        `${units} units is below ${terms.supplierCode}'s minimum order of ${terms.supplierMinOrderQuantity}`,
      );
    if (notes.length === 0) continue;
    const note = ` Supplier minimum not met: ${notes.join('; ')}.`;
    for (const row of group) row.reason = `${row.reason}${note}`;
  }
}

/**
 * Publishes a run's suggestions: open suggestions of earlier runs (in the run's warehouse, or
 * everywhere) are dismissed — superseded by fresher numbers — and the new ones inserted.
 */
export async function publishSuggestions(
  trx: Tx,
  runId: number,
  warehouseId: number | null,
  rows: readonly SuggestionRow[],
): Promise<void> {
  await trx
    .updateTable('replenishment_suggestions')
    .set({ status: 'dismissed' })
    .where('status', '=', 'open')
    .where('run_id', '<>', runId)
    .$if(warehouseId !== null, (q) => q.where('warehouse_id', '=', warehouseId!))
    .execute();
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('replenishment_suggestions')
      .values(rows.slice(i, i + 200))
      .execute();
}
