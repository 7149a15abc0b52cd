import type { DialectAdapter } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { businessDay } from '../../core/shared/business-day.js';

/**
 * Which time zone a business date is counted in: the warehouse's (the IANA zone it was created
 * with). Where no warehouse is chosen yet — an order being placed, a report over all of them —
 * the customer's preferred warehouse, else the company's: the first warehouse set up (lowest
 * id), else UTC. Zones are held in process: a warehouse's zone is fixed when it is created.
 */
export const FALLBACK_TIME_ZONE = 'UTC';

const caches = new WeakMap<DialectAdapter, Map<number, string>>();

function cacheOf(db: Tx): Map<number, string> {
  const adapter = db.getExecutor().adapter;
  let cache = caches.get(adapter);
  if (!cache) caches.set(adapter, (cache = new Map()));
  return cache;
}

/** Every warehouse's zone by id (a handful of rows), read once per store and process. */
export async function warehouseTimeZones(db: Tx): Promise<Map<number, string>> {
  const cache = cacheOf(db);
  const rows = await db.selectFrom('warehouses').select(['id', 'time_zone']).execute();
  for (const r of rows) cache.set(Number(r.id), r.time_zone);
  return new Map(rows.map((r) => [Number(r.id), r.time_zone]));
}

/** The zone of a warehouse; of the company when it is null or unknown. */
export async function warehouseTimeZone(db: Tx, warehouseId: number | null): Promise<string> {
  if (warehouseId !== null) {
    const cache = cacheOf(db);
    const known = cache.get(warehouseId);
    if (known) return known;
    // Concurrent callers (an evening's bookings) share one read.
    const zone = await sharedLoad(db, warehouseId, async () => {
      const row = await db
        .selectFrom('warehouses')
        .select('time_zone')
        .where('id', '=', warehouseId)
        .executeTakeFirst();
      if (row) cache.set(warehouseId, row.time_zone);
      return row?.time_zone;
    });
    if (zone) return zone;
  }
  return companyTimeZone(db);
}

const loads = new WeakMap<DialectAdapter, Map<number, Promise<string | undefined>>>();

/** One read per warehouse at a time, per store: later callers wait for the one under way. */
function sharedLoad(db: Tx, warehouseId: number, load: () => Promise<string | undefined>) {
  const adapter = db.getExecutor().adapter;
  let pending = loads.get(adapter);
  if (!pending) loads.set(adapter, (pending = new Map()));
  const underWay = pending.get(warehouseId);
  if (underWay) return underWay;
  const started = load().finally(() => pending.delete(warehouseId));
  pending.set(warehouseId, started);
  return started;
}

/** The cache key of the company's zone (warehouse ids are positive). */
const COMPANY = -1;

/** The company's zone: its first warehouse's (held once there is one), UTC before any exists. */
export async function companyTimeZone(db: Tx): Promise<string> {
  const cache = cacheOf(db);
  const known = cache.get(COMPANY);
  if (known) return known;
  const row = await db
    .selectFrom('warehouses')
    .select(['id', 'time_zone'])
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (row) cache.set(COMPANY, row.time_zone);
  return row?.time_zone ?? FALLBACK_TIME_ZONE;
}

/** Today at the warehouse (or at the company, for null): the business day of `now` there. */
export async function businessToday(db: Tx, warehouseId: number | null, now: Date) {
  return businessDay(now, await warehouseTimeZone(db, warehouseId));
}

/** Today for a customer before any warehouse is chosen: at its preferred one, else the company's. */
export async function customerToday(db: Tx, customerId: number | undefined, now: Date) {
  const customer =
    customerId === undefined
      ? undefined
      : await db
          .selectFrom('customers')
          .select('preferred_warehouse_id')
          .where('id', '=', customerId)
          .executeTakeFirst();
  return businessToday(db, customer?.preferred_warehouse_id ?? null, now);
}
