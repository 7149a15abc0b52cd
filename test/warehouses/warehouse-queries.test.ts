import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/adapters/db/database.js';
import { createWarehouse } from '../../src/app/warehouses/create-warehouse.js';
import { createLocation } from '../../src/app/warehouses/create-locations.js';
import { updateLocation } from '../../src/app/warehouses/update-location.js';
import {
  loadLocationForStock,
  standardLocation,
} from '../../src/app/warehouses/warehouse-queries.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { chicagoDc } from './warehouse-fixtures.js';

const now = new Date('2025-03-03T14:00:00Z');

describe.each(dialects)('warehouse queries for the ledger on %s', (dialect) => {
  let store: TestStore;
  let warehouseId: number;
  beforeAll(async () => {
    store = await freshStore(dialect);
    warehouseId = (
      await store.database.write((trx) => createWarehouse(trx, chicagoDc('ATL1'), now))
    ).id;
  });
  afterAll(async () => store?.drop());

  it('finds each standard location of a warehouse', async () => {
    const db = store.database.db;
    const adjustment = await standardLocation(db, warehouseId, 'adjustment');
    expect(adjustment).toMatchObject({
      code: 'ADJUSTMENT',
      type: 'adjustment',
      virtual: 1,
      warehouse_id: warehouseId,
    });
    expect(await standardLocation(db, warehouseId, 'in_transit')).toMatchObject({
      code: 'IN-TRANSIT',
    });
    expect(await standardLocation(db, warehouseId, 'receiving')).toMatchObject({
      barcode: 'ATL1-RECEIVING',
      virtual: 0,
    });
    expect(await standardLocation(db, 999999, 'scrap')).toBeUndefined();

    expect(await loadLocationForStock(db, adjustment!.id)).toEqual({
      id: adjustment!.id,
      warehouseId,
      code: 'ADJUSTMENT',
      type: 'adjustment',
      virtual: true,
      active: true,
    });
    expect(await loadLocationForStock(db, 999999)).toBeUndefined();
  });

  it('refuses to deactivate a bin that holds stock', async () => {
    const bin = await store.database.write((trx) =>
      createLocation(trx, warehouseId, { type: 'storage', zone: 'C', aisle: '01' }, now),
    );
    await store.database.write(async (trx) => {
      const sku = await trx
        .insertInto('skus')
        .values({
          code: 'DOG-KIBBLE-15KG',
          name: 'Adult dog kibble 15 kg',
          category: 'dog-food',
          gtin: null,
          base_unit: 'each',
          weight_g: 15000,
          length_mm: null,
          width_mm: null,
          height_mm: null,
          lot_tracked: 0,
          shelf_life_days: null,
          standard_cost_minor: 2599,
          currency: 'USD',
          active: 1,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('stock_balances')
        .values({
          location_id: bin.id,
          sku_id: sku.id,
          lot_id: 0,
          warehouse_id: warehouseId,
          on_hand: 4,
          allocated: 0,
          updated_at: now.toISOString(),
        })
        .execute();
    });
    const result = await run(store.database, (trx) =>
      updateLocation(trx, bin.id, { active: false }),
    );
    expect(result.ok || result.error.code).toBe('WAREHOUSE.LOCATION_NOT_EMPTY');
    expect(await loadLocationForStock(store.database.db, bin.id)).toMatchObject({
      active: true,
      virtual: false,
    });
  });
});
