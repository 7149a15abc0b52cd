import type { Tx } from '../../adapters/db/database.js';
import { checkBinMove, checkQuantity } from '../../core/inventory/movement.js';
import { must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { postMovement } from './ledger.js';
import { existingStockLine } from './lots.js';
import { placeFacts } from './stock-facts.js';

export interface BinMove {
  skuId: number;
  fromLocationId: number;
  toLocationId: number;
  quantity: number;
  lotCode?: string | undefined;
  reference?: string | undefined;
}

/** Moves unreserved stock from one bin to another in the same warehouse (put-away, consolidation). */
export async function moveStock(trx: Tx, input: BinMove, actor: string, nowIso: string) {
  must(checkQuantity(input.quantity));
  const [from, to] = await Promise.all([
    placeFacts(trx, input.fromLocationId),
    placeFacts(trx, input.toLocationId),
  ]);
  must(checkBinMove(from, to));
  const line = await existingStockLine(trx, input);
  const movementId = await postMovement(
    trx,
    {
      skuId: line.sku.id,
      lotId: line.lotId,
      from: from,
      to: to,
      quantity: input.quantity,
      type: 'move',
      reference: input.reference ?? null,
      actor,
    },
    nowIso,
  );
  const result = {
    movementIds: [movementId],
    skuId: line.sku.id,
    lotId: line.lotId,
    from: from,
    to: to,
    quantity: input.quantity,
  };
  await appendEvent(
    trx,
    { type: 'stock.moved', aggregateType: 'sku', aggregateId: line.sku.id, payload: result },
    nowIso,
  );
  return result;
}
