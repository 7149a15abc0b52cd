import type { Tx } from '../../adapters/db/database.js';
import { openQuantity } from '../../core/purchasing/po-status.js';

/** PO statuses whose open quantity is on its way: the supplier has the order. */
export const INCOMING_STATUSES = ['sent', 'partially_received'] as const;

/** Open quantity of one PO line and when it is due (the line's date, else the PO's). */
export interface IncomingLine {
  purchaseOrderId: number;
  number: string;
  skuId: number;
  expectedDate: string | null;
  quantity: number;
}

/**
 * Incoming stock for a warehouse: ordered − received − cancelled on lines of sent or
 * partially received POs, per line (never negative: an over-receipt does not cancel another
 * line's incoming). Drafts are not incoming: the supplier does not know of them yet.
 */
export async function incomingLines(
  db: Tx,
  warehouseId: number,
  skuIds?: readonly number[],
): Promise<IncomingLine[]> {
  let query = db
    .selectFrom('purchase_order_lines as pl')
    .innerJoin('purchase_orders as po', 'po.id', 'pl.purchase_order_id')
    .select([
      'po.id as purchaseOrderId',
      'po.number',
      'pl.sku_id as skuId',
      'pl.expected_date as lineDate',
      'po.expected_date as poDate',
      'pl.quantity_ordered',
      'pl.quantity_received',
      'pl.quantity_cancelled',
    ])
    .where('po.warehouse_id', '=', warehouseId)
    .where('po.status', 'in', [...INCOMING_STATUSES])
    .orderBy('po.id')
    .orderBy('pl.line_number');
  if (skuIds !== undefined) {
    if (skuIds.length === 0) return [];
    query = query.where('pl.sku_id', 'in', [...skuIds]);
  }
  const rows = await query.execute();
  return rows
    .map((r) => ({
      purchaseOrderId: Number(r.purchaseOrderId),
      number: r.number,
      skuId: Number(r.skuId),
      expectedDate: r.lineDate ?? r.poDate,
      quantity: openQuantity({
        quantityOrdered: Number(r.quantity_ordered),
        quantityReceived: Number(r.quantity_received),
        quantityCancelled: Number(r.quantity_cancelled),
      }),
    }))
    .filter((l) => l.quantity > 0);
}

/** Units on order (open PO quantity) per SKU in a warehouse: what replenishment nets out. */
export async function onOrderBySku(
  db: Tx,
  warehouseId: number,
  skuIds?: readonly number[],
): Promise<Map<number, number>> {
  const totals = new Map<number, number>();
  for (const line of await incomingLines(db, warehouseId, skuIds))
    totals.set(line.skuId, (totals.get(line.skuId) ?? 0) + line.quantity);
  return totals;
}
