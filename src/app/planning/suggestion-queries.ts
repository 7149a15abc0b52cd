import type { Tx } from '../../adapters/db/database.js';
import { fail, ok, type Result } from '../../core/shared/result.js';

export interface SuggestionFilter {
  warehouseId?: number | undefined;
  supplierId?: number | undefined;
  /** open (default), approved or dismissed. */
  status?: string | undefined;
}

/** A run's progress as the API shows it. */
export async function getRun(db: Tx, runId: number): Promise<Result<ReturnType<typeof runView>>> {
  const row = await db
    .selectFrom('replenishment_runs')
    .selectAll()
    .where('id', '=', runId)
    .executeTakeFirst();
  return row
    ? ok(runView(row))
    : fail('PLANNING.RUN_NOT_FOUND', `No replenishment run ${runId}`, { runId });
}

function runView(r: {
  id: number;
  status: string;
  trigger: string;
  warehouse_id: number | null;
  progress_done: number;
  progress_total: number;
  suggestions: number;
  error: string | null;
  started_by: string;
  started_at: string;
  finished_at: string | null;
}) {
  return {
    id: Number(r.id),
    status: r.status,
    trigger: r.trigger,
    warehouseId: r.warehouse_id === null ? null : Number(r.warehouse_id),
    progressDone: Number(r.progress_done),
    progressTotal: Number(r.progress_total),
    suggestions: Number(r.suggestions),
    error: r.error,
    startedBy: r.started_by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/**
 * Suggestions grouped per supplier × warehouse (one draft PO each when approved), with the
 * group's value and units against the supplier's minimums. Newest 2,000 rows at most.
 */
export async function listSuggestions(db: Tx, filter: SuggestionFilter) {
  const rows = await db
    .selectFrom('replenishment_suggestions as r')
    .innerJoin('suppliers as s', 's.id', 'r.supplier_id')
    .innerJoin('skus as k', 'k.id', 'r.sku_id')
    .selectAll('r')
    .select([
      's.code as supplier_code',
      's.name as supplier_name',
      's.currency',
      's.min_order_value_minor',
      's.min_order_quantity',
      'k.code as sku_code',
      'k.name as sku_name',
    ])
    .where('r.status', '=', filter.status ?? 'open')
    .$if(filter.warehouseId !== undefined, (q) =>
      q.where('r.warehouse_id', '=', filter.warehouseId!),
    )
    .$if(filter.supplierId !== undefined, (q) => q.where('r.supplier_id', '=', filter.supplierId!))
    .orderBy('r.supplier_id')
    .orderBy('r.warehouse_id')
    .orderBy('r.id')
    .limit(2000)
    .execute();
  const groups = new Map<string, ReturnType<typeof groupOf>>();
  for (const r of rows) {
    const key = `${r.supplier_id}:${r.warehouse_id}`;
    const group = groups.get(key) ?? groupOf(r);
    const item = {
      id: Number(r.id),
      runId: Number(r.run_id),
      skuId: Number(r.sku_id),
      skuCode: r.sku_code,
      skuName: r.sku_name,
      quantity: Number(r.quantity),
      neededQuantity: Number(r.needed_quantity),
      available: Number(r.available),
      onOrder: Number(r.on_order),
      backordered: Number(r.backordered),
      safetyStock: Number(r.safety_stock),
      reorderPoint: Number(r.reorder_point),
      orderUpTo: Number(r.order_up_to),
      unitCostMinor: Number(r.unit_cost_minor),
      daysOfSupply: r.days_of_supply === null ? null : Number(r.days_of_supply),
      stockoutDate: r.stockout_date,
      reason: r.reason,
      status: r.status,
      purchaseOrderId: r.purchase_order_id === null ? null : Number(r.purchase_order_id),
      createdAt: r.created_at,
    };
    group.items.push(item);
    group.totalQuantity += item.quantity;
    group.totalValueMinor += item.quantity * item.unitCostMinor;
    group.meetsMinimums =
      group.totalValueMinor >= group.minOrderValueMinor &&
      group.totalQuantity >= group.minOrderQuantity;
    groups.set(key, group);
  }
  return { groups: [...groups.values()] };
}

function groupOf(r: {
  supplier_id: number;
  supplier_code: string;
  supplier_name: string;
  warehouse_id: number;
  currency: string;
  min_order_value_minor: number;
  min_order_quantity: number;
}) {
  return {
    supplierId: Number(r.supplier_id),
    supplierCode: r.supplier_code,
    supplierName: r.supplier_name,
    warehouseId: Number(r.warehouse_id),
    currency: r.currency,
    minOrderValueMinor: Number(r.min_order_value_minor),
    minOrderQuantity: Number(r.min_order_quantity),
    totalQuantity: 0,
    totalValueMinor: 0,
    meetsMinimums: true,
    items: [] as {
      id: number;
      runId: number;
      skuId: number;
      skuCode: string;
      skuName: string;
      quantity: number;
      neededQuantity: number;
      available: number;
      onOrder: number;
      backordered: number;
      safetyStock: number;
      reorderPoint: number;
      orderUpTo: number;
      unitCostMinor: number;
      daysOfSupply: number | null;
      stockoutDate: string | null;
      reason: string;
      status: string;
      purchaseOrderId: number | null;
      createdAt: string;
    }[],
  };
}
