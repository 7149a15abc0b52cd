import type { Kysely, Migration } from 'kysely';
import { big, notNull, withId, type Ddl } from './columns.js';

/**
 * Carrier booking outside the database transaction, and tracking events (issue 18, items 7
 * and 10). A shipment is reserved (`booking`), booked with the carrier after the commit and
 * confirmed (`shipped`) in a second transaction, or left `booking_failed` with the reason;
 * `carrier_reference` is the carrier's handle recorded before buying, so a retry reuses the
 * label instead of buying a second one. Tracking events (in transit, out for delivery,
 * delivered, exception) are kept per shipment and carton, once each.
 */
export function shipmentBooking(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const column of [
        'carrier_reference',
        'booking_error_code',
        'booking_error',
        'booking_started_at',
        'tracking_status',
        'tracking_updated_at',
      ])
        await db.schema.alterTable('shipments').addColumn(column, 'text').execute();
      await db.schema
        .alterTable('shipments')
        .addColumn('booking_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('shipments_status')
        .on('shipments')
        .columns(['status', 'id'])
        .execute();

      await withId(ddl, db.schema.createTable('shipment_tracking_events'))
        .addColumn('shipment_id', big, (c) => c.notNull().references('shipments.id'))
        .addColumn('carton_id', big, (c) => c.references('cartons.id'))
        .addColumn('tracking_number', 'text', notNull)
        .addColumn('status', 'text', notNull)
        .addColumn('occurred_at', 'text', notNull)
        .addColumn('detail', 'text')
        .addColumn('location', 'text')
        .addColumn('source', 'text', notNull)
        .addColumn('received_at', 'text', notNull)
        .addUniqueConstraint('shipment_tracking_events_once', [
          'tracking_number',
          'status',
          'occurred_at',
        ])
        .execute();
      await db.schema
        .createIndex('shipment_tracking_events_shipment')
        .on('shipment_tracking_events')
        .columns(['shipment_id', 'occurred_at'])
        .execute();
    },
  };
}
