import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/auth/api-keys.js';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { createCustomerVia, insertInvoice, insertOrder, petStore } from './customer-fixtures.js';

describe.each(dialects)('customer credit and customer keys on %s', (dialect) => {
  let api: TestApi;
  let mine: number;
  let theirs: number;
  let customerKey: string;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    mine = (await createCustomerVia(api, petStore('PS-3001'))).id;
    theirs = (await createCustomerVia(api, petStore('VET-3002', { creditLimitMinor: null }))).id;
    const key = await createApiKey(
      api.store.database,
      { role: 'customer', customerId: mine },
      new Date(),
    );
    if (!key.ok) throw new Error(key.error.message);
    customerKey = key.value.key;
  });
  afterAll(async () => api?.close());

  const asCustomer = { authorization: () => `Bearer ${customerKey}` };
  const get = (url: string, headers: Record<string, string>) =>
    api.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

  it('counts open orders and unpaid invoices; shipped orders and paid invoices drop out', async () => {
    const db = api.store.database;
    await insertOrder(db, mine, 'confirmed', 120_000);
    await insertOrder(db, mine, 'backordered', 30_000);
    await insertOrder(db, mine, 'draft', 5_000);
    for (const status of ['shipped', 'delivered', 'closed', 'cancelled']) {
      await insertOrder(db, mine, status, 999_999);
    }
    await insertInvoice(db, mine, 250_000, 100_000);
    await insertInvoice(db, mine, 80_000, 80_000, 'paid');
    await insertInvoice(db, mine, 40_000, 0, 'void');
    await insertOrder(db, theirs, 'confirmed', 777_000);

    const credit = await get(`/customers/${mine}/credit`, api.as('sales'));
    expect(credit.statusCode).toBe(200);
    expect(credit.json()).toEqual({
      customerId: mine,
      currency: 'USD',
      openOrdersMinor: 155_000,
      unpaidInvoicesMinor: 150_000,
      exposureMinor: 305_000,
      creditLimitMinor: 500_000,
      availableCreditMinor: 195_000,
    });
    const unlimited = await get(`/customers/${theirs}/credit`, api.as('planner'));
    expect(unlimited.json()).toMatchObject({
      exposureMinor: 777_000,
      creditLimitMinor: null,
      availableCreditMinor: null,
    });
    expect((await get('/customers/999999/credit', api.as('sales'))).statusCode).toBe(404);
  });

  it('counts a partly shipped order once: its invoiced part as an invoice, the rest as open', async () => {
    const db = api.store.database;
    const before = (await get(`/customers/${mine}/credit`, api.as('sales'))).json();
    const order = await insertOrder(db, mine, 'partially_shipped', 50_000);
    await insertInvoice(db, mine, 20_000, 0, 'open', order);
    const after = (await get(`/customers/${mine}/credit`, api.as('sales'))).json();
    expect(after.openOrdersMinor - before.openOrdersMinor).toBe(30_000);
    expect(after.unpaidInvoicesMinor - before.unpaidInvoicesMinor).toBe(20_000);
    expect(after.exposureMinor - before.exposureMinor).toBe(50_000);
  });

  it('shows an account over its limit as negative available credit', async () => {
    await insertInvoice(api.store.database, mine, 300_000, 0);
    const credit = (await get(`/customers/${mine}/credit`, api.as('sales'))).json();
    expect(credit).toMatchObject({ exposureMinor: 655_000, availableCreditMinor: -155_000 });
  });

  it('lets a customer key see only its own account', async () => {
    const headers = { authorization: asCustomer.authorization() };
    const own = await get(`/customers/${mine}`, headers);
    expect(own.statusCode).toBe(200);
    expect(own.json().accountNumber).toBe('PS-3001');
    const list = await get('/customers', headers);
    expect(list.json().items.map((c: { id: number }) => c.id)).toEqual([mine]);
    expect((await get('/customers?search=VET', headers)).json().items).toEqual([]);
    expect((await get(`/customers/${mine}/credit`, headers)).statusCode).toBe(200);

    for (const url of [`/customers/${theirs}`, `/customers/${theirs}/credit`]) {
      const other = await get(url, headers);
      expect(other.statusCode).toBe(404);
      expect(other.json().code).toBe('CUSTOMER.NOT_FOUND');
    }
    const write = await api.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${mine}/release-hold`,
      headers,
    });
    expect(write.statusCode).toBe(403);
  });

  it('refuses to change the currency of an account that has traded', async () => {
    const response = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/customers/${mine}`,
      headers: api.as('manager'),
      payload: { currency: 'CAD' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'CUSTOMER.CURRENCY_LOCKED',
      customerCurrency: 'USD',
    });
  });
});
