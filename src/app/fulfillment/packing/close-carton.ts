import type { Tx } from '../../../adapters/db/database.js';
import { allPickedPacked } from '../../../core/fulfillment/pack-verification.js';
import { moveOrder, type OrderStatus } from '../../../core/orders/order-status.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { recordOrderEvent } from '../../orders/order-timeline.js';
import { getCarton, type CartonView } from './carton-views.js';
import { checkOpen } from './pack-item.js';
import { hasOpenCarton, loadPickedLots, lockCarton } from './packing-state.js';

/**
 * Seals a carton: its contents and weight are final and its label may be printed. When the
 * last open carton of a picked order closes and everything picked is in cartons, the order
 * becomes 'packed'. An empty carton is refused (`PACK.CARTON_EMPTY`): it would be shipped
 * and invoiced as nothing.
 */
export async function closeCarton(
  trx: Tx,
  cartonId: number,
  actor: Actor,
  now: Date,
): Promise<CartonView & { orderStatus: string }> {
  const nowIso = now.toISOString();
  const { order, carton } = await lockCarton(trx, cartonId, actor);
  const orderId = order.id;
  checkOpen(carton);
  const content = await trx
    .selectFrom('carton_contents')
    .select('id')
    .where('carton_id', '=', cartonId)
    .limit(1)
    .executeTakeFirst();
  if (!content) {
    throw new FailureError({ code: 'PACK.CARTON_EMPTY', message: `Carton ${cartonId} is empty` });
  }
  await trx
    .updateTable('cartons')
    .set({ status: 'closed', closed_at: nowIso })
    .where('id', '=', cartonId)
    .execute();
  await recordOrderEvent(
    trx,
    orderId,
    'carton_closed',
    actor.id,
    { cartonId, sscc: carton.sscc, weightG: carton.weight_g },
    nowIso,
  );
  const orderStatus = await markPackedIfDone(
    trx,
    orderId,
    order.status as OrderStatus,
    actor,
    nowIso,
  );
  return { ...(await getCarton(trx, cartonId)), orderStatus };
}

/** picked → packed once no carton is open and every picked unit is in one. */
async function markPackedIfDone(
  trx: Tx,
  orderId: number,
  status: OrderStatus,
  actor: Actor,
  nowIso: string,
): Promise<string> {
  if (status !== 'picked') return status;
  if ((await hasOpenCarton(trx, orderId)) || !allPickedPacked(await loadPickedLots(trx, orderId)))
    return status;
  must(moveOrder(status, 'packed'));
  await trx
    .updateTable('orders')
    .set({ status: 'packed', updated_at: nowIso })
    .where('id', '=', orderId)
    .execute();
  await recordOrderEvent(trx, orderId, 'packed', actor.id, {}, nowIso);
  return 'packed';
}
