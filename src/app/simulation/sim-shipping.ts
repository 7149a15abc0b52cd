import { defaultCarriers } from '../../adapters/carriers/carrier-registry.js';
import type { AppContext } from '../context.js';
import { goodsToPackEach } from '../fulfillment/packing/pack-order.js';
import { packAndShipOrder } from '../fulfillment/shipping/pack-and-ship.js';
import { bookShipment } from '../fulfillment/shipping/book-shipment.js';
import { recordDelivery } from '../fulfillment/shipping/record-delivery.js';
import { SIM_WAREHOUSE } from './sim-picking.js';
import { addDays, at, drawInt, dayNumber } from './sim-random.js';
import { runUnits } from './sim-units.js';

const carriers = defaultCarriers();
/** The table-rate carrier's heaviest parcel. */
const PARCEL_MAX_G = 31_500;

/** What left the dock and what arrived in a day. */
export interface ShipDay {
  shipped: number;
  delivered: number;
  deliveredLate: number;
}

/**
 * The pack-and-ship station's evening (`packAndShipOrder`): every picked order goes into one
 * carton per warehouse it was picked in — the whole order at once, exactly what was picked —
 * which ships at once with the table-rate carrier (ground parcel, or LTL freight when heavier
 * than a parcel), one order per unit of work; then each is booked with the carrier. An order a rule refuses (a ship-complete account with lines
 * still backordered) stays picked; one the carrier refuses stays `booking_failed`.
 */
export async function packAndShip(ctx: AppContext): Promise<number> {
  const orders = await ctx.database.db
    .selectFrom('orders')
    .select('id')
    .where('status', '=', 'picked')
    .orderBy('id')
    .execute();
  const now = ctx.now();
  // Where each order's picked goods wait, and their weight, read once for the evening
  // (nothing else packs them).
  const toPack = new Map<number, Map<number, number>>();
  for (let i = 0; i < orders.length; i += 500) {
    const ids = orders.slice(i, i + 500).map((o) => o.id);
    for (const [id, weights] of await goodsToPackEach(ctx.database.db, ids))
      toPack.set(id, weights);
  }
  const outcomes = await runUnits(ctx.database, orders, async (trx, { id }) => {
    // An order split between warehouses is packed and shipped in each (one shipment apiece).
    const shipments = [];
    for (const [warehouseId, weightG] of toPack.get(id) ?? []) {
      // Wholesale orders are heavy: over the parcel limit the carton goes as LTL freight.
      const service = weightG > PARCEL_MAX_G ? 'ltl' : 'ground';
      const input = { carrierCode: 'TABLE', service, warehouseId };
      shipments.push(await packAndShipOrder(trx, id, input, carriers, SIM_WAREHOUSE, now));
    }
    return shipments;
  });
  // The carrier books after the commit, as at the dock; the bookings are group-committed.
  const reserved = outcomes.flatMap((o) => (o.ok ? o.value : []));
  const booked = await Promise.all(
    reserved.map((s) =>
      bookShipment(ctx.database, s.shipmentId, carriers, SIM_WAREHOUSE, () => now),
    ),
  );
  return booked.filter((b) => b.status === 'shipped').length;
}

/**
 * The carrier's delivery scans for `date`: each shipment arrives on its promised date, a day
 * early now and then, and a day or two late about one time in twelve (drawn per shipment).
 */
export async function recordDeliveries(
  ctx: AppContext,
  date: string,
  seed: number,
): Promise<{ delivered: number; late: number }> {
  const open = await ctx.database.db
    .selectFrom('shipments')
    .select(['id', 'promised_date', 'shipped_at'])
    .where('delivered_at', 'is', null)
    .orderBy('id')
    .execute();
  const due = open
    .map((s) => ({ ...s, arrives: arrivalDate(s, seed) }))
    .filter((s) => s.arrives <= date);
  const outcomes = await runUnits(ctx.database, due, (trx, s) =>
    recordDelivery(
      trx,
      s.id,
      { deliveredAt: at(s.arrives, 15).toISOString(), podName: 'Receiving dock' },
      SIM_WAREHOUSE,
      at(date, 16),
    ),
  );
  const late = due.filter(
    (s, i) => outcomes[i]!.ok && s.promised_date !== null && s.arrives > s.promised_date,
  );
  return { delivered: outcomes.filter((o) => o.ok).length, late: late.length };
}

function arrivalDate(
  s: { id: number; promised_date: string | null; shipped_at: string },
  seed: number,
) {
  const promised = s.promised_date ?? addDays(s.shipped_at.slice(0, 10), 3);
  const roll = drawInt(0, 99, seed, s.id, dayNumber(promised), 11);
  const offset = roll < 10 ? -1 : roll < 92 ? 0 : roll < 97 ? 1 : 2;
  const earliest = addDays(s.shipped_at.slice(0, 10), 1);
  const day = addDays(promised, offset);
  return day < earliest ? earliest : day;
}
