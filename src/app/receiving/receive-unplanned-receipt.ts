import type { Tx } from '../../adapters/db/database.js';
import type { PutawayPolicy } from '../../core/receiving/putaway-policy.js';
import { fail, must } from '../../core/shared/result.js';
import { bookReceipt, type BookedReceipt } from './book-receipt.js';
import { receivedItem, type ReceivedItemInput } from './scanned-item.js';

export interface UnplannedReceiptInput extends ReceivedItemInput {
  warehouseId: number;
  damaged?: boolean | undefined;
}

/**
 * Goods that came without a purchase order (a supplier's extra case, a sample pallet) into
 * the warehouse's RECEIVING, with put-away tasks like any receipt. Only managers may do
 * this: an unplanned receipt is stock nobody ordered, so it is a decision, not a scan.
 */
export async function receiveUnplannedIntoReceiving(
  trx: Tx,
  input: UnplannedReceiptInput,
  actor: string,
  now: Date,
  policy?: PutawayPolicy,
): Promise<BookedReceipt> {
  const warehouse = await trx
    .selectFrom('warehouses')
    .select('id')
    .where('id', '=', input.warehouseId)
    .executeTakeFirst();
  if (!warehouse) must(fail('RECEIVING.WAREHOUSE_NOT_FOUND', `No warehouse ${input.warehouseId}`));
  const item = await receivedItem(trx, input, now.getUTCFullYear());
  return bookReceipt(
    trx,
    { warehouseId: input.warehouseId, item, damaged: input.damaged ?? false, purchaseOrder: null },
    actor,
    now.toISOString(),
    policy,
  );
}
