import type { Tx } from '../../adapters/db/database.js';
import { checkQuantity, type StockStatus } from '../../core/inventory/movement.js';
import { checkStatusChange } from '../../core/inventory/status-change.js';
import { FailureError, must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { postMovement } from './ledger.js';
import { existingStockLine } from './lots.js';
import { placeFacts, standardPlace } from './stock-facts.js';

export interface StatusChange {
  skuId: number;
  fromLocationId: number;
  quantity: number;
  status: StockStatus;
  /** Where the stock goes; for quarantine or damaged, defaults to the warehouse's own location. */
  toLocationId?: number | undefined;
  lotCode?: string | undefined;
  reasonCode?: string | undefined;
}

/** Quarantines stock, marks it damaged, or releases it back to a sellable bin. */
export async function changeStatus(trx: Tx, input: StatusChange, actor: string, nowIso: string) {
  must(checkQuantity(input.quantity));
  const from = await placeFacts(trx, input.fromLocationId);
  const to = await destination(trx, input, from.warehouseId);
  must(checkStatusChange(from, to, input.status));
  const line = await existingStockLine(trx, input);
  const movementId = await postMovement(
    trx,
    {
      skuId: line.sku.id,
      lotId: line.lotId,
      from: from,
      to: to,
      quantity: input.quantity,
      type: 'status_change',
      reasonCode: input.reasonCode ?? null,
      reference: input.status,
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
    status: input.status,
  };
  await appendEvent(
    trx,
    {
      type: 'stock.status_changed',
      aggregateType: 'sku',
      aggregateId: line.sku.id,
      payload: result,
    },
    nowIso,
  );
  return result;
}

async function destination(trx: Tx, input: StatusChange, warehouseId: number) {
  if (input.toLocationId !== undefined) return placeFacts(trx, input.toLocationId);
  if (input.status === 'available') {
    throw new FailureError({
      code: 'INVENTORY.DESTINATION_REQUIRED',
      message: 'Say which bin released stock goes back to (toLocationId)',
    });
  }
  return standardPlace(trx, warehouseId, input.status);
}
