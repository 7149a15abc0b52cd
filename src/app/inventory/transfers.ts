import type { Tx } from '../../adapters/db/database.js';
import { checkQuantity } from '../../core/inventory/movement.js';
import {
  checkDispatch,
  checkTransferArrival,
  receiveTransferStatus,
  type TransferStatus,
} from '../../core/inventory/transfer.js';
import { FailureError, must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { postMovement } from './ledger.js';
import { existingStockLine } from './lots.js';
import { placeFacts, standardPlace } from './stock-facts.js';

export interface TransferDispatch {
  skuId: number;
  fromLocationId: number;
  toWarehouseId: number;
  quantity: number;
  lotCode?: string | undefined;
}

/** Ships stock to another warehouse: it leaves the bin and waits in the destination's IN-TRANSIT. */
export async function dispatchTransfer(
  trx: Tx,
  input: TransferDispatch,
  actor: string,
  nowIso: string,
) {
  must(checkQuantity(input.quantity));
  const from = await placeFacts(trx, input.fromLocationId);
  must(checkDispatch(from, input.toWarehouseId));
  const line = await existingStockLine(trx, input);
  const inTransit = await standardPlace(trx, input.toWarehouseId, 'in_transit');
  const transfer = await trx
    .insertInto('transfers')
    .values({
      sku_id: line.sku.id,
      lot_id: line.lotId,
      quantity: input.quantity,
      from_warehouse_id: from.warehouseId,
      to_warehouse_id: input.toWarehouseId,
      from_location_id: from.id,
      to_location_id: null,
      status: 'in_transit',
      actor,
      created_at: nowIso,
      received_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const movementId = await postMovement(
    trx,
    {
      skuId: line.sku.id,
      lotId: line.lotId,
      from: from,
      to: inTransit,
      quantity: input.quantity,
      type: 'transfer_out',
      reference: `transfer:${transfer.id}`,
      actor,
    },
    nowIso,
  );
  const result = {
    transferId: transfer.id,
    movementIds: [movementId],
    status: 'in_transit' as TransferStatus,
  };
  await appendEvent(
    trx,
    {
      type: 'stock.transfer_dispatched',
      aggregateType: 'transfer',
      aggregateId: transfer.id,
      payload: { ...result, ...input },
    },
    nowIso,
  );
  return result;
}

/** Receives a dispatched transfer into a location of the destination warehouse. */
export async function receiveTransfer(
  trx: Tx,
  transferId: number,
  toLocationId: number,
  actor: string,
  nowIso: string,
) {
  const transfer = await trx
    .selectFrom('transfers')
    .selectAll()
    .where('id', '=', transferId)
    .executeTakeFirst();
  if (!transfer)
    throw new FailureError({
      code: 'INVENTORY.TRANSFER_NOT_FOUND',
      message: `No transfer ${transferId}`,
    });
  must(receiveTransferStatus(transfer.status as TransferStatus));
  const to = await placeFacts(trx, toLocationId);
  must(checkTransferArrival(to, transfer.to_warehouse_id));
  const inTransit = await standardPlace(trx, transfer.to_warehouse_id, 'in_transit');
  const movementId = await postMovement(
    trx,
    {
      skuId: transfer.sku_id,
      lotId: transfer.lot_id,
      from: inTransit,
      to: to,
      quantity: transfer.quantity,
      type: 'transfer_in',
      reference: `transfer:${transfer.id}`,
      actor,
    },
    nowIso,
  );
  const updated = await trx
    .updateTable('transfers')
    .set({ status: 'received', to_location_id: to.id, received_at: nowIso })
    .where('id', '=', transferId)
    .where('status', '=', 'in_transit')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new FailureError({
      code: 'TRANSFER.ILLEGAL_TRANSITION',
      message: `Transfer ${transferId} was already received`,
    });
  }
  const result = {
    transferId,
    skuId: transfer.sku_id,
    movementIds: [movementId],
    status: 'received' as TransferStatus,
  };
  await appendEvent(
    trx,
    {
      type: 'stock.transfer_received',
      aggregateType: 'transfer',
      aggregateId: transferId,
      payload: { ...result, toLocationId },
    },
    nowIso,
  );
  return result;
}
