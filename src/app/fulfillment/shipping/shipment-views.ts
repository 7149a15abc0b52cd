import type { Selectable } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import type { ShipmentTable } from '../../../adapters/db/schema.js';
import { isOnTime } from '../../../core/fulfillment/ship-rules.js';
import { warehouseTimeZone, warehouseTimeZones } from '../../warehouses/warehouse-time-zones.js';
import { trackingOf } from './carton-tracking.js';
import { FailureError } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';

/** A shipment as the API shows it; `onTime` is null until delivered (or when nothing was promised). */
export function shipmentView(
  row: Selectable<ShipmentTable>,
  cartonIds: number[],
  trackingNumbers: string[],
  timeZone: string,
) {
  return {
    id: row.id,
    orderId: row.order_id,
    warehouseId: row.warehouse_id,
    carrierCode: row.carrier_code,
    service: row.service,
    trackingNumbers,
    costMinor: row.cost_minor,
    status: row.status,
    shippedAt: row.shipped_at,
    promisedDate: row.promised_date,
    deliveredAt: row.delivered_at,
    onTime: row.delivered_at ? isOnTime(row.delivered_at, row.promised_date, timeZone) : null,
    podName: row.pod_name,
    podNote: row.pod_note,
    /** Why the carrier refused the last booking (status `booking_failed`); null otherwise. */
    bookingError: row.booking_error_code
      ? { code: row.booking_error_code, message: row.booking_error ?? '' }
      : null,
    bookingAttempts: row.booking_attempts,
    /** The latest carrier tracking event: in_transit, out_for_delivery, delivered, exception. */
    trackingStatus: row.tracking_status,
    trackingUpdatedAt: row.tracking_updated_at,
    cartonIds,
  };
}
export type ShipmentView = ReturnType<typeof shipmentView>;

async function cartonIdsBy(db: Tx, shipmentIds: readonly number[]): Promise<Map<number, number[]>> {
  const byShipment = new Map<number, number[]>(shipmentIds.map((id) => [id, []]));
  if (shipmentIds.length === 0) return byShipment;
  const rows = await db
    .selectFrom('cartons')
    .select(['id', 'shipment_id'])
    .where('shipment_id', 'in', shipmentIds)
    .orderBy('id')
    .execute();
  for (const r of rows) byShipment.get(r.shipment_id!)!.push(r.id);
  return byShipment;
}

/** One shipment; `SHIPMENT.NOT_FOUND` when there is none. */
export async function getShipment(db: Tx, shipmentId: number): Promise<ShipmentView> {
  const row = await db
    .selectFrom('shipments')
    .selectAll()
    .where('id', '=', shipmentId)
    .executeTakeFirst();
  if (!row)
    throw new FailureError({ code: 'SHIPMENT.NOT_FOUND', message: `No shipment ${shipmentId}` });
  const tracking = await trackingOf(db, [row.id]);
  const zone = await warehouseTimeZone(db, row.warehouse_id);
  return shipmentView(
    row,
    (await cartonIdsBy(db, [row.id])).get(row.id)!,
    tracking.get(row.id)!,
    zone,
  );
}

/** The shipments of an order, oldest first; a customer key sees only its own orders'. */
export async function listShipments(
  db: Tx,
  orderId: number,
  viewer: Pick<Actor, 'customerId'>,
): Promise<ShipmentView[]> {
  const order = await db
    .selectFrom('orders')
    .select(['id', 'customer_id'])
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order || (viewer.customerId !== null && viewer.customerId !== order.customer_id)) {
    throw new FailureError({ code: 'ORDER.NOT_FOUND', message: `No order ${orderId}` });
  }
  const rows = await db
    .selectFrom('shipments')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  const cartons = await cartonIdsBy(
    db,
    rows.map((r) => r.id),
  );
  const tracking = await trackingOf(
    db,
    rows.map((r) => r.id),
  );
  const zones = await warehouseTimeZones(db);
  return rows.map((r) =>
    shipmentView(r, cartons.get(r.id)!, tracking.get(r.id)!, zones.get(r.warehouse_id) ?? 'UTC'),
  );
}
