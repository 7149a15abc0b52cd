import { sql } from 'kysely';
import { businessDay } from '../../core/shared/business-day.js';
import { FALLBACK_TIME_ZONE } from './warehouse-time-zones.js';

/**
 * Summing by business day in SQL, on either database: SQLite has no time zones, so queries group
 * by UTC quarter hour (`YYYY-MM-DDTHH` and 0–3) and `quarterHourDays` folds the quarters into the
 * warehouse's local days. Every zone's offset is a whole number of quarter hours (Kathmandu
 * +5:45 included), so a quarter never straddles a local midnight. Literal SQL without
 * parameters, so PostgreSQL sees the same GROUP BY text as the select list.
 */
export function quarterHourOf(column: string) {
  return {
    hour: sql<string>`substr(${sql.ref(column)}, 1, 13)`,
    quarter: sql<number | string>`cast(substr(${sql.ref(column)}, 15, 2) as integer) / 15`,
  };
}

/** The business day of a UTC quarter hour at a warehouse, remembered per zone and quarter. */
export function quarterHourDays(zones: ReadonlyMap<number, string>) {
  const seen = new Map<string, string>();
  return (warehouseId: number, hour: string, quarter: number | string): string => {
    const zone = zones.get(warehouseId) ?? FALLBACK_TIME_ZONE;
    const key = `${zone}|${hour}|${quarter}`;
    let day = seen.get(key);
    if (day === undefined) {
      const minute = String(Number(quarter) * 15).padStart(2, '0');
      day = businessDay(`${hour}:${minute}:00.000Z`, zone);
      seen.set(key, day);
    }
    return day;
  };
}
