import type { Kysely, Migration } from 'kysely';

/**
 * A shipment's cartons, and a parcel by its tracking number, by index. Booking after the commit
 * (book-shipment.ts), labels and tracking read a shipment's cartons by `shipment_id`, and a
 * carrier's tracking event finds its parcel by `tracking_number` (carton, or the shipment's own
 * PRO number); without these each read scanned every carton ever packed (a peak day of 20,000
 * bookings took minutes).
 */
export function shipmentLookupIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('cartons_shipment').on('cartons').column('shipment_id').execute();
      await db.schema
        .createIndex('cartons_tracking_number')
        .on('cartons')
        .column('tracking_number')
        .execute();
      await db.schema
        .createIndex('shipments_tracking_number')
        .on('shipments')
        .column('tracking_number')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('shipments_tracking_number').execute();
      await db.schema.dropIndex('cartons_tracking_number').execute();
      await db.schema.dropIndex('cartons_shipment').execute();
    },
  };
}
