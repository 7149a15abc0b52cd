import type { Tx } from '../../../adapters/db/database.js';
import {
  latestTrackingStatus,
  type TrackingEvent,
  type TrackingStatus,
} from '../../../core/fulfillment/tracking-status.js';
import { FailureError } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { appendEvent } from '../../events/outbox.js';
import { recordOrderEvent } from '../../orders/order-timeline.js';
import { lockShipmentOrder } from './lock-shipment.js';
import { recordDelivery } from './record-delivery.js';

export interface TrackingOutcome {
  shipmentId: number;
  orderId: number;
  /** Events stored now; a repeated event (same number, status and time) is not stored twice. */
  recorded: number;
  trackingStatus: string | null;
  shipmentStatus: string;
}

/**
 * Stores a parcel's tracking events on its shipment (and carton), once each, and acts on
 * the new ones: the shipment's tracking status follows the latest event; an exception raises
 * `shipment.exception` and shows on the order's timeline; once every parcel of a shipped
 * shipment is delivered, the shipment is delivered at the carrier's delivery time (the last
 * parcel's), which the delivery-time and on-time KPIs read. An unknown number is refused
 * (`SHIPMENT.TRACKING_NOT_FOUND`).
 */
export async function recordTracking(
  trx: Tx,
  events: readonly TrackingEvent[],
  source: string,
  actor: Actor,
  now: Date,
): Promise<TrackingOutcome> {
  const nowIso = now.toISOString();
  const numbers = [...new Set(events.map((e) => e.trackingNumber))];
  if (numbers.length !== 1)
    throw new FailureError({
      code: 'SHIPMENT.TRACKING_INPUT',
      message: 'Send the events of one tracking number at a time',
    });
  const parcel = await findParcel(trx, numbers[0]!);
  const order = await lockShipmentOrder(trx, parcel.shipmentId, actor);
  for (const e of events) {
    if (Number.isNaN(Date.parse(e.occurredAt)))
      throw new FailureError({
        code: 'SHIPMENT.INVALID_TRACKING_TIME',
        message: `occurredAt ${e.occurredAt} is not a date-time`,
      });
  }
  const inserted = await trx
    .insertInto('shipment_tracking_events')
    .values(
      events.map((e) => ({
        shipment_id: parcel.shipmentId,
        carton_id: parcel.cartonId,
        tracking_number: e.trackingNumber,
        status: e.status,
        occurred_at: new Date(e.occurredAt).toISOString(),
        detail: e.detail ?? null,
        location: e.location ?? null,
        source,
        received_at: nowIso,
      })),
    )
    .onConflict((oc) => oc.columns(['tracking_number', 'status', 'occurred_at']).doNothing())
    .returning(['status', 'occurred_at', 'detail', 'location'])
    .execute();
  const stored = await trx
    .selectFrom('shipment_tracking_events')
    .select(['tracking_number', 'status', 'occurred_at'])
    .where('shipment_id', '=', parcel.shipmentId)
    .execute();
  const trackingStatus = latestTrackingStatus(
    stored.map((s) => ({ status: s.status as TrackingStatus, occurredAt: s.occurred_at })),
  );
  const latestAt = stored.reduce((at, s) => (s.occurred_at > at ? s.occurred_at : at), '');
  if (inserted.length > 0)
    await trx
      .updateTable('shipments')
      .set({ tracking_status: trackingStatus, tracking_updated_at: latestAt })
      .where('id', '=', parcel.shipmentId)
      .execute();
  for (const e of inserted.filter((i) => i.status === 'exception')) {
    const facts = {
      shipmentId: parcel.shipmentId,
      trackingNumber: numbers[0]!,
      occurredAt: e.occurred_at,
      detail: e.detail,
      location: e.location,
    };
    await appendEvent(
      trx,
      {
        type: 'shipment.exception',
        aggregateType: 'shipment',
        aggregateId: parcel.shipmentId,
        payload: { orderId: order.id, ...facts },
      },
      nowIso,
    );
    await recordOrderEvent(trx, order.id, 'shipment_exception', actor.id, facts, nowIso);
  }
  let shipmentStatus = parcel.status;
  const deliveredAt = await allParcelsDelivered(trx, parcel.shipmentId, stored);
  if (
    inserted.some((i) => i.status === 'delivered') &&
    parcel.status === 'shipped' &&
    deliveredAt
  ) {
    const signedBy = events.find((e) => e.status === 'delivered' && e.signedBy)?.signedBy;
    await recordDelivery(
      trx,
      parcel.shipmentId,
      { deliveredAt, podName: signedBy, podNote: `Carrier tracking (${source})` },
      actor,
      now,
    );
    shipmentStatus = 'delivered';
  }
  return {
    shipmentId: parcel.shipmentId,
    orderId: order.id,
    recorded: inserted.length,
    trackingStatus,
    shipmentStatus,
  };
}

/** The carton carrying this number, or the shipment whose own number (an LTL PRO) it is. */
async function findParcel(trx: Tx, trackingNumber: string) {
  const carton = await trx
    .selectFrom('cartons as c')
    .innerJoin('shipments as s', 's.id', 'c.shipment_id')
    .select(['c.id', 'c.shipment_id', 's.status'])
    .where('c.tracking_number', '=', trackingNumber)
    .executeTakeFirst();
  if (carton)
    return {
      cartonId: carton.id as number | null,
      shipmentId: carton.shipment_id!,
      status: carton.status,
    };
  const shipment = await trx
    .selectFrom('shipments')
    .select(['id', 'status'])
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirst();
  if (!shipment)
    throw new FailureError({
      code: 'SHIPMENT.TRACKING_NOT_FOUND',
      message: `No shipped parcel has tracking number ${trackingNumber}`,
    });
  return { cartonId: null, shipmentId: shipment.id, status: shipment.status };
}

/**
 * When the shipment's last parcel was delivered, or null while one is still out: every
 * tracking number of the shipment (its cartons', or its own) needs a delivered event.
 */
async function allParcelsDelivered(
  trx: Tx,
  shipmentId: number,
  stored: readonly { tracking_number: string; status: string; occurred_at: string }[],
): Promise<string | null> {
  const cartons = await trx
    .selectFrom('cartons')
    .select('tracking_number')
    .where('shipment_id', '=', shipmentId)
    .where('tracking_number', 'is not', null)
    .execute();
  const own = await trx
    .selectFrom('shipments')
    .select('tracking_number')
    .where('id', '=', shipmentId)
    .executeTakeFirstOrThrow();
  const parcels = [
    ...cartons.map((c) => c.tracking_number!),
    ...(own.tracking_number ? [own.tracking_number] : []),
  ];
  let last = '';
  for (const number of parcels) {
    const delivered = stored
      .filter((s) => s.tracking_number === number && s.status === 'delivered')
      .map((s) => s.occurred_at)
      .sort()
      .at(-1);
    if (!delivered) return null;
    if (delivered > last) last = delivered;
  }
  return last || null;
}
