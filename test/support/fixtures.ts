import type { Database, Tx } from '../../src/adapters/db/database.js';
import { STANDARD_LOCATIONS, isVirtual } from '../../src/core/inventory/location-types.js';

/** Fixed clock for fixture rows. */
export const NOW = '2026-01-05T12:00:00.000Z';

export interface WarehouseFixture {
  id: number;
  /** Bins in creation order: A-01-01, A-01-02… (the first a pick face unless told otherwise). */
  bins: number[];
  /** Location id by standard type: supplier, adjustment, in_transit, quarantine, damaged… */
  place: Record<string, number>;
}

/**
 * Inserts a warehouse with its standard locations and `bins` bins, straight into the tables:
 * ledger tests and benchmarks need places to move stock between, not the warehouse use cases.
 */
export async function insertWarehouse(
  database: Database,
  code: string,
  bins = 3,
): Promise<WarehouseFixture> {
  return database.write((trx) => insertWarehouseRows(trx, code, bins));
}

/** The same, inside the caller's transaction; `pickFace: false` makes every bin plain storage. */
export async function insertWarehouseRows(
  trx: Tx,
  code: string,
  bins: number,
  pickFace = true,
): Promise<WarehouseFixture> {
  const wh = await trx
    .insertInto('warehouses')
    .values({
      code,
      name: code,
      time_zone: 'UTC',
      address_line1: '1 Dock St',
      address_line2: null,
      city: 'Columbus',
      region: 'OH',
      postal_code: '43004',
      country: 'US',
      created_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const place: Record<string, number> = {};
  for (const loc of STANDARD_LOCATIONS) {
    place[loc.type] = await insertLocation(
      trx,
      wh.id,
      loc.code,
      loc.type,
      0,
      `${code}-${loc.code}`,
    );
  }
  const binIds: number[] = [];
  for (let i = 1; i <= bins; i++) {
    const bin = `A-01-${String(i).padStart(2, '0')}`;
    const type = i === 1 && pickFace ? 'pick_face' : 'storage';
    binIds.push(await insertLocation(trx, wh.id, bin, type, i, `${code}-${bin}`));
  }
  return { id: wh.id, bins: binIds, place };
}

async function insertLocation(
  trx: Tx,
  warehouseId: number,
  code: string,
  type: string,
  pickSequence: number,
  barcode: string,
) {
  const row = await trx
    .insertInto('locations')
    .values({
      warehouse_id: warehouseId,
      code,
      barcode: isVirtual(type) ? null : barcode,
      type,
      virtual: isVirtual(type) ? 1 : 0,
      zone: null,
      aisle: null,
      bay: null,
      level: null,
      bin: null,
      pick_sequence: pickSequence,
      capacity_units: null,
      active: 1,
      created_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A trade customer row for inserts: no credit limit, no hold, takes backorders. */
export function customerRow(accountNumber: string, name = accountNumber) {
  return {
    account_number: accountNumber,
    name,
    email: null,
    phone: null,
    bill_to_line1: '1 Main St',
    bill_to_line2: null,
    bill_to_city: 'Columbus',
    bill_to_region: null,
    bill_to_postal_code: '43004',
    bill_to_country: 'US',
    price_list_id: null,
    currency: 'USD',
    payment_terms_days: 30,
    credit_limit_minor: null,
    on_hold: 0,
    hold_reason: null,
    priority: 5,
    preferred_warehouse_id: null,
    ship_complete: 0,
    allow_backorders: 1,
    min_remaining_shelf_life_days: 0,
    active: 1,
    created_at: NOW,
    updated_at: NOW,
  };
}

/** A SKU row for inserts; lot-tracked ones get a shelf life so new lots need an expiry. */
export function skuRow(code: string, lotTracked = false) {
  return {
    code,
    name: `Test ${code}`,
    category: 'test',
    gtin: null,
    base_unit: 'each',
    weight_g: null,
    length_mm: null,
    width_mm: null,
    height_mm: null,
    lot_tracked: lotTracked ? 1 : 0,
    shelf_life_days: lotTracked ? 365 : null,
    standard_cost_minor: 100,
    currency: 'USD',
    active: 1,
    created_at: NOW,
    updated_at: NOW,
  };
}

/** Inserts one SKU and returns its id. */
export async function insertSku(
  database: Database,
  code: string,
  lotTracked = false,
): Promise<number> {
  const row = await database.write((trx) =>
    trx
      .insertInto('skus')
      .values(skuRow(code, lotTracked))
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}
