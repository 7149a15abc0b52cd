import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_LOCATIONS } from '../../src/core/inventory/location-types.js';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { allLocations, chicagoDc, createWarehouseVia } from './warehouse-fixtures.js';

describe.each(dialects)('warehouses API on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api?.close());

  it('creates a warehouse with its 11 standard locations', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/v1/warehouses',
      headers: api.as('admin'),
      payload: { ...chicagoDc('chi1'), timeZone: 'america/chicago' },
    });
    expect(created.statusCode).toBe(201);
    const warehouse = created.json();
    expect(warehouse).toMatchObject({
      code: 'CHI1',
      timeZone: 'America/Chicago',
      address: { city: 'Chicago', line2: null, region: 'IL', country: 'US' },
    });

    const locations = await allLocations(api, warehouse.id);
    expect(locations).toHaveLength(11);
    expect(locations.map((l) => [l.code, l.type]).sort()).toEqual(
      STANDARD_LOCATIONS.map((s) => [s.code, s.type]).sort(),
    );
    const byCode = new Map(locations.map((l) => [l.code, l]));
    expect(byCode.get('RECEIVING')).toMatchObject({
      barcode: 'CHI1-RECEIVING',
      virtual: false,
      active: true,
    });
    expect(byCode.get('ADJUSTMENT')).toMatchObject({ barcode: null, virtual: true });
    expect(locations.filter((l) => l.virtual)).toHaveLength(5);

    const fetched = await api.app.inject({
      method: 'GET',
      url: `/api/v1/warehouses/${warehouse.id}`,
      headers: api.as('warehouse'),
    });
    expect(fetched.json()).toEqual(warehouse);
    const list = await api.app.inject({
      method: 'GET',
      url: '/api/v1/warehouses',
      headers: api.as('planner'),
    });
    expect(list.json()).toEqual({ items: [warehouse], nextCursor: null });
  });

  it('refuses a duplicate code with 409 and a bad time zone with 422', async () => {
    await createWarehouseVia(api, 'DUP1');
    const duplicate = await api.app.inject({
      method: 'POST',
      url: '/api/v1/warehouses',
      headers: api.as('manager'),
      payload: chicagoDc('dup1'),
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('WAREHOUSE.ALREADY_EXISTS');

    const badZone = await api.app.inject({
      method: 'POST',
      url: '/api/v1/warehouses',
      headers: api.as('manager'),
      payload: { ...chicagoDc('TZ1'), timeZone: 'Mars/Olympus_Mons' },
    });
    expect(badZone.statusCode).toBe(422);
    expect(badZone.json()).toMatchObject({
      code: 'WAREHOUSE.INVALID_TIME_ZONE',
      field: 'timeZone',
    });
  });

  it('refuses unknown fields with 400', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/warehouses',
      headers: api.as('admin'),
      payload: { ...chicagoDc('UNK1'), dockDoors: 12 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].unknownField).toBe('dockDoors');
  });

  it('lets staff read but only master-data writers create', async () => {
    const asWarehouse = await api.app.inject({
      method: 'POST',
      url: '/api/v1/warehouses',
      headers: api.as('warehouse'),
      payload: chicagoDc('ROLE1'),
    });
    expect(asWarehouse.statusCode).toBe(403);
    expect(asWarehouse.json().code).toBe('AUTH.FORBIDDEN');

    const noKey = await api.app.inject({
      method: 'POST',
      url: '/api/v1/warehouses',
      payload: chicagoDc('ROLE2'),
    });
    expect(noKey.statusCode).toBe(401);
    const readNoKey = await api.app.inject({ method: 'GET', url: '/api/v1/warehouses' });
    expect(readNoKey.statusCode).toBe(401);

    const missing = await api.app.inject({
      method: 'GET',
      url: '/api/v1/warehouses/999999',
      headers: api.as('sales'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('WAREHOUSE.NOT_FOUND');
  });

  it('replays a retried create with the same Idempotency-Key', async () => {
    const send = () =>
      api.app.inject({
        method: 'POST',
        url: '/api/v1/warehouses',
        headers: { ...api.as('manager'), 'idempotency-key': 'wh-idem-1' },
        payload: chicagoDc('IDEM1'),
      });
    const first = await send();
    const retry = await send();
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
  });

  it('pages through warehouses with a cursor', async () => {
    const first = await api.app.inject({
      method: 'GET',
      url: '/api/v1/warehouses?limit=1',
      headers: api.as('sales'),
    });
    const page = first.json();
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await api.app.inject({
      method: 'GET',
      url: `/api/v1/warehouses?limit=1&cursor=${page.nextCursor}`,
      headers: api.as('sales'),
    });
    expect(next.json().items[0].id).toBeGreaterThan(page.items[0].id);
    const bad = await api.app.inject({
      method: 'GET',
      url: '/api/v1/warehouses?cursor=bm9wZQ',
      headers: api.as('sales'),
    });
    expect(bad.statusCode).toBe(400);
  });
});
