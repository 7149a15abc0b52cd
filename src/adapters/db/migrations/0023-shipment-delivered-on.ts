import { sql, type Kysely, type Migration } from 'kysely';
import { businessDayRange } from '../../../core/shared/business-day.js';
import { addDays } from '../../../core/shared/calendar-days.js';

/**
 * The business day a shipment was delivered on, at its shipping warehouse (issue 18): on-time
 * compares it with `promised_date`, a day at that warehouse too, and SQL cannot convert time
 * zones on SQLite. Delivered shipments are backfilled one local day per zone at a time (a range
 * update per day, not a statement per shipment).
 */
export function shipmentDeliveredOn(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('shipments').addColumn('delivered_on', 'text').execute();
      const spans = await sql<{ time_zone: string; first: string | null; last: string | null }>`
        select w.time_zone, min(s.delivered_at) as first, max(s.delivered_at) as last
        from shipments s join warehouses w on w.id = s.warehouse_id
        where s.delivered_at is not null
        group by w.time_zone`.execute(db);
      for (const { time_zone: zone, first, last } of spans.rows) {
        if (first === null || last === null) continue;
        // A day before the first UTC day and after the last covers every zone's local days.
        for (let day = addDays(first.slice(0, 10), -1); day <= addDays(last.slice(0, 10), 1);) {
          const { from, to } = businessDayRange(day, zone);
          await sql`update shipments set delivered_on = ${day}
            where delivered_at >= ${from} and delivered_at < ${to}
              and warehouse_id in (select id from warehouses where time_zone = ${zone})`.execute(
            db,
          );
          day = addDays(day, 1);
        }
      }
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('shipments').dropColumn('delivered_on').execute();
    },
  };
}
