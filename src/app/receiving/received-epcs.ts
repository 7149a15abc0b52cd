import { isUniqueViolation, type Tx } from '../../adapters/db/database.js';
import { FailureError } from '../../core/shared/result.js';

/** An RFID-tagged item as received: the tag, and what the SGTIN-96 says it is. */
export interface ReceivedTag {
  epc: string;
  gtin: string;
  serial: string;
}

function alreadyReceived(tag: ReceivedTag, first?: { receipt_id: number; received_at: string }) {
  return new FailureError({
    code: 'RECEIVING.EPC_DUPLICATE',
    message: `Tag ${tag.epc} (GTIN ${tag.gtin}, serial ${tag.serial}) was already received${
      first ? ` on ${first.received_at}` : ''
    }: one tag is one item`,
    details: { epc: tag.epc, ...(first ? { receiptId: first.receipt_id } : {}) },
  });
}

/** Refuses a tag received before, before anything is booked (409). */
export async function checkTagNotReceived(trx: Tx, tag: ReceivedTag): Promise<void> {
  const first = await trx
    .selectFrom('received_epcs')
    .select(['receipt_id', 'received_at'])
    .where('epc', '=', tag.epc)
    .executeTakeFirst();
  if (first) throw alreadyReceived(tag, first);
}

/**
 * Stores the tag against its receipt. The unique EPC is the guard against two docks
 * receiving one tag at once: the loser's whole receipt rolls back with the same 409.
 */
export async function recordReceivedTag(
  trx: Tx,
  tag: ReceivedTag,
  receipt: { receiptId: number; skuId: number; warehouseId: number },
  nowIso: string,
): Promise<void> {
  try {
    await trx
      .insertInto('received_epcs')
      .values({
        epc: tag.epc,
        sku_id: receipt.skuId,
        gtin: tag.gtin,
        serial: tag.serial,
        warehouse_id: receipt.warehouseId,
        receipt_id: receipt.receiptId,
        received_at: nowIso,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyReceived(tag);
    throw error;
  }
}
