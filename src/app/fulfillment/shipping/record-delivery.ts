import type { Tx } from '../../../adapters/db/database.js';
import { moveShipment, type ShipmentStatus } from '../../../core/fulfillment/ship-rules.js';
import { moveOrder, type OrderStatus } from '../../../core/orders/order-status.js';
import { businessDay } from '../../../core/shared/business-day.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { appendEvent } from '../../events/outbox.js';
import { recordOrderEvent } from '../../orders/order-timeline.js';
import { lockShipmentOrder } from './lock-shipment.js';
import { warehouseTimeZone } from '../../warehouses/warehouse-time-zones.js';
import { getShipment, type ShipmentView } from './shipment-views.js';

/** Proof of delivery, as the carrier reports it (or a driver keys it in). */
export interface DeliveryInput {
  /** ISO-8601 instant. */
  deliveredAt: string;
  podName?: string | undefined;
  podNote?: string | undefined;
}

/**
 * Records a shipment delivered, with the proof of delivery; on time when delivered on or
 * before its promised date. A fully shipped order whose shipments are all delivered becomes
 * 'delivered'. A second delivery report is refused (`SHIPMENT.ILLEGAL_TRANSITION`).
 */
export async function recordDelivery(
  trx: Tx,
  shipmentId: number,
  input: DeliveryInput,
  actor: Actor,
  now: Date,
): Promise<ShipmentView & { orderStatus: string }> {
  const nowIso = now.toISOString();
  const deliveredAt = new Date(input.deliveredAt);
  if (Number.isNaN(deliveredAt.getTime())) {
    throw new FailureError({
      code: 'SHIPMENT.INVALID_DELIVERY_TIME',
      message: 'deliveredAt is not a date-time',
    });
  }
  const order = await lockShipmentOrder(trx, shipmentId, actor);
  const shipment = await getShipment(trx, shipmentId);
  must(moveShipment(shipment.status as ShipmentStatus, 'delivered'));
  await trx
    .updateTable('shipments')
    .set({
      status: 'delivered',
      delivered_at: deliveredAt.toISOString(),
      delivered_on: businessDay(deliveredAt, await warehouseTimeZone(trx, shipment.warehouseId)),
      pod_name: input.podName ?? null,
      pod_note: input.podNote ?? null,
    })
    .where('id', '=', shipmentId)
    .execute();
  const delivered = await getShipment(trx, shipmentId);
  const facts = {
    shipmentId,
    deliveredAt: delivered.deliveredAt,
    onTime: delivered.onTime,
    podName: delivered.podName,
  };
  await appendEvent(
    trx,
    {
      type: 'shipment.delivered',
      aggregateType: 'shipment',
      aggregateId: shipmentId,
      payload: { orderId: order.id, ...facts },
    },
    nowIso,
  );
  const undelivered = await trx
    .selectFrom('shipments')
    .select('id')
    .where('order_id', '=', order.id)
    .where('status', '!=', 'delivered')
    .limit(1)
    .executeTakeFirst();
  let orderStatus = order.status;
  if (order.status === 'shipped' && !undelivered) {
    orderStatus = must(moveOrder(order.status as OrderStatus, 'delivered'));
    await trx
      .updateTable('orders')
      .set({ status: orderStatus, updated_at: nowIso })
      .where('id', '=', order.id)
      .execute();
    await recordOrderEvent(trx, order.id, 'delivered', actor.id, facts, nowIso);
  } else {
    await recordOrderEvent(trx, order.id, 'shipment_delivered', actor.id, facts, nowIso);
  }
  return { ...delivered, orderStatus };
}
