import type { Tx } from '../../adapters/db/database.js';
import { checkSupplierMinimums } from '../../core/purchasing/supplier-minimums.js';
import { cancelledOnClose, poTransition, type PoStatus } from '../../core/purchasing/po-status.js';
import { must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import {
  lockPurchaseOrder,
  poLines,
  quantitiesOf,
  type PoLineRow,
  type PoRow,
} from './po-store.js';
import { mustFindSupplier } from './suppliers.js';

/** What the buyer's lifecycle commands answer. */
export interface PoStatusChange {
  id: number;
  number: string;
  status: PoStatus;
}

/**
 * Sends a draft PO to the supplier: from now its open quantity counts as incoming stock and
 * its lead time is measured from sent_at. The PO must meet the supplier's minimums.
 */
export async function sendPurchaseOrder(
  trx: Tx,
  purchaseOrderId: number,
  actor: string,
  nowIso: string,
): Promise<PoStatusChange> {
  const po = await lockPurchaseOrder(trx, purchaseOrderId);
  const lines = await poLines(trx, po.id);
  must(poTransition(po.status, 'sent', lines.map(quantitiesOf)));
  await mustMeetMinimums(trx, po, lines);
  await trx
    .updateTable('purchase_orders')
    .set({ status: 'sent', sent_at: nowIso, updated_at: nowIso })
    .where('id', '=', po.id)
    .execute();
  await event(trx, 'purchase_order.sent', po, { actor, expectedDate: po.expected_date }, nowIso);
  return { id: Number(po.id), number: po.number, status: 'sent' };
}

/** Cancels a draft, or a sent PO before anything arrived: its quantity stops being incoming. */
export async function cancelPurchaseOrder(
  trx: Tx,
  purchaseOrderId: number,
  reason: string | undefined,
  actor: string,
  nowIso: string,
): Promise<PoStatusChange> {
  const po = await lockPurchaseOrder(trx, purchaseOrderId);
  const lines = await poLines(trx, po.id);
  must(poTransition(po.status, 'cancelled', lines.map(quantitiesOf)));
  // Everything still open is cancelled, so ordered = received (0) + cancelled on every line.
  await trx
    .updateTable('purchase_order_lines')
    .set((eb) => ({ quantity_cancelled: eb.ref('quantity_ordered') }))
    .where('purchase_order_id', '=', po.id)
    .execute();
  await trx
    .updateTable('purchase_orders')
    .set({ status: 'cancelled', cancelled_at: nowIso, updated_at: nowIso })
    .where('id', '=', po.id)
    .execute();
  await event(trx, 'purchase_order.cancelled', po, { actor, reason: reason ?? null }, nowIso);
  return { id: Number(po.id), number: po.number, status: 'cancelled' };
}

/**
 * Closes a PO that received goods: what the supplier has not delivered is written off
 * (quantity_cancelled = ordered − received), so it no longer counts as incoming.
 */
export async function closePurchaseOrder(
  trx: Tx,
  purchaseOrderId: number,
  actor: string,
  nowIso: string,
): Promise<PoStatusChange> {
  const po = await lockPurchaseOrder(trx, purchaseOrderId);
  const lines = await poLines(trx, po.id);
  must(poTransition(po.status, 'closed', lines.map(quantitiesOf)));
  const shortfall: { lineId: number; quantity: number }[] = [];
  for (const line of lines) {
    const q = quantitiesOf(line);
    const cancelled = cancelledOnClose(q);
    if (cancelled === q.quantityCancelled) continue;
    shortfall.push({ lineId: Number(line.id), quantity: cancelled - q.quantityCancelled });
    await trx
      .updateTable('purchase_order_lines')
      .set({ quantity_cancelled: cancelled })
      .where('id', '=', line.id)
      .execute();
  }
  await trx
    .updateTable('purchase_orders')
    .set({ status: 'closed', closed_at: nowIso, updated_at: nowIso })
    .where('id', '=', po.id)
    .execute();
  await event(trx, 'purchase_order.closed', po, { actor, shortfall }, nowIso);
  return { id: Number(po.id), number: po.number, status: 'closed' };
}

async function mustMeetMinimums(trx: Tx, po: PoRow, lines: PoLineRow[]) {
  const supplier = await mustFindSupplier(trx, Number(po.supplier_id));
  const terms = await trx
    .selectFrom('supplier_skus')
    .select(['sku_id', 'min_order_quantity', 'order_multiple'])
    .where('supplier_id', '=', po.supplier_id)
    .where(
      'sku_id',
      'in',
      lines.map((l) => l.sku_id),
    )
    .execute();
  const bySku = new Map(terms.map((t) => [Number(t.sku_id), t]));
  must(
    checkSupplierMinimums(
      {
        minOrderValueMinor: Number(supplier.min_order_value_minor),
        minOrderQuantity: Number(supplier.min_order_quantity),
      },
      lines.map((l) => {
        const t = bySku.get(Number(l.sku_id));
        return {
          lineNumber: l.line_number,
          skuId: Number(l.sku_id),
          quantity: Number(l.quantity_ordered),
          unitCostMinor: Number(l.unit_cost_minor),
          terms: t
            ? {
                minOrderQuantity: Number(t.min_order_quantity),
                orderMultiple: Number(t.order_multiple),
              }
            : null,
        };
      }),
    ),
  );
}

function event(trx: Tx, type: string, po: PoRow, extra: Record<string, unknown>, nowIso: string) {
  return appendEvent(
    trx,
    {
      type,
      aggregateType: 'purchase_order',
      aggregateId: Number(po.id),
      payload: {
        id: Number(po.id),
        number: po.number,
        supplierId: Number(po.supplier_id),
        warehouseId: Number(po.warehouse_id),
        ...extra,
      },
    },
    nowIso,
  );
}
