import type { Tx } from '../../adapters/db/database.js';
import { checkQuantity } from '../../core/inventory/movement.js';
import type { PutawayPolicy } from '../../core/receiving/putaway-policy.js';
import { must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { postMovement } from '../inventory/ledger.js';
import { incomingStockLine } from '../inventory/lots.js';
import { recordFirstReceipt } from '../purchasing/lead-time-totals.js';
import { standardPlace } from '../inventory/stock-facts.js';
import { createPutawayTasks } from './putaway-tasks.js';
import { checkTagNotReceived, recordReceivedTag } from './received-epcs.js';
import type { ReceivedItem } from './scanned-item.js';

/** A delivery to book: where, what, and the PO line it fills (none when unplanned). */
export interface ReceiptToBook {
  warehouseId: number;
  item: ReceivedItem;
  /** Damaged on arrival: goes to DAMAGED and gets no put-away task. */
  damaged: boolean;
  purchaseOrder: { id: number; number: string; lineId: number } | null;
}

/** What was booked: the receipts row, its movement and the put-away tasks it created. */
export interface BookedReceipt {
  receiptId: number;
  movementIds: number[];
  skuId: number;
  lotId: number;
  quantity: number;
  damaged: boolean;
  locationId: number;
  putawayTaskIds: number[];
}

/**
 * Books goods arriving at the dock: SUPPLIER → RECEIVING (or → DAMAGED), a `receipts` row
 * with its movement, the put-away tasks for good stock, and `stock.received`. The lot is
 * created on first sight (lot-tracked SKUs must bring one, with its expiry when new).
 */
export async function bookReceipt(
  trx: Tx,
  receipt: ReceiptToBook,
  actor: string,
  nowIso: string,
  policy?: PutawayPolicy,
): Promise<BookedReceipt> {
  const { item, warehouseId } = receipt;
  must(checkQuantity(item.quantity));
  if (item.tag) await checkTagNotReceived(trx, item.tag);
  const line = await incomingStockLine(trx, item, nowIso);
  const supplier = await standardPlace(trx, warehouseId, 'supplier');
  const to = await standardPlace(trx, warehouseId, receipt.damaged ? 'damaged' : 'receiving');
  const movementId = await postMovement(
    trx,
    {
      skuId: line.sku.id,
      lotId: line.lotId,
      from: supplier,
      to,
      quantity: item.quantity,
      type: 'receipt',
      reasonCode: receipt.damaged ? 'damaged' : null,
      reference: receipt.purchaseOrder?.number ?? null,
      actor,
    },
    nowIso,
  );
  if (receipt.purchaseOrder) await recordFirstReceipt(trx, receipt.purchaseOrder.lineId, nowIso);
  const { id: receiptId } = await trx
    .insertInto('receipts')
    .values({
      warehouse_id: warehouseId,
      purchase_order_id: receipt.purchaseOrder?.id ?? null,
      purchase_order_line_id: receipt.purchaseOrder?.lineId ?? null,
      sku_id: line.sku.id,
      lot_id: line.lotId,
      quantity: item.quantity,
      damaged: receipt.damaged ? 1 : 0,
      location_id: to.id,
      movement_id: movementId,
      received_by: actor,
      received_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (item.tag)
    await recordReceivedTag(trx, item.tag, { receiptId, skuId: line.sku.id, warehouseId }, nowIso);
  const putawayTaskIds = receipt.damaged
    ? []
    : await createPutawayTasks(
        trx,
        {
          warehouseId,
          skuId: line.sku.id,
          lotId: line.lotId,
          lotTracked: line.sku.lotTracked,
          quantity: item.quantity,
          fromLocationId: to.id,
          receiptId,
        },
        nowIso,
        policy,
      );
  const booked: BookedReceipt = {
    receiptId,
    movementIds: [movementId],
    skuId: line.sku.id,
    lotId: line.lotId,
    quantity: item.quantity,
    damaged: receipt.damaged,
    locationId: to.id,
    putawayTaskIds,
  };
  await appendEvent(
    trx,
    {
      type: 'stock.received',
      aggregateType: 'sku',
      aggregateId: line.sku.id,
      payload: { ...booked, purchaseOrderId: receipt.purchaseOrder?.id ?? null },
    },
    nowIso,
  );
  return booked;
}
