import type { Tx } from '../../../adapters/db/database.js';
import type { Actor } from '../../../core/shared/roles.js';
import { lockShipmentOrder } from './lock-shipment.js';

/** A `booking` older than this is taken to be lost (a process stopped mid-booking). */
export const STALE_BOOKING_MS = 2 * 60_000;

/**
 * Takes a shipment back to `booking` for another attempt: a `booking_failed` one, or a
 * `booking` one whose attempt started more than STALE_BOOKING_MS ago. `claimed` is false —
 * nothing to do — when it is booked already or an attempt is running now, so asking twice
 * books once. The carrier is called after the commit (book-shipment.ts).
 */
export async function claimBookingRetry(
  trx: Tx,
  shipmentId: number,
  actor: Actor,
  now: Date,
): Promise<{ shipmentId: number; claimed: boolean }> {
  await lockShipmentOrder(trx, shipmentId, actor);
  const shipment = await trx
    .selectFrom('shipments')
    .select(['status', 'booking_started_at'])
    .where('id', '=', shipmentId)
    .executeTakeFirstOrThrow();
  const stale =
    shipment.status === 'booking' &&
    (shipment.booking_started_at ?? '') < new Date(now.getTime() - STALE_BOOKING_MS).toISOString();
  if (shipment.status !== 'booking_failed' && !stale) return { shipmentId, claimed: false };
  await trx
    .updateTable('shipments')
    .set((eb) => ({
      status: 'booking',
      booking_started_at: now.toISOString(),
      booking_attempts: eb('booking_attempts', '+', 1),
      booking_error_code: null,
      booking_error: null,
    }))
    .where('id', '=', shipmentId)
    .execute();
  return { shipmentId, claimed: true };
}
