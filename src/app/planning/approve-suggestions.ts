import type { Tx } from '../../adapters/db/database.js';
import { fail, must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { createPurchaseOrder } from '../purchasing/create-purchase-order.js';

export interface ApproveInput {
  suggestionIds: number[];
  /** Planner's quantities by suggestion id (base units), replacing the suggested ones. */
  quantities?: Record<string, number> | undefined;
}

export interface ApprovedPurchaseOrder {
  id: number;
  number: string;
  supplierId: number;
  warehouseId: number;
  suggestionIds: number[];
}

async function openSuggestions(trx: Tx, ids: number[]) {
  const rows = await trx
    .selectFrom('replenishment_suggestions')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  const found = new Set(rows.map((r) => Number(r.id)));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    must(fail('PLANNING.SUGGESTION_NOT_FOUND', `No suggestion ${missing.join(', ')}`, { missing }));
  const closed = rows.filter((r) => r.status !== 'open').map((r) => Number(r.id));
  if (closed.length)
    must(
      fail(
        'PLANNING.SUGGESTION_ILLEGAL_TRANSITION',
        `Suggestion ${closed.join(', ')} is not open`,
        {
          suggestionIds: closed,
        },
      ),
    );
  return rows;
}

/**
 * Turns open suggestions into draft POs, one per supplier × warehouse, each line at the
 * suggestion's quantity (or the planner's) and cost; the suggestions become approved and
 * point at their PO. All or nothing.
 */
export async function approveSuggestions(
  trx: Tx,
  input: ApproveInput,
  actor: string,
  nowIso: string,
): Promise<{ purchaseOrders: ApprovedPurchaseOrder[] }> {
  const ids = [...new Set(input.suggestionIds)];
  const rows = await openSuggestions(trx, ids);
  const quantityOf = (id: number, suggested: number) => {
    const q = input.quantities?.[String(id)];
    if (q === undefined) return suggested;
    if (!Number.isInteger(q) || q <= 0)
      must(
        fail('PLANNING.BAD_QUANTITY', `Quantity for suggestion ${id} must be a positive integer`),
      );
    return q;
  };
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.supplier_id}:${r.warehouse_id}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const purchaseOrders: ApprovedPurchaseOrder[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const po = await createPurchaseOrder(
      trx,
      {
        supplierId: Number(first.supplier_id),
        warehouseId: Number(first.warehouse_id),
        source: 'replenishment',
        replenishmentRunId: Math.max(...group.map((r) => Number(r.run_id))),
        lines: group.map((r) => ({
          skuId: Number(r.sku_id),
          quantity: quantityOf(Number(r.id), Number(r.quantity)),
          unitCostMinor: Number(r.unit_cost_minor),
        })),
      },
      actor,
      nowIso,
    );
    for (const r of group)
      await trx
        .updateTable('replenishment_suggestions')
        .set({
          status: 'approved',
          purchase_order_id: po.id,
          quantity: quantityOf(Number(r.id), Number(r.quantity)),
        })
        .where('id', '=', r.id)
        .execute();
    purchaseOrders.push({
      ...po,
      supplierId: Number(first.supplier_id),
      warehouseId: Number(first.warehouse_id),
      suggestionIds: group.map((r) => Number(r.id)),
    });
  }
  return { purchaseOrders };
}

/** Dismisses one open suggestion (the planner decided not to buy). */
export async function dismissSuggestion(trx: Tx, id: number, actor: string, nowIso: string) {
  await openSuggestions(trx, [id]);
  await trx
    .updateTable('replenishment_suggestions')
    .set({ status: 'dismissed' })
    .where('id', '=', id)
    .execute();
  await appendEvent(
    trx,
    {
      type: 'replenishment_suggestion.dismissed',
      aggregateType: 'replenishment_suggestion',
      aggregateId: id,
      payload: { id, by: actor },
    },
    nowIso,
  );
  return { id, status: 'dismissed' };
}
