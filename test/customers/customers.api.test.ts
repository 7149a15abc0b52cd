import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { insertWarehouse } from '../support/fixtures.js';
import {
  createCustomerVia,
  customerRowCounts,
  insertPriceList,
  petStore,
} from './customer-fixtures.js';

describe.each(dialects)('customers API on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api?.close());

  const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, role = 'sales') =>
    api.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: api.as(role as 'sales'),
      ...(payload ? { payload } : {}),
    });
  const get = (url: string, role: 'sales' | 'warehouse' | 'planner' = 'planner') =>
    api.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: api.as(role) });

  it('opens an account with its ship-tos, and reads it back', async () => {
    const warehouse = await insertWarehouse(api.store.database, 'COL1', 0);
    const priceList = await insertPriceList(api.store.database, 'TRADE-USD', 'USD');
    const created = await createCustomerVia(
      api,
      petStore('ps-1001', { preferredWarehouseId: warehouse.id, priceListId: priceList }),
    );
    expect(created).toMatchObject({
      accountNumber: 'PS-1001',
      currency: 'USD',
      creditLimitMinor: 500_000,
      onHold: false,
      holdReason: null,
      priority: 3,
      preferredWarehouseId: warehouse.id,
      priceListId: priceList,
      shipComplete: false,
      allowBackorders: true,
      minRemainingShelfLifeDays: 90,
      active: true,
      billTo: { line2: null, region: 'OH', country: 'US' },
      skuRules: [],
    });
    expect(created.shipTos.map((s) => [s.code, s.isDefault])).toEqual([
      ['STORE-1', false],
      ['STORE-2', true],
    ]);
    const fetched = await get(`/customers/${created.id}`, 'warehouse');
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(created);
  });

  it('ships to the bill-to address when an account is opened without ship-tos', async () => {
    const created = await createCustomerVia(api, { ...petStore('PS-1002'), shipTos: undefined });
    expect(created.shipTos).toEqual([
      expect.objectContaining({
        code: 'MAIN',
        isDefault: true,
        address: expect.objectContaining({ line1: '200 High St', country: 'US' }),
      }),
    ]);
  });

  it('lists with search, hold and active filters and a cursor', async () => {
    await createCustomerVia(api, { ...petStore('VET-2001'), name: 'Riverside Vet Clinic' });
    const search = await get('/customers?search=riverSIDE');
    expect(search.json().items.map((c: { accountNumber: string }) => c.accountNumber)).toEqual([
      'VET-2001',
    ]);
    expect((await get('/customers?search=ps-100')).json().items).toHaveLength(2);
    expect((await get('/customers?search=100%25')).json().items).toHaveLength(0);
    const first = (await get('/customers?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const rest = (await get(`/customers?limit=2&cursor=${first.nextCursor}`)).json();
    expect(rest).toMatchObject({ items: [{ accountNumber: 'VET-2001' }], nextCursor: null });
    expect((await get('/customers?onHold=true')).json().items).toHaveLength(0);
    expect((await get('/customers?active=true')).json().items).toHaveLength(3);
    expect((await get('/customers?cursor=bm9wZQ')).statusCode).toBe(400);
  });

  it('patches terms and clears optional values with null, keeping the rest', async () => {
    const customer = await createCustomerVia(api, petStore('PS-1003'));
    const patched = await send(
      'PATCH',
      `/customers/${customer.id}`,
      {
        creditLimitMinor: null,
        email: null,
        paymentTermsDays: 60,
        shipComplete: true,
        allowBackorders: false,
      },
      'manager',
    );
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      creditLimitMinor: null,
      email: null,
      paymentTermsDays: 60,
      shipComplete: true,
      allowBackorders: false,
      priority: 3,
      name: 'Happy Paws Pet Store',
    });
    const zero = await send(
      'PATCH',
      `/customers/${customer.id}`,
      { creditLimitMinor: 0 },
      'manager',
    );
    expect(zero.json().creditLimitMinor).toBe(0);
    // Issue 17, item 13: credit is a manager's call; sales may edit everything else.
    const raised = await send('PATCH', `/customers/${customer.id}`, {
      creditLimitMinor: 9_999_999,
    });
    expect(raised.statusCode).toBe(403);
    expect(raised.json()).toMatchObject({ code: 'AUTH.FORBIDDEN', field: 'creditLimitMinor' });
    // The web form resends the limit it shows: unchanged, it is no change.
    const same = await send('PATCH', `/customers/${customer.id}`, {
      creditLimitMinor: 0,
      priority: 4,
    });
    expect(same.statusCode, same.body).toBe(200);
    expect((await send('PATCH', `/customers/${customer.id}`, {})).statusCode).toBe(400);
    const badCountry = await send('PATCH', `/customers/${customer.id}`, {
      billTo: { line1: '1 A St', city: 'X', postalCode: '1', country: 'XX' },
    });
    expect(badCountry.statusCode).toBe(422);
    expect(badCountry.json()).toMatchObject({
      code: 'CUSTOMER.INVALID_ADDRESS',
      field: 'billTo.country',
    });
    expect((await send('PATCH', '/customers/999999', { priority: 2 })).statusCode).toBe(404);
  });

  it('adds ship-tos, moves the default, and refuses someone else’s ship-to', async () => {
    const customer = await createCustomerVia(api, petStore('PS-1004'));
    const other = await createCustomerVia(api, petStore('PS-1005'));
    const added = await send('POST', `/customers/${customer.id}/ship-tos`, {
      code: 'WAREHOUSE-EAST',
      name: 'Happy Paws back store',
      address: { line1: '9 Dock Rd', city: 'Columbus', postalCode: '43219', country: 'US' },
      isDefault: true,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ code: 'WAREHOUSE-EAST', isDefault: true });
    const after = (await get(`/customers/${customer.id}`)).json();
    expect(after.shipTos.filter((s: { isDefault: boolean }) => s.isDefault)).toHaveLength(1);

    const first = customer.shipTos[0]!.id;
    const moved = await send('PATCH', `/customers/${customer.id}/ship-tos/${first}`, {
      isDefault: true,
      name: 'Downtown store',
    });
    expect(moved.json()).toMatchObject({
      isDefault: true,
      name: 'Downtown store',
      code: 'STORE-1',
    });
    const unset = await send('PATCH', `/customers/${customer.id}/ship-tos/${first}`, {
      isDefault: false,
    });
    expect(unset.json().code).toBe('CUSTOMER.DEFAULT_SHIP_TO_REQUIRED');
    const duplicate = await send('POST', `/customers/${customer.id}/ship-tos`, {
      code: 'store-1',
      name: 'Again',
      address: { line1: '1 A St', city: 'Columbus', postalCode: '43215', country: 'US' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('CUSTOMER.SHIP_TO_ALREADY_EXISTS');
    const foreign = await send(
      'PATCH',
      `/customers/${customer.id}/ship-tos/${other.shipTos[0]!.id}`,
      {
        name: 'Not mine',
      },
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('CUSTOMER.SHIP_TO_NOT_FOUND');
  });

  it('puts an account on hold with a reason and releases it', async () => {
    const customer = await createCustomerVia(api, petStore('PS-1006'));
    const held = await send('POST', `/customers/${customer.id}/hold`, {
      reason: ' 60 days overdue ',
    });
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ onHold: true, holdReason: '60 days overdue' });
    expect((await get('/customers?onHold=true')).json().items).toEqual([held.json()]);
    const blank = await send('POST', `/customers/${customer.id}/hold`, { reason: '   ' });
    expect(blank.json().code).toBe('CUSTOMER.INVALID_HOLD_REASON');
    // Issue 17, item 13: sales may place a hold but not lift it (credit is a manager's call).
    const bySales = await send('POST', `/customers/${customer.id}/release-hold`);
    expect(bySales.statusCode).toBe(403);
    const released = await send(
      'POST',
      `/customers/${customer.id}/release-hold`,
      undefined,
      'manager',
    );
    expect(released.json()).toMatchObject({ onHold: false, holdReason: null });
    const again = await send(
      'POST',
      `/customers/${customer.id}/release-hold`,
      undefined,
      'manager',
    );
    expect(again.statusCode).toBe(200);
    const events = await api.store.database.db
      .selectFrom('outbox_events')
      .select('type')
      .where('aggregate_type', '=', 'customer')
      .where('aggregate_id', '=', String(customer.id))
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['customer.hold_placed', 'customer.hold_released']);
  });

  it('refuses writes from the warehouse role and unknown fields', async () => {
    const forbidden = await send('POST', '/customers', petStore('PS-1007'), 'warehouse');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('AUTH.FORBIDDEN');
    const hold = await send('POST', '/customers/1/hold', { reason: 'x' }, 'warehouse');
    expect(hold.statusCode).toBe(403);
    const unknown = await send('POST', '/customers', { ...petStore('PS-1008'), creditScore: 700 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].unknownField).toBe('creditScore');
  });

  it('refuses a duplicate account with 409 and unknown references with 404', async () => {
    const before = await customerRowCounts(api.store.database);
    const duplicate = await send('POST', '/customers', petStore('ps-1001'));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'CUSTOMER.ALREADY_EXISTS',
      accountNumber: 'PS-1001',
    });
    const noWarehouse = await send(
      'POST',
      '/customers',
      petStore('PS-1009', { preferredWarehouseId: 999999 }),
    );
    expect(noWarehouse.statusCode).toBe(404);
    expect(noWarehouse.json().code).toBe('CUSTOMER.WAREHOUSE_NOT_FOUND');
    const noList = await send('POST', '/customers', petStore('PS-1009', { priceListId: 999999 }));
    expect(noList.json().code).toBe('CUSTOMER.PRICE_LIST_NOT_FOUND');
    const euros = await insertPriceList(api.store.database, 'TRADE-EUR', 'EUR');
    const mismatch = await send('POST', '/customers', petStore('PS-1009', { priceListId: euros }));
    expect(mismatch.json().code).toBe('CUSTOMER.CURRENCY_MISMATCH');
    expect(await customerRowCounts(api.store.database)).toEqual(before);
  });

  it('leaves nothing behind when one ship-to of a new account is refused', async () => {
    const before = await customerRowCounts(api.store.database);
    const payload = petStore('PS-1010');
    payload.shipTos[1]!.address.country = 'XX';
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { ...api.as('manager'), 'idempotency-key': 'cust-fail-1' },
      payload,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'CUSTOMER.INVALID_ADDRESS',
      field: 'shipTos[1].address.country',
    });
    expect(await customerRowCounts(api.store.database)).toEqual(before);
    // The failure was not stored against the key: the corrected request goes through.
    payload.shipTos[1]!.address.country = 'US';
    const retry = await api.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { ...api.as('manager'), 'idempotency-key': 'cust-fail-1' },
      payload,
    });
    expect(retry.statusCode).toBe(201);
  });
});
