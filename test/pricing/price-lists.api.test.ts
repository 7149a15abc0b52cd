import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import {
  TOMORROW,
  createPriceListVia,
  createSkuVia,
  fixedClock,
  insertCustomer,
  putPrices,
} from './pricing-fixtures.js';

describe.each(dialects)('price lists and order rules API on %s', (dialect) => {
  let api: TestApi;
  let skuId: number;
  beforeAll(async () => {
    api = await startTestApi(dialect, fixedClock);
    skuId = await createSkuVia(api, 1);
  });
  afterAll(async () => api?.close());

  it('creates a price list, lists it, and refuses its code twice', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/v1/price-lists',
      headers: api.as('admin'),
      payload: { code: 'trade-2025', name: 'Trade 2025', currency: 'USD' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'TRADE-2025', currency: 'USD', active: true });
    const again = await api.app.inject({
      method: 'POST',
      url: '/api/v1/price-lists',
      headers: api.as('manager'),
      payload: { code: 'TRADE-2025', name: 'Again', currency: 'USD' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PRICING.PRICE_LIST_ALREADY_EXISTS');
    const list = await api.app.inject({
      method: 'GET',
      url: '/api/v1/price-lists',
      headers: api.as('warehouse'),
    });
    expect(list.json().items.map((l: { code: string }) => l.code)).toContain('TRADE-2025');
  });

  it('upserts prices by break and start date, gets and deletes them', async () => {
    const listId = await createPriceListVia(api, 'UPSERT');
    const url = `/api/v1/price-lists/${listId}/prices`;
    const first = await putPrices(api, url, skuId, 'case', [
      { unitPriceMinor: 2600 },
      { minQuantity: 10, unitPriceMinor: 2400 },
    ]);
    expect(first.statusCode).toBe(200);
    expect(first.json().prices).toHaveLength(2);
    // Same break and start: corrected in place. A dated row beside it: added.
    const second = await putPrices(api, url, skuId, 'case', [
      { minQuantity: 10, unitPriceMinor: 2350 },
      { unitPriceMinor: 2700, validFrom: TOMORROW },
    ]);
    const prices = second.json().prices as {
      id: number;
      minQuantity: number;
      unitPriceMinor: number;
      validFrom: string | null;
    }[];
    expect(prices.map((p) => [p.minQuantity, p.unitPriceMinor, p.validFrom])).toEqual([
      [1, 2600, null],
      [1, 2700, TOMORROW],
      [10, 2350, null],
    ]);
    const got = await api.app.inject({
      method: 'GET',
      url: `/api/v1/price-lists/${listId}?skuId=${skuId}`,
      headers: api.as('planner'),
    });
    expect(got.json()).toMatchObject({ code: 'UPSERT', prices: second.json().prices });

    const removed = await api.app.inject({
      method: 'DELETE',
      url: `${url}/${prices[2]!.id}`,
      headers: api.as('manager'),
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ id: prices[2]!.id, unitPriceMinor: 2350 });
    const gone = await api.app.inject({
      method: 'DELETE',
      url: `${url}/${prices[2]!.id}`,
      headers: api.as('manager'),
    });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('PRICING.PRICE_NOT_FOUND');
  });

  it('refuses unsound prices (422), bad bodies (400) and unknown things (404)', async () => {
    const listId = await createPriceListVia(api, 'CHECKS');
    const url = `/api/v1/price-lists/${listId}/prices`;
    const badDate = await putPrices(api, url, skuId, 'case', [
      { unitPriceMinor: 1, validFrom: '2025-13-01' },
    ]);
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json()).toMatchObject({
      code: 'PRICING.INVALID_PRICE',
      field: 'validFrom',
      index: 0,
    });
    const noInner = await putPrices(api, url, skuId, 'inner', [{ unitPriceMinor: 100 }]);
    expect(noInner.json()).toMatchObject({ code: 'PRICING.UNKNOWN_PACK_LEVEL' });
    const badLevel = await putPrices(api, url, skuId, 'crate', [{ unitPriceMinor: 100 }]);
    expect(badLevel.statusCode).toBe(400);
    const extra = await putPrices(api, url, skuId, 'case', [{ unitPriceMinor: 100, discount: 5 }]);
    expect(extra.statusCode).toBe(400);
    const noList = await putPrices(api, '/api/v1/price-lists/999999/prices', skuId, 'case', [
      { unitPriceMinor: 1 },
    ]);
    expect(noList.statusCode).toBe(404);
    expect(noList.json().code).toBe('PRICING.PRICE_LIST_NOT_FOUND');
    const noSku = await putPrices(api, url, 999999, 'each', [{ unitPriceMinor: 1 }]);
    expect(noSku.json()).toMatchObject({ code: 'CATALOG.SKU_NOT_FOUND', skuId: 999999 });
    const getMissing = await api.app.inject({
      method: 'GET',
      url: '/api/v1/price-lists/999999',
      headers: api.as('sales'),
    });
    expect(getMissing.statusCode).toBe(404);
  });

  it('lets only admins and managers write prices; every staff role reads', async () => {
    const listId = await createPriceListVia(api, 'ROLES');
    const url = `/api/v1/price-lists/${listId}/prices`;
    for (const role of ['sales', 'planner', 'warehouse'] as const) {
      const refused = await putPrices(api, url, skuId, 'case', [{ unitPriceMinor: 1 }], role);
      expect(refused.statusCode).toBe(403);
    }
    const create = await api.app.inject({
      method: 'POST',
      url: '/api/v1/price-lists',
      headers: api.as('sales'),
      payload: { code: 'NOPE', name: 'No', currency: 'USD' },
    });
    expect(create.statusCode).toBe(403);
  });

  it('keeps customer prices per customer', async () => {
    const customerId = await insertCustomer(api, 'C-PRICES', null);
    const url = `/api/v1/customers/${customerId}/prices`;
    const put = await putPrices(api, url, skuId, 'each', [{ unitPriceMinor: 599 }]);
    expect(put.statusCode).toBe(200);
    const got = await api.app.inject({ method: 'GET', url, headers: api.as('sales') });
    expect(got.json()).toEqual({ customerId, prices: put.json().prices });
    const missing = await putPrices(api, '/api/v1/customers/999999/prices', skuId, 'each', [
      { unitPriceMinor: 1 },
    ]);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('CUSTOMER.NOT_FOUND');
    expect(
      (await putPrices(api, url, skuId, 'each', [{ unitPriceMinor: 1 }], 'sales')).statusCode,
    ).toBe(403);
    const removed = await api.app.inject({
      method: 'DELETE',
      url: `${url}/${put.json().prices[0].id}`,
      headers: api.as('admin'),
    });
    expect(removed.statusCode).toBe(200);
  });

  it('sets and reads a SKU order rule', async () => {
    const url = `/api/v1/skus/${skuId}/order-rule`;
    const none = await api.app.inject({ method: 'GET', url, headers: api.as('sales') });
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('PRICING.ORDER_RULE_NOT_FOUND');
    const payload = { minOrderQuantity: 8, orderMultiple: 4, rounding: 'round_up' };
    const set = await api.app.inject({ method: 'PUT', url, headers: api.as('manager'), payload });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ skuId, ...payload });
    const changed = await api.app.inject({
      method: 'PUT',
      url,
      headers: api.as('admin'),
      payload: { ...payload, rounding: 'reject' },
    });
    expect(changed.json().rounding).toBe('reject');
    const got = await api.app.inject({ method: 'GET', url, headers: api.as('warehouse') });
    expect(got.json()).toEqual({ skuId, ...payload, rounding: 'reject' });

    const zero = await api.app.inject({
      method: 'PUT',
      url,
      headers: api.as('manager'),
      payload: { ...payload, orderMultiple: 0 },
    });
    expect(zero.statusCode).toBe(422);
    expect(zero.json()).toMatchObject({
      code: 'PRICING.INVALID_ORDER_RULE',
      field: 'orderMultiple',
    });
    const badRounding = await api.app.inject({
      method: 'PUT',
      url,
      headers: api.as('manager'),
      payload: { ...payload, rounding: 'nearest' },
    });
    expect(badRounding.statusCode).toBe(400);
    const sales = await api.app.inject({ method: 'PUT', url, headers: api.as('sales'), payload });
    expect(sales.statusCode).toBe(403);
    const noSku = await api.app.inject({
      method: 'PUT',
      url: '/api/v1/skus/999999/order-rule',
      headers: api.as('manager'),
      payload,
    });
    expect(noSku.statusCode).toBe(404);
  });

  it('replays a price write with the same Idempotency-Key', async () => {
    const listId = await createPriceListVia(api, 'IDEM');
    const request = {
      method: 'PUT' as const,
      url: `/api/v1/price-lists/${listId}/prices`,
      headers: { ...api.as('manager'), 'idempotency-key': 'prices-1' },
      payload: { skuId, packLevel: 'case', prices: [{ unitPriceMinor: 2500 }] },
    };
    const first = await api.app.inject(request);
    const replay = await api.app.inject(request);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
  });
});
