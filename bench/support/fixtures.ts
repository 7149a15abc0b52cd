import type { Tx } from '../../src/adapters/db/database.js';
import { STANDARD_LOCATIONS, isVirtual } from '../../src/core/inventory/location-types.js';

/** Fixed clock for fixture rows: benchmarks measure the store, not timestamps. */
export const NOW = '2026-01-05T12:00:00.000Z';

export interface WarehouseFixture {
  id: number;
  /** Storage bins, in creation order. */
  bins: number[];
  /** Location id by standard type: supplier, adjustment, in_transit, quarantine… */
  place: Record<string, number>;
}

/** A warehouse with its standard locations and `bins` storage bins, written straight into the tables. */
export async function insertWarehouse(
  trx: Tx,
  code: string,
  bins: number,
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
    binIds.push(await insertLocation(trx, wh.id, bin, 'storage', i, `${code}-${bin}`));
  }
  return { id: wh.id, bins: binIds, place };
}

/** Standard locations are found by their plain code (SUPPLIER…) within the warehouse; barcodes are global. */
async function insertLocation(
  trx: Tx,
  warehouseId: number,
  code: string,
  type: string,
  seq: number,
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
      pick_sequence: seq,
      capacity_units: null,
      active: 1,
      created_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A plain, untracked SKU row for inserts (one or many at a time). */
export function skuRow(code: string) {
  return {
    code,
    name: `Bench ${code}`,
    category: 'bench',
    gtin: null,
    base_unit: 'each',
    weight_g: null,
    length_mm: null,
    width_mm: null,
    height_mm: null,
    lot_tracked: 0,
    shelf_life_days: null,
    standard_cost_minor: 100,
    currency: 'USD',
    active: 1,
    created_at: NOW,
    updated_at: NOW,
  };
}
