import { isPostgres, type Tx } from '../../adapters/db/database.js';
import { isPoStatus, poTransition, statusAfterReceipt } from '../../core/purchasing/po-status.js';
import type { PutawayPolicy } from '../../core/receiving/putaway-policy.js';
import {
  checkWithinTolerance,
  lineForSku,
  type ReceivableLine,
} from '../../core/receiving/receipt-rules.js';
import { fail, must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { bookReceipt, type BookedReceipt } from './book-receipt.js';
import { overTolerancePct } from './receiving-settings.js';
import { receivedItem, type ReceivedItemInput } from './scanned-item.js';

export interface PoReceiptInput extends ReceivedItemInput {
  /** Damaged on arrival: booked to DAMAGED, counted as received and as damaged on the line. */
  damaged?: boolean | undefined;
  /** Book against this line rather than the first open line of the SKU. */
  lineId?: number | undefined;
}

export interface PoReceipt extends BookedReceipt {
  purchaseOrderId: number;
  lineId: number;
  lineQuantityReceived: number;
  status: string;
}

export const RECEIVABLE = ['sent', 'partially_received'];

/** The PO, locked on PostgreSQL so two docks receiving on it at once take turns. */
async function lockedPurchaseOrder(trx: Tx, id: number) {
  let query = trx
    .selectFrom('purchase_orders')
    .select(['id', 'number', 'status', 'warehouse_id'])
    .where('id', '=', id);
  if (isPostgres(trx)) query = query.forUpdate();
  const po = await query.executeTakeFirst();
  if (!po) must(fail('RECEIVING.PO_NOT_FOUND', `No purchase order ${id}`, { purchaseOrderId: id }));
  if (!RECEIVABLE.includes(po!.status)) {
    must(
      fail('RECEIVING.PO_NOT_OPEN', `${po!.number} is ${po!.status}: only sent POs are received`, {
        purchaseOrderId: id,
        status: po!.status,
      }),
    );
  }
  return po!;
}

export async function linesOf(trx: Tx, purchaseOrderId: number): Promise<ReceivableLine[]> {
  const rows = await trx
    .selectFrom('purchase_order_lines')
    .select(['id', 'line_number', 'sku_id', 'quantity_ordered', 'quantity_received'])
    .select('quantity_cancelled')
    .where('purchase_order_id', '=', purchaseOrderId)
    .orderBy('line_number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    lineNumber: r.line_number,
    skuId: r.sku_id,
    quantityOrdered: Number(r.quantity_ordered),
    quantityReceived: Number(r.quantity_received),
    quantityCancelled: Number(r.quantity_cancelled),
  }));
}

function chooseLine(lines: ReceivableLine[], skuId: number, lineId: number | undefined) {
  const line = lineId === undefined ? lineForSku(lines, skuId) : lines.find((l) => l.id === lineId);
  if (!line || line.skuId !== skuId) {
    must(
      fail('RECEIVING.SKU_NOT_ON_PO', `SKU ${skuId} is not on this purchase order (line)`, {
        skuId,
        ...(lineId === undefined ? {} : { lineId }),
      }),
    );
  }
  return line!;
}

/**
 * Receives goods against a sent PO: the scan (or keyed SKU) is matched to an open line of
 * that SKU, the quantity checked against ordered × (1 + tolerance), the goods booked into
 * RECEIVING (or DAMAGED), the line's received (and damaged) quantity raised, and the PO moved
 * on: sent → partially_received → received. All in the caller's one transaction.
 */
export async function receiveAgainstPo(
  trx: Tx,
  purchaseOrderId: number,
  input: PoReceiptInput,
  actor: string,
  now: Date,
  policy?: PutawayPolicy,
): Promise<PoReceipt> {
  const nowIso = now.toISOString();
  const po = await lockedPurchaseOrder(trx, purchaseOrderId);
  const item = await receivedItem(trx, input, now.getUTCFullYear());
  const lines = await linesOf(trx, po.id);
  const line = chooseLine(lines, item.skuId, input.lineId);
  must(checkWithinTolerance(line, item.quantity, await overTolerancePct(trx)));
  const damaged = input.damaged ?? false;
  const booked = await bookReceipt(
    trx,
    {
      warehouseId: po.warehouse_id,
      item,
      damaged,
      purchaseOrder: { id: po.id, number: po.number, lineId: line.id },
    },
    actor,
    nowIso,
    policy,
  );
  await trx
    .updateTable('purchase_order_lines')
    .set((eb) => ({
      quantity_received: eb('quantity_received', '+', item.quantity),
      quantity_damaged: eb('quantity_damaged', '+', damaged ? item.quantity : 0),
    }))
    .where('id', '=', line.id)
    .execute();
  line.quantityReceived += item.quantity;
  const status = await advancePo(trx, po, lines, nowIso);
  await appendEvent(
    trx,
    {
      type: 'purchase_order.received',
      aggregateType: 'purchase_order',
      aggregateId: po.id,
      payload: {
        purchaseOrderId: po.id,
        number: po.number,
        status,
        line: {
          id: line.id,
          lineNumber: line.lineNumber,
          skuId: line.skuId,
          lotId: booked.lotId,
          quantity: item.quantity,
          damaged,
          quantityOrdered: line.quantityOrdered,
          quantityReceived: line.quantityReceived,
        },
        receiptId: booked.receiptId,
      },
    },
    nowIso,
  );
  return {
    ...booked,
    purchaseOrderId: po.id,
    lineId: line.id,
    lineQuantityReceived: line.quantityReceived,
    status,
  };
}

/** Moves the PO to the status its lines now call for; stamps received_at when complete. */
async function advancePo(
  trx: Tx,
  po: { id: number; status: string },
  lines: ReceivableLine[],
  nowIso: string,
): Promise<string> {
  const next = statusAfterReceipt(lines);
  if (isPoStatus(po.status) && next !== po.status) must(poTransition(po.status, next, lines));
  await trx
    .updateTable('purchase_orders')
    .set({
      status: next,
      updated_at: nowIso,
      ...(next === 'received' ? { received_at: nowIso } : {}),
    })
    .where('id', '=', po.id)
    .execute();
  return next;
}
