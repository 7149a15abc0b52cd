import type { Tx } from '../../adapters/db/database.js';
import { checkPutInto, checkQuantity } from '../../core/inventory/movement.js';
import { must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { postMovement } from './ledger.js';
import { incomingStockLine } from './lots.js';
import { placeFacts, standardPlace } from './stock-facts.js';

export interface UnplannedReceipt {
  skuId: number;
  toLocationId: number;
  quantity: number;
  lotCode?: string | undefined;
  expiryDate?: string | undefined;
  reference?: string | undefined;
}

/**
 * Stock that arrives without a purchase order (a supplier's extra case, opening stock):
 * moves from the warehouse's SUPPLIER location into a real location.
 */
export async function receiveUnplanned(
  trx: Tx,
  input: UnplannedReceipt,
  actor: string,
  nowIso: string,
) {
  must(checkQuantity(input.quantity));
  const to = await placeFacts(trx, input.toLocationId);
  must(checkPutInto(to));
  const line = await incomingStockLine(trx, input, nowIso);
  const supplier = await standardPlace(trx, to.warehouseId, 'supplier');
  const movementId = await postMovement(
    trx,
    {
      skuId: line.sku.id,
      lotId: line.lotId,
      from: supplier,
      to: to,
      quantity: input.quantity,
      type: 'receipt',
      reference: input.reference ?? null,
      actor,
    },
    nowIso,
  );
  const result = {
    movementIds: [movementId],
    skuId: line.sku.id,
    lotId: line.lotId,
    locationId: to.id,
    quantity: input.quantity,
  };
  await appendEvent(
    trx,
    { type: 'stock.received', aggregateType: 'sku', aggregateId: line.sku.id, payload: result },
    nowIso,
  );
  return result;
}
