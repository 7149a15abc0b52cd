import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { allLocations, createWarehouseVia } from './warehouse-fixtures.js';

describe.each(dialects)('locations API on %s', (dialect) => {
  let api: TestApi;
  let warehouseId: number;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    warehouseId = await createWarehouseVia(api, 'DAL1');
  });
  afterAll(async () => api?.close());

  const post = (url: string, payload: object, role: 'manager' | 'warehouse' = 'manager') =>
    api.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: api.as(role), payload });

  it('lays out 2 aisles × 3 bays × 2 levels × 1 bin as 12 bins in serpentine order', async () => {
    const layout = {
      zone: 'A',
      aisles: 2,
      bays: 3,
      levels: 2,
      binsPerLevel: 1,
      type: 'storage',
      capacityUnits: 240,
    };
    const response = await post(`/warehouses/${warehouseId}/layout`, layout);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      warehouseId,
      created: 12,
      first: { code: 'A-01-01-A-1', pickSequence: 1 },
      last: { code: 'A-02-01-B-1', pickSequence: 12 },
    });

    const bins = await allLocations(api, warehouseId, '&zone=A&type=storage');
    expect(bins).toHaveLength(12);
    const walk = [...bins]
      .sort((a, b) => (a.pickSequence as number) - (b.pickSequence as number))
      .map((b) => b.code);
    expect(walk).toEqual([
      'A-01-01-A-1',
      'A-01-01-B-1',
      'A-01-02-A-1',
      'A-01-02-B-1',
      'A-01-03-A-1',
      'A-01-03-B-1',
      'A-02-03-A-1',
      'A-02-03-B-1',
      'A-02-02-A-1',
      'A-02-02-B-1',
      'A-02-01-A-1',
      'A-02-01-B-1',
    ]);
    expect(bins[0]).toMatchObject({
      zone: 'A',
      aisle: '01',
      bay: '01',
      level: 'A',
      bin: '1',
      capacityUnits: 240,
      virtual: false,
    });
    expect(await allLocations(api, warehouseId, '&aisle=02')).toHaveLength(6);
    expect((await allLocations(api, warehouseId, '&code=02-03')).map((l) => l.code)).toEqual([
      'A-02-03-A-1',
      'A-02-03-B-1',
    ]);
  });

  it('finds a location by its barcode, as a scanner would', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: '/api/v1/locations/by-barcode/DAL1-A-01-02-B-1',
      headers: api.as('warehouse'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ code: 'A-01-02-B-1', warehouseId, pickSequence: 4 });
    const byId = await api.app.inject({
      method: 'GET',
      url: `/api/v1/locations/${response.json().id}`,
      headers: api.as('sales'),
    });
    expect(byId.json()).toEqual(response.json());
    const unknown = await api.app.inject({
      method: 'GET',
      url: '/api/v1/locations/by-barcode/NOPE-1',
      headers: api.as('warehouse'),
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('WAREHOUSE.LOCATION_NOT_FOUND');
  });

  it('creates one location, refusing virtual types, bad capacity and duplicates', async () => {
    const created = await post(`/warehouses/${warehouseId}/locations`, {
      type: 'pick_face',
      zone: 'pf',
      aisle: '01',
      bay: '01',
      capacityUnits: 48,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'PF-01-01',
      barcode: 'DAL1-PF-01-01',
      pickSequence: 13,
      active: true,
    });

    const again = await post(`/warehouses/${warehouseId}/locations`, {
      type: 'storage',
      code: 'PF-01-01',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('WAREHOUSE.LOCATION_ALREADY_EXISTS');
    const virtual = await post(`/warehouses/${warehouseId}/locations`, {
      type: 'scrap',
      code: 'SCRAP-2',
    });
    expect(virtual.statusCode).toBe(422);
    expect(virtual.json()).toMatchObject({ code: 'WAREHOUSE.INVALID_LOCATION', field: 'type' });
    const zero = await post(`/warehouses/${warehouseId}/locations`, {
      type: 'storage',
      code: 'Z-1',
      capacityUnits: 0,
    });
    expect(zero.statusCode).toBe(422);
    expect(zero.json()).toMatchObject({
      code: 'WAREHOUSE.INVALID_LOCATION',
      field: 'capacityUnits',
    });
    const forbidden = await post(
      `/warehouses/${warehouseId}/locations`,
      { type: 'storage', code: 'Z-2' },
      'warehouse',
    );
    expect(forbidden.statusCode).toBe(403);
    const noWarehouse = await post('/warehouses/999999/locations', {
      type: 'storage',
      code: 'Z-3',
    });
    expect(noWarehouse.statusCode).toBe(404);
  });

  it('leaves nothing behind when a layout overlaps an existing bin', async () => {
    const before = (await allLocations(api, warehouseId)).length;
    const overlap = {
      zone: 'A',
      aisles: 3,
      bays: 3,
      levels: 2,
      binsPerLevel: 1,
      type: 'storage',
      firstAisle: 2,
    };
    const response = await post(`/warehouses/${warehouseId}/layout`, overlap);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('WAREHOUSE.LOCATION_ALREADY_EXISTS');
    expect(await allLocations(api, warehouseId)).toHaveLength(before);
  });

  it('rolls back a layout whose last bin clashes with a barcode, after earlier rows were written', async () => {
    // 600 bins are two INSERTs; the clash is in the second, so the first must be undone.
    const squatter = await post(`/warehouses/${warehouseId}/locations`, {
      type: 'staging',
      code: 'SQUAT',
      barcode: 'DAL1-B-02-20-E-3',
    });
    expect(squatter.statusCode).toBe(201);
    const before = (await allLocations(api, warehouseId)).length;
    const layout = {
      zone: 'B',
      aisles: 2,
      bays: 20,
      levels: 5,
      binsPerLevel: 3,
      type: 'pick_face',
    };
    const response = await post(`/warehouses/${warehouseId}/layout`, layout);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('WAREHOUSE.LOCATION_ALREADY_EXISTS');
    expect(await allLocations(api, warehouseId)).toHaveLength(before);
    expect(await allLocations(api, warehouseId, '&zone=B')).toHaveLength(0);
  });

  it('updates pick sequence, capacity, type and active; locks virtual and standard ones', async () => {
    const [bin] = await allLocations(api, warehouseId, '&code=A-01-01-A-1');
    const patch = (id: unknown, payload: object) =>
      api.app.inject({
        method: 'PATCH',
        url: `/api/v1/locations/${id}`,
        headers: api.as('admin'),
        payload,
      });

    const changed = await patch(bin!.id, {
      pickSequence: 500,
      capacityUnits: null,
      type: 'pick_face',
      active: false,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      pickSequence: 500,
      capacityUnits: null,
      type: 'pick_face',
      active: false,
    });
    expect(await allLocations(api, warehouseId, '&active=false')).toHaveLength(1);

    expect((await patch(bin!.id, { type: 'customer' })).json().code).toBe(
      'WAREHOUSE.INVALID_LOCATION',
    );
    expect((await patch(bin!.id, {})).statusCode).toBe(400);
    expect((await patch(999999, { active: true })).statusCode).toBe(404);

    const standard = await allLocations(api, warehouseId, '&type=receiving');
    const receiving = await patch(standard[0]!.id, { type: 'storage' });
    expect(receiving.statusCode).toBe(422);
    expect(receiving.json().code).toBe('WAREHOUSE.STANDARD_LOCATION_LOCKED');
    const [adjustment] = await allLocations(api, warehouseId, '&type=adjustment');
    expect((await patch(adjustment!.id, { pickSequence: 3 })).json().code).toBe(
      'WAREHOUSE.VIRTUAL_LOCATION_LOCKED',
    );
  });
});
