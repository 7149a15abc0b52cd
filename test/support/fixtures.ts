import type { Database } from '../../src/adapters/db/database.js';
import { STANDARD_LOCATIONS, isVirtual } from '../../src/core/inventory/location-types.js';

const NOW = '2026-01-05T12:00:00.000Z';

export interface WarehouseFixture {
  id: number;
  bins: number[];
  /** Location id by standard type: supplier, adjustment, in_transit, quarantine, damaged… */
  place: Record<string, number>;
}

/**
 * Inserts a warehouse with its standard locations and `bins` storage bins, straight into the
 * tables: ledger tests need places to move stock between, not the warehouse use cases.
 */
export async function insertWarehouse(
  database: Database,
  code: string,
  bins = 3,
): Promise<WarehouseFixture> {
  return database.write(async (trx) => {
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
      const row = await trx
        .insertInto('locations')
        .values(location(wh.id, loc.code, loc.type, 0, `${code}-${loc.code}`))
        .returning('id')
        .executeTakeFirstOrThrow();
      place[loc.type] = row.id;
    }
    const binIds: number[] = [];
    for (let i = 1; i <= bins; i++) {
      const row = await trx
        .insertInto('locations')
        .values(
          location(wh.id, `A-01-0${i}`, i === 1 ? 'pick_face' : 'storage', i, `${code}-A-01-0${i}`),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      binIds.push(row.id);
    }
    return { id: wh.id, bins: binIds, place };
  });
}

function location(
  warehouseId: number,
  code: string,
  type: string,
  pickSequence: number,
  barcode: string,
) {
  return {
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
  };
}

/** Inserts a SKU; lot-tracked ones get a shelf life so new lots need an expiry. */
export async function insertSku(
  database: Database,
  code: string,
  lotTracked = false,
): Promise<number> {
  const row = await database.write((trx) =>
    trx
      .insertInto('skus')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}
