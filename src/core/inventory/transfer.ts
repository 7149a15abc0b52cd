import { transition, type TransitionTable } from '../shared/fsm.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { PlaceFacts } from './movement.js';

/** A transfer between warehouses: dispatched into IN-TRANSIT, then received at the destination. */
export type TransferStatus = 'in_transit' | 'received';

export const TRANSFER_TRANSITIONS: TransitionTable<TransferStatus> = {
  in_transit: ['received'],
  received: [],
};

export function receiveTransferStatus(current: TransferStatus): Result<TransferStatus> {
  return transition('TRANSFER', TRANSFER_TRANSITIONS, current, 'received');
}

export function checkDispatch(from: PlaceFacts, toWarehouseId: number): Result<void> {
  if (from.virtual)
    return fail('INVENTORY.VIRTUAL_LOCATION', 'Transfers ship from a real location');
  if (from.warehouseId === toWarehouseId) {
    return fail(
      'INVENTORY.SAME_WAREHOUSE',
      'A transfer goes to another warehouse; use a move within one',
    );
  }
  return ok(undefined);
}

export function checkTransferArrival(to: PlaceFacts, toWarehouseId: number): Result<void> {
  if (to.virtual)
    return fail('INVENTORY.VIRTUAL_LOCATION', 'Transfers are received into a real location');
  if (to.warehouseId !== toWarehouseId) {
    return fail(
      'INVENTORY.OTHER_WAREHOUSE',
      `Location ${to.code} is not in the transfer's destination warehouse`,
    );
  }
  if (!to.active) return fail('INVENTORY.LOCATION_INACTIVE', `Location ${to.code} is inactive`);
  return ok(undefined);
}
