import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import { serviceOf, type CarrierRegistry } from '../../../core/fulfillment/carrier.js';
import {
  checkShipComplete,
  promisedDate,
  statusAfterShipping,
} from '../../../core/fulfillment/ship-rules.js';
import { moveOrder, type OrderStatus } from '../../../core/orders/order-status.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { loadCustomerForOrder } from '../../customers/customer-for-order.js';
import { appendEvent } from '../../events/outbox.js';
import { lockOrder } from '../../orders/lock-order.js';
import { recordOrderEvent } from '../../orders/order-timeline.js';
import { businessToday } from '../../warehouses/warehouse-time-zones.js';
import { storeTracking } from './carton-tracking.js';
import { cartonsToShip, dispatchCartons, shipFrom, shippedPerLine } from './ship-cartons.js';
import { issueInvoice, type IssuedInvoice } from './ship-invoice.js';
import { shipmentRequest } from './ship-request.js';

export interface ShipInput {
  /** The cartons that leave now; all closed, unshipped cartons of the order when omitted. */
  cartonIds?: number[] | undefined;
  /** Without cartonIds: the closed cartons packed in this warehouse (needed for a split order). */
  warehouseId?: number | undefined;
  carrierCode: string;
  service: string;
}

export interface ShipOutcome {
  shipmentId: number;
  orderId: number;
  orderStatus: 'shipped' | 'partially_shipped';
  carrierCode: string;
  service: string;
  trackingNumbers: string[];
  costMinor: number;
  currency: string;
  promisedDate: string;
  cartonIds: number[];
  invoice: IssuedInvoice;
}

/**
 * Ship confirmation, in one transaction: the closed cartons are rated and booked with the
 * carrier, their contents move STAGING → CUSTOMER, the order lines count them shipped, the
 * shipment and the invoice are written, and the order becomes shipped or partially shipped.
 * A ship-complete customer's order is refused (`SHIP.INCOMPLETE`) while anything ordered
 * would stay behind.
 */
export async function shipOrder(
  trx: Tx,
  orderId: number,
  input: ShipInput,
  carriers: CarrierRegistry,
  actor: Actor,
  now: Date,
): Promise<ShipOutcome> {
  const nowIso = now.toISOString();
  const order = await lockOrder(trx, orderId, actor);
  const carrier = carriers.get(input.carrierCode);
  if (!carrier) {
    throw new FailureError({
      code: 'SHIP.CARRIER_NOT_FOUND',
      message: `No carrier ${input.carrierCode}`,
      details: { carriers: carriers.list().map((c) => c.code) },
    });
  }
  const service = must(serviceOf(carrier, input.service));
  const cartons = await cartonsToShip(trx, orderId, input.cartonIds, input.warehouseId);
  const warehouseId = shipFrom(cartons, order.warehouse_id);
  // The ship date is the day at the shipping warehouse: 17:00 in Los Angeles is still today.
  const shipDate = await businessToday(trx, warehouseId, now);
  const shippedNow = shippedPerLine(cartons);
  const lines = await trx
    .selectFrom('order_lines')
    .selectAll()
    .where('order_id', '=', orderId)
    .execute();
  const toShip = lines.map((l) => ({
    orderLineId: l.id,
    ordered: l.quantity_ordered,
    cancelled: l.quantity_cancelled,
    shipped: l.quantity_shipped,
  }));
  const customer = await loadCustomerForOrder(trx, order.customer_id);
  must(checkShipComplete(customer?.shipComplete ?? false, toShip, shippedNow));
  const next = statusAfterShipping(toShip, shippedNow);
  must(moveOrder(order.status as OrderStatus, next));

  const request = await shipmentRequest(
    trx,
    { ...order, warehouse_id: warehouseId },
    service.code,
    shipDate,
    cartons.map((c) => c.carrierView),
  );
  const rate = must(await carrier.rate(request));
  const promised = promisedDate(order.requested_ship_date, shipDate, service.transitDays);
  const shipment = await trx
    .insertInto('shipments')
    .values({
      order_id: orderId,
      warehouse_id: request.warehouseId,
      carrier_code: carrier.code,
      service: service.code,
      tracking_number: null,
      cost_minor: rate.costMinor,
      status: 'shipped',
      shipped_at: nowIso,
      promised_date: promised,
      delivered_at: null,
      pod_name: null,
      pod_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const booking = must(await carrier.ship({ ...request, shipmentId: shipment.id }));
  await dispatchCartons(trx, request.warehouseId, shipment.id, cartons, actor.id, nowIso);
  await storeTracking(trx, shipment.id, carrier.code, cartons, booking.trackingNumbers);
  for (const [lineId, quantity] of shippedNow) {
    await trx
      .updateTable('order_lines')
      .set({ quantity_shipped: sql`quantity_shipped + ${quantity}`, updated_at: nowIso })
      .where('id', '=', lineId)
      .execute();
  }
  const invoice = await issueInvoice(
    trx,
    { id: orderId, customerId: order.customer_id, currency: order.currency },
    lines.map((l) => ({
      orderLineId: l.id,
      unitPriceMinor: l.unit_price_minor,
      packQuantity: l.pack_quantity,
      quantityOrdered: l.quantity_ordered,
      shippedBefore: l.quantity_shipped,
    })),
    shippedNow,
    { paymentTermsDays: customer?.paymentTermsDays ?? 30, shipDate, shipmentId: shipment.id },
    nowIso,
  );
  await trx
    .updateTable('orders')
    .set({ status: next, updated_at: nowIso })
    .where('id', '=', orderId)
    .execute();
  const outcome: ShipOutcome = {
    shipmentId: shipment.id,
    orderId,
    orderStatus: next,
    carrierCode: carrier.code,
    service: service.code,
    trackingNumbers: booking.trackingNumbers,
    costMinor: rate.costMinor,
    currency: rate.currency,
    promisedDate: promised,
    cartonIds: cartons.map((c) => c.id),
    invoice,
  };
  await recordOrderEvent(trx, orderId, next, actor.id, { ...outcome, invoice: invoice.id }, nowIso);
  await appendEvent(
    trx,
    {
      type: 'shipment.created',
      aggregateType: 'shipment',
      aggregateId: shipment.id,
      payload: { ...outcome },
    },
    nowIso,
  );
  return outcome;
}
