import { run } from '../../adapters/db/database.js';
import type { CarrierRegistry } from '../../core/fulfillment/carrier.js';
import type { Actor } from '../../core/shared/roles.js';
import type { AppContext } from '../context.js';
import { bookShipment } from '../fulfillment/shipping/book-shipment.js';
import { claimBookingRetry, STALE_BOOKING_MS } from '../fulfillment/shipping/retry-booking.js';

const BOOKING_JOB: Actor = { id: 'job:bookings', role: 'warehouse', customerId: null, apiKeyId: 0 };

/**
 * Books the shipments a stopped process left reserved (`booking` for longer than
 * STALE_BOOKING_MS: the goods left, the carrier was never asked or never answered). Safe with
 * several processes: each shipment is claimed under its order's lock, and a claim restarts
 * its clock, so a second process finds it fresh and leaves it. Refused ones go
 * `booking_failed` for someone to look at; they are not retried here. Returns how many shipped.
 */
export async function bookStalledShipments(
  ctx: AppContext,
  carriers: CarrierRegistry,
  limit = 50,
): Promise<number> {
  const now = ctx.now();
  const stalled = await ctx.database.db
    .selectFrom('shipments')
    .select('id')
    .where('status', '=', 'booking')
    .where('booking_started_at', '<', new Date(now.getTime() - STALE_BOOKING_MS).toISOString())
    .orderBy('id')
    .limit(limit)
    .execute();
  let shipped = 0;
  for (const { id } of stalled) {
    const claim = await run(ctx.database, (trx) => claimBookingRetry(trx, id, BOOKING_JOB, now));
    if (!claim.ok || !claim.value.claimed) continue;
    const booked = await bookShipment(ctx.database, id, carriers, BOOKING_JOB, ctx.now);
    if (booked.status === 'shipped') shipped++;
  }
  return shipped;
}
