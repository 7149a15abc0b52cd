import type { Database, Tx } from '../../../adapters/db/database.js';
import type {
  Carrier,
  CarrierRegistry,
  ShipmentCarton,
} from '../../../core/fulfillment/carrier.js';
import { businessDay } from '../../../core/shared/business-day.js';
import type { Failure } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { appendEvent } from '../../events/outbox.js';
import { warehouseTimeZone } from '../../warehouses/warehouse-time-zones.js';
import { ShippingMasterData } from '../../master-data/shipping-master-data.js';
import { recordOrderEvent } from '../../orders/order-timeline.js';
import { storeTracking } from './carton-tracking.js';
import { shipmentRequest } from './ship-request.js';
import { getShipment, shipmentView, type ShipmentView } from './shipment-views.js';

/**
 * Books a reserved shipment (`booking`) with its carrier, outside any transaction: the carrier
 * rates it; a carrier that keeps state between rating and buying (EasyPost's shipment ids)
 * gets that reference recorded on the shipment first, so a retry reuses a label already
 * bought; then it buys, and a second short transaction confirms the labels (`shipped`, the
 * tracking per carton, the cost, `shipment.created`). A refusal or an unreachable carrier
 * leaves the shipment `booking_failed` with the reason, on the order's timeline too; nothing
 * about the stock changes either way (the goods moved when the shipment was reserved).
 * A shipment that is not `booking` (confirmed meanwhile) is answered as it is.
 */
export async function bookShipment(
  database: Database,
  shipmentId: number,
  carriers: CarrierRegistry,
  actor: Actor,
  now: () => Date,
): Promise<ShipmentView> {
  const db = database.db;
  const found = await shipmentToBook(db, shipmentId);
  if (!found || found.row.status !== 'booking') return getShipment(db, shipmentId);
  const { row, cartons } = found;
  const carrier = carriers.get(row.carrier_code);
  if (!carrier)
    return failBooking(database, shipmentId, actor, now, {
      code: 'SHIP.CARRIER_NOT_FOUND',
      message: `No carrier ${row.carrier_code}`,
    });
  const request = await shipmentRequest(
    db,
    await ShippingMasterData.of(db),
    { id: row.order_id, warehouse_id: row.warehouse_id, ...pick(row) },
    row.service,
    businessDay(row.shipped_at, await warehouseTimeZone(db, row.warehouse_id)),
    cartons.map((c) => c.view),
  );
  let reference = row.carrier_reference ?? undefined;
  let costMinor = row.cost_minor;
  // The carrier's currency when it rated now; a retry with a recorded reference has only the order's.
  let currency = row.currency;
  if (reference === undefined) {
    const rate = await carrier.rate(request);
    if (!rate.ok) return failBooking(database, shipmentId, actor, now, rate.error);
    costMinor = rate.value.costMinor;
    currency = rate.value.currency;
    reference = rate.value.reference;
    if (reference !== undefined) await recordReference(database, shipmentId, reference, costMinor);
  }
  const booking = await carrier.ship({ ...request, shipmentId, reference });
  if (!booking.ok) return failBooking(database, shipmentId, actor, now, booking.error);
  return database.write((trx) =>
    confirmBooking(
      trx,
      { ...row, cartons, costMinor, currency },
      carrier,
      booking.value.trackingNumbers,
      actor,
      now,
    ),
  );
}

const pick = (r: { ship_to_id: number | null; customer_id: number }) => ({
  ship_to_id: r.ship_to_id,
  customer_id: r.customer_id,
});

/**
 * The shipment with what the booking needs of its order, and its cartons as the carrier sees
 * them (in carton order), in one read: a row per carton, the shipment's columns on each.
 */
async function shipmentToBook(db: Tx, shipmentId: number) {
  const rows = await db
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .leftJoin('cartons as c', 'c.shipment_id', 's.id')
    .leftJoin('carton_types as t', 't.id', 'c.carton_type_id')
    .select(['s.id', 's.order_id', 's.warehouse_id', 's.carrier_code', 's.service', 's.status'])
    .select(['s.shipped_at', 's.carrier_reference', 's.cost_minor', 's.booking_attempts'])
    .select(['o.ship_to_id', 'o.customer_id', 'o.currency'])
    .select(['c.id as carton_id', 'c.sscc', 'c.weight_g'])
    .select(['t.length_mm', 't.width_mm', 't.height_mm'])
    .where('s.id', '=', shipmentId)
    .orderBy('c.id')
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const row = {
    id: first.id,
    order_id: first.order_id,
    warehouse_id: first.warehouse_id,
    carrier_code: first.carrier_code,
    service: first.service,
    status: first.status,
    shipped_at: first.shipped_at,
    carrier_reference: first.carrier_reference,
    cost_minor: first.cost_minor,
    booking_attempts: first.booking_attempts,
    ship_to_id: first.ship_to_id,
    customer_id: first.customer_id,
    currency: first.currency,
  };
  const cartons = rows.flatMap((r) =>
    r.carton_id === null
      ? []
      : [
          {
            id: r.carton_id,
            view: {
              sscc: r.sscc!,
              weightG: r.weight_g!,
              lengthMm: r.length_mm,
              widthMm: r.width_mm,
              heightMm: r.height_mm,
            } satisfies ShipmentCarton,
          },
        ],
  );
  return { row, cartons };
}

/** The carrier's handle, stored before buying: a booking retried after this point reuses it. */
async function recordReference(
  database: Database,
  shipmentId: number,
  reference: string,
  costMinor: number,
) {
  await database.write((trx) =>
    trx
      .updateTable('shipments')
      .set({ carrier_reference: reference, cost_minor: costMinor })
      .where('id', '=', shipmentId)
      .where('carrier_reference', 'is', null)
      .execute(),
  );
}

/**
 * The second transaction: labels and cost on the shipment, `shipped`. A late success also
 * confirms a shipment marked `booking_failed` meanwhile (the label exists, so it counts).
 */
async function confirmBooking(
  trx: Tx,
  shipment: {
    id: number;
    order_id: number;
    carrier_code: string;
    service: string;
    currency: string;
    booking_attempts: number;
    cartons: readonly { id: number }[];
    costMinor: number;
  },
  carrier: Carrier,
  trackingNumbers: readonly string[],
  actor: Actor,
  now: () => Date,
): Promise<ShipmentView> {
  const nowIso = now().toISOString();
  // No order lock: the conditional update below is the guard, and nothing here changes the order.
  const row = await trx
    .updateTable('shipments')
    .set({
      status: 'shipped',
      cost_minor: shipment.costMinor,
      booking_error_code: null,
      booking_error: null,
    })
    .where('id', '=', shipment.id)
    .where('status', 'in', ['booking', 'booking_failed'])
    .returningAll()
    .executeTakeFirst();
  if (!row) return getShipment(trx, shipment.id);
  const own = await storeTracking(
    trx,
    shipment.id,
    carrier.code,
    shipment.cartons,
    trackingNumbers,
  );
  // Built from what was just written rather than read back: the confirmation stays short.
  const view = shipmentView(
    { ...row, tracking_number: own },
    shipment.cartons.map((c) => c.id),
    [...trackingNumbers],
    await warehouseTimeZone(trx, row.warehouse_id),
  );
  const payload = {
    shipmentId: view.id,
    orderId: view.orderId,
    carrierCode: view.carrierCode,
    service: view.service,
    trackingNumbers: view.trackingNumbers,
    costMinor: view.costMinor,
    currency: shipment.currency,
    promisedDate: view.promisedDate,
    cartonIds: view.cartonIds,
  };
  await appendEvent(
    trx,
    { type: 'shipment.created', aggregateType: 'shipment', aggregateId: view.id, payload },
    nowIso,
  );
  // A first booking needs no timeline entry of its own (the order's `shipped` says it); a
  // retried one closes the `booking_failed` entry it follows.
  if (shipment.booking_attempts > 1)
    await recordOrderEvent(trx, shipment.order_id, 'shipment_booked', actor.id, payload, nowIso);
  return view;
}

/** `booking_failed` with the carrier's reason, on the shipment and on the order's timeline. */
async function failBooking(
  database: Database,
  shipmentId: number,
  actor: Actor,
  now: () => Date,
  error: Pick<Failure, 'code' | 'message'>,
): Promise<ShipmentView> {
  return database.write(async (trx) => {
    const nowIso = now().toISOString();
    const updated = await trx
      .updateTable('shipments')
      .set({
        status: 'booking_failed',
        booking_error_code: error.code,
        booking_error: error.message,
      })
      .where('id', '=', shipmentId)
      .where('status', '=', 'booking')
      .returning('order_id')
      .executeTakeFirst();
    if (updated) {
      await recordOrderEvent(
        trx,
        updated.order_id,
        'booking_failed',
        actor.id,
        { shipmentId, code: error.code, message: error.message },
        nowIso,
      );
    }
    return getShipment(trx, shipmentId);
  });
}
