import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Tracking per carton: each parcel's own number on its carton row (booked by the carrier or
 * entered from a distributor's own UPS/FedEx/LTL account), instead of one comma-joined column
 * on the shipment. Existing shipments whose numbers pair up with their cartons are moved over;
 * the shipment column keeps only a shipment-level number (an LTL PRO).
 */
export function partnersCartonTracking(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('cartons').addColumn('tracking_number', 'text').execute();
      await db.schema.alterTable('cartons').addColumn('tracking_carrier', 'text').execute();
      const shipments = await sql<{ id: number; tracking_number: string; carrier_code: string }>`
        select id, tracking_number, carrier_code from shipments where tracking_number is not null`.execute(
        db,
      );
      for (const s of shipments.rows) {
        const cartons = await sql<{ id: number }>`
          select id from cartons where shipment_id = ${s.id} order by id`.execute(db);
        const numbers = s.tracking_number.split(',').filter((t) => t !== '');
        if (numbers.length !== cartons.rows.length || numbers.length < 2) continue;
        for (const [i, c] of cartons.rows.entries())
          await sql`update cartons set tracking_number = ${numbers[i]}, tracking_carrier = ${s.carrier_code} where id = ${c.id}`.execute(
            db,
          );
        await sql`update shipments set tracking_number = null where id = ${s.id}`.execute(db);
      }
    },
  };
}
