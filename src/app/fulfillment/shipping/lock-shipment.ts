import type { Tx } from '../../../adapters/db/database.js';
import { FailureError } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { lockOrder } from '../../orders/lock-order.js';

/**
 * Takes a shipment's order for this transaction (a shipment changes under its order's lock,
 * like everything else about the order) and returns the order; `SHIPMENT.NOT_FOUND` when
 * there is no such shipment.
 */
export async function lockShipmentOrder(
  trx: Tx,
  shipmentId: number,
  actor: Pick<Actor, 'customerId'>,
) {
  const found = await trx
    .selectFrom('shipments')
    .select('order_id')
    .where('id', '=', shipmentId)
    .executeTakeFirst();
  if (!found)
    throw new FailureError({ code: 'SHIPMENT.NOT_FOUND', message: `No shipment ${shipmentId}` });
  return lockOrder(trx, found.order_id, actor);
}
