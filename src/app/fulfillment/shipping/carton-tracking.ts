import type { Tx } from '../../../adapters/db/database.js';
import { fixedSql, runSql } from '../../../adapters/db/fixed-sql.js';

/**
 * Stores what a booking returned: one parcel number per carton goes on each carton row, in
 * carton order (the order the carrier was given them); anything else — an LTL PRO number, or
 * numbers that do not pair with the cartons — is the shipment's own number, which it returns
 * (null when the numbers went on the cartons).
 */
/** Each carton's parcel number, one update for all. */
const CARTON_TRACKING = fixedSql(
  'cartons.tracking',
  `update cartons set tracking_number = j.tracking, tracking_carrier = ?
   from (select value ->> 'id' as id, value ->> 'tracking' as tracking from json_each(?)) as j
   where cartons.id = j.id`,
  `update cartons c set tracking_number = j.tracking, tracking_carrier = $1
   from jsonb_to_recordset($2::jsonb) as j(id bigint, tracking text)
   where c.id = j.id`,
);

export async function storeTracking(
  trx: Tx,
  shipmentId: number,
  carrierCode: string,
  cartons: readonly { id: number }[],
  trackingNumbers: readonly string[],
): Promise<string | null> {
  if (trackingNumbers.length > 0 && trackingNumbers.length === cartons.length) {
    const rows = cartons.map((carton, i) => ({ id: carton.id, tracking: trackingNumbers[i]! }));
    await runSql(trx, CARTON_TRACKING, [carrierCode, JSON.stringify(rows)]);
    return null;
  }
  const own = trackingNumbers.join(' ') || null;
  await trx
    .updateTable('shipments')
    .set({ tracking_number: own })
    .where('id', '=', shipmentId)
    .execute();
  return own;
}

/** A shipment's tracking numbers: its cartons' in carton order, then its own (PRO). */
export async function trackingOf(
  db: Tx,
  shipmentIds: readonly number[],
): Promise<Map<number, string[]>> {
  const byShipment = new Map<number, string[]>(shipmentIds.map((id) => [id, []]));
  if (shipmentIds.length === 0) return byShipment;
  const cartons = await db
    .selectFrom('cartons')
    .select(['shipment_id', 'tracking_number'])
    .where('shipment_id', 'in', shipmentIds)
    .where('tracking_number', 'is not', null)
    .orderBy('id')
    .execute();
  for (const c of cartons) byShipment.get(c.shipment_id!)!.push(c.tracking_number!);
  const own = await db
    .selectFrom('shipments')
    .select(['id', 'tracking_number'])
    .where('id', 'in', shipmentIds)
    .where('tracking_number', 'is not', null)
    .execute();
  for (const s of own) byShipment.get(s.id)!.push(...s.tracking_number!.split(/[ ,]/));
  return byShipment;
}
