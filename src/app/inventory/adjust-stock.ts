import type { Tx } from '../../adapters/db/database.js';
import { ADJUSTMENT_REASONS, checkPutInto, checkQuantity } from '../../core/inventory/movement.js';
import { FailureError, must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { postMovement } from './ledger.js';
import { existingStockLine, incomingStockLine } from './lots.js';
import { placeFacts, standardPlace } from './stock-facts.js';

export interface Adjustment {
  skuId: number;
  locationId: number;
  /** Signed change in base units: positive found, negative lost. */
  delta: number;
  reasonCode: string;
  lotCode?: string | undefined;
  expiryDate?: string | undefined;
  note?: string | undefined;
}

/**
 * Corrects the quantity at a location, always with a reason. Up comes from the warehouse's
 * ADJUSTMENT location, down goes to it; a decrease can only take unreserved stock.
 */
export async function adjustStock(trx: Tx, input: Adjustment, actor: string, nowIso: string) {
  must(checkQuantity(Math.abs(input.delta)));
  if (!(ADJUSTMENT_REASONS as readonly string[]).includes(input.reasonCode)) {
    throw new FailureError({
      code: 'INVENTORY.INVALID_REASON',
      message: `Adjustments need a reason: one of ${ADJUSTMENT_REASONS.join(', ')}`,
      details: { allowed: ADJUSTMENT_REASONS },
    });
  }
  const at = await placeFacts(trx, input.locationId);
  must(checkPutInto(at));
  const line =
    input.delta > 0
      ? await incomingStockLine(trx, input, nowIso)
      : await existingStockLine(trx, input);
  const adjustment = await standardPlace(trx, at.warehouseId, 'adjustment');
  const up = input.delta > 0;
  const movementId = await postMovement(
    trx,
    {
      skuId: line.sku.id,
      lotId: line.lotId,
      from: up ? adjustment : at,
      to: up ? at : adjustment,
      quantity: Math.abs(input.delta),
      type: 'adjustment',
      reasonCode: input.reasonCode,
      reference: input.note ?? null,
      actor,
    },
    nowIso,
  );
  const result = {
    movementIds: [movementId],
    skuId: line.sku.id,
    lotId: line.lotId,
    locationId: at.id,
    delta: input.delta,
  };
  await appendEvent(
    trx,
    {
      type: 'stock.adjusted',
      aggregateType: 'sku',
      aggregateId: line.sku.id,
      payload: { ...result, reasonCode: input.reasonCode },
    },
    nowIso,
  );
  return result;
}
