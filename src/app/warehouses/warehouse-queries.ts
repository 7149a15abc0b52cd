import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { STANDARD_LOCATIONS, type LocationType } from '../../core/inventory/location-types.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import {
  locationView,
  warehouseView,
  type LocationRow,
  type LocationView,
  type WarehouseView,
} from './warehouse-views.js';

/** A page request: at most `limit` items with an id after `afterId` (the decoded cursor). */
export interface PageRequest {
  limit: number;
  afterId?: number;
}

/** Filters for a warehouse's locations; `code` matches any part of the code (`03-02` finds `A-03-02-B-1`). */
export interface LocationFilter {
  warehouseId: number;
  type?: LocationType;
  zone?: string;
  aisle?: string;
  active?: boolean;
  code?: string;
}

/** Every location type that each warehouse has exactly one standard location of. */
export type StandardLocationType = Exclude<LocationType, 'storage' | 'pick_face'>;

/** What the stock ledger needs to know about a location before posting a movement to it. */
export interface StockLocation {
  id: number;
  warehouseId: number;
  code: string;
  type: string;
  virtual: boolean;
  active: boolean;
}

/** Warehouses in id order. Returns up to `limit + 1` items: the extra one says a next page exists. */
export async function listWarehouses(db: Tx, page: PageRequest): Promise<WarehouseView[]> {
  let query = db
    .selectFrom('warehouses')
    .selectAll()
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  return (await query.execute()).map(warehouseView);
}

/** One warehouse, or `WAREHOUSE.NOT_FOUND`. */
export async function getWarehouse(db: Tx, warehouseId: number): Promise<Result<WarehouseView>> {
  const row = await db
    .selectFrom('warehouses')
    .selectAll()
    .where('id', '=', warehouseId)
    .executeTakeFirst();
  return row
    ? ok(warehouseView(row))
    : fail('WAREHOUSE.NOT_FOUND', `No warehouse ${warehouseId}`, { warehouseId });
}

/**
 * A warehouse's locations in id order (so pages are stable while bins are added), filtered.
 * Returns up to `limit + 1` items: the extra one says a next page exists.
 */
export async function listLocations(
  db: Tx,
  filter: LocationFilter,
  page: PageRequest,
): Promise<LocationView[]> {
  let query = db
    .selectFrom('locations')
    .selectAll()
    .where('warehouse_id', '=', filter.warehouseId)
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  if (filter.type !== undefined) query = query.where('type', '=', filter.type);
  if (filter.zone !== undefined) query = query.where('zone', '=', filter.zone.toUpperCase());
  if (filter.aisle !== undefined) query = query.where('aisle', '=', filter.aisle.toUpperCase());
  if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
  if (filter.code) {
    // Codes are stored upper case; `!` escapes LIKE's wildcards the same way on both dialects.
    const pattern = `%${filter.code.toUpperCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
    query = query.where(sql<boolean>`${sql.ref('code')} like ${pattern} escape '!'`);
  }
  return (await query.execute()).map(locationView);
}

/** One location by id, or `WAREHOUSE.LOCATION_NOT_FOUND`. */
export async function getLocation(db: Tx, locationId: number): Promise<Result<LocationView>> {
  const row = await db
    .selectFrom('locations')
    .selectAll()
    .where('id', '=', locationId)
    .executeTakeFirst();
  return row
    ? ok(locationView(row))
    : fail('WAREHOUSE.LOCATION_NOT_FOUND', `No location ${locationId}`);
}

/** The location a scanner read, by its barcode (exact, as printed), or `WAREHOUSE.LOCATION_NOT_FOUND`. */
export async function getLocationByBarcode(db: Tx, barcode: string): Promise<Result<LocationView>> {
  const row = await db
    .selectFrom('locations')
    .selectAll()
    .where('barcode', '=', barcode)
    .executeTakeFirst();
  return row
    ? ok(locationView(row))
    : fail('WAREHOUSE.LOCATION_NOT_FOUND', `No location with barcode ${barcode}`);
}

/**
 * The warehouse's own location of a standard type: where the ledger posts the other side
 * of a movement (SUPPLIER for a receipt, ADJUSTMENT for a count correction, IN-TRANSIT for a
 * transfer) or where a flow puts goods (RECEIVING, QUARANTINE…). Found by its standard code,
 * so a second receiving dock added later never makes this ambiguous. Undefined only when the
 * warehouse does not exist.
 */
export async function standardLocation(
  trx: Tx,
  warehouseId: number,
  type: StandardLocationType,
): Promise<LocationRow | undefined> {
  const standard = STANDARD_LOCATIONS.find((s) => s.type === type);
  if (!standard) throw new Error(`No standard location of type ${type}`);
  return trx
    .selectFrom('locations')
    .selectAll()
    .where('warehouse_id', '=', warehouseId)
    .where('code', '=', standard.code)
    .where('type', '=', type)
    .executeTakeFirst();
}

/** A location as the ledger checks it before a movement (exists, active, virtual or real), or undefined. */
export async function loadLocationForStock(
  trx: Tx,
  locationId: number,
): Promise<StockLocation | undefined> {
  const row = await trx
    .selectFrom('locations')
    .select(['id', 'warehouse_id', 'code', 'type', 'virtual', 'active'])
    .where('id', '=', locationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    warehouseId: row.warehouse_id,
    code: row.code,
    type: row.type,
    virtual: row.virtual === 1,
    active: row.active === 1,
  };
}
