import type { Selectable } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import { fixedSql, runSql } from '../../../adapters/db/fixed-sql.js';
import type { Tables } from '../../../adapters/db/schema.js';
import { serviceOf, type CarrierRegistry } from '../../../core/fulfillment/carrier.js';
import {
  checkShipComplete,
  promisedDate,
  statusAfterShipping,
} from '../../../core/fulfillment/ship-rules.js';
import { moveOrder, type OrderStatus } from '../../../core/orders/order-status.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { ShippingMasterData } from '../../master-data/shipping-master-data.js';
import { lockOrder, setOrderStatus } from '../../orders/lock-order.js';
import { recordOrderEvents, type OrderEvent } from '../../orders/order-timeline.js';
import { businessToday } from '../../warehouses/warehouse-time-zones.js';
import {
  cartonsToShip,
  dispatchCartons,
  shipFrom,
  shippedPerLine,
  type CartonToShip,
} from './ship-cartons.js';
import { issueInvoice, type IssuedInvoice } from './ship-invoice.js';
import { countShipped } from './ship-lines.js';
import { shippingWarehouse } from './ship-request.js';

const ORDER_LINES = fixedSql('ship.order-lines', 'select * from order_lines where order_id = ?');

/** A shipment reserved for booking after the commit (no tracking, no cost yet). */
const INSERT_SHIPMENT = fixedSql(
  'shipments.insert-booking',
  `insert into shipments (order_id, warehouse_id, carrier_code, service, tracking_number,
     cost_minor, status, booking_started_at, booking_attempts, shipped_at, promised_date,
     delivered_at, pod_name, pod_note)
   values (?, ?, ?, ?, null, 0, 'booking', ?, 1, ?, ?, null, null, null)
   returning id`,
);

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
  /** `booking` when the goods left and the carrier is booked after the commit; then `shipped` or `booking_failed`. */
  shipmentStatus: string;
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
 * Ship confirmation, in one transaction: the closed cartons' contents move STAGING →
 * CUSTOMER, the order lines count them shipped, the shipment is reserved (`booking`) and the
 * invoice written, and the order becomes shipped or partially shipped. The carrier is not
 * called here: it rates and books after the commit (book-shipment.ts), so a slow carrier
 * holds no transaction.
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
  const order = await lockOrder(trx, orderId, actor);
  checkCarrier(carriers, input);
  const cartons = await cartonsToShip(trx, orderId, input.cartonIds, input.warehouseId);
  return shipLockedCartons(trx, order, cartons, input, carriers, actor, now);
}

/** `SHIP.CARRIER_NOT_FOUND` / `SHIP.SERVICE_NOT_FOUND` before anything is looked at. */
function checkCarrier(
  carriers: CarrierRegistry,
  input: Pick<ShipInput, 'carrierCode' | 'service'>,
) {
  const carrier = carriers.get(input.carrierCode);
  if (!carrier) {
    throw new FailureError({
      code: 'SHIP.CARRIER_NOT_FOUND',
      message: `No carrier ${input.carrierCode}`,
      details: { carriers: carriers.list().map((c) => c.code) },
    });
  }
  return { carrier, service: must(serviceOf(carrier, input.service)) };
}

/** The order as locked, and what a command did to it before shipping in the same transaction. */
export interface LockedForShipping {
  id: number;
  status: string;
  warehouse_id: number | null;
  customer_id: number;
  currency: string;
  requested_ship_date: string | null;
}

/**
 * `shipOrder`'s work once the order is locked and its cartons known. `earlier` are timeline
 * events of the same command that come first (pack-and-ship's carton and `packed`): the order's
 * status and all its events are written once.
 */
export async function shipLockedCartons(
  trx: Tx,
  order: LockedForShipping,
  cartons: readonly CartonToShip[],
  input: Pick<ShipInput, 'carrierCode' | 'service'>,
  carriers: CarrierRegistry,
  actor: Actor,
  now: Date,
  earlier: readonly OrderEvent[] = [],
): Promise<ShipOutcome> {
  const orderId = order.id;
  const nowIso = now.toISOString();
  const { carrier, service } = checkCarrier(carriers, input);
  const warehouseId = shipFrom(cartons, order.warehouse_id);
  // The ship date is the day at the shipping warehouse: 17:00 in Los Angeles is still today.
  const shipDate = await businessToday(trx, warehouseId, now);
  const shippedNow = shippedPerLine(cartons);
  const lines = await runSql<Selectable<Tables['order_lines']>>(trx, ORDER_LINES, [orderId]);
  const toShip = lines.map((l) => ({
    orderLineId: l.id,
    ordered: l.quantity_ordered,
    cancelled: l.quantity_cancelled,
    shipped: l.quantity_shipped,
  }));
  const master = await ShippingMasterData.of(trx);
  const customer = await master.customer(order.customer_id);
  must(checkShipComplete(customer?.shipComplete ?? false, toShip, shippedNow));
  const next = statusAfterShipping(toShip, shippedNow);
  must(moveOrder(order.status as OrderStatus, next));

  const shipsFrom = shippingWarehouse(orderId, warehouseId);
  const promised = promisedDate(order.requested_ship_date, shipDate, service.transitDays);
  const [shipment] = await runSql<{ id: number }>(trx, INSERT_SHIPMENT, [
    orderId,
    shipsFrom,
    carrier.code,
    service.code,
    nowIso,
    nowIso,
    promised,
  ]);
  if (!shipment) throw new Error(`shipment of order ${orderId} not written`);
  await dispatchCartons(trx, master, shipsFrom, shipment.id, cartons, actor.id, nowIso);
  await countShipped(trx, shippedNow, nowIso);
  const { invoice, event: invoiceEvent } = await issueInvoice(
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
  await setOrderStatus(trx, orderId, next, nowIso);
  const outcome: ShipOutcome = {
    shipmentId: shipment.id,
    shipmentStatus: 'booking',
    orderId,
    orderStatus: next,
    carrierCode: carrier.code,
    service: service.code,
    trackingNumbers: [],
    costMinor: 0,
    currency: order.currency,
    promisedDate: promised,
    cartonIds: cartons.map((c) => c.id),
    invoice,
  };
  // The invoice's and the order's events: one timeline and one outbox insert. The shipment's
  // own event (`shipment.created`) follows when the carrier confirms (book-shipment.ts).
  await recordOrderEvents(
    trx,
    orderId,
    actor.id,
    [...earlier, { type: next, data: { ...outcome, invoice: invoice.id } }],
    nowIso,
    { before: [invoiceEvent] },
  );
  return outcome;
}
