import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { dogFood } from './catalog-fixtures.js';

describe.each(dialects)('GTIN lookup on %s', (dialect) => {
  let api: TestApi;
  let skuId: number;
  const sku = dogFood(42);
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/v1/skus',
      headers: api.as('manager'),
      payload: sku,
    });
    skuId = created.json().id;
  });
  afterAll(async () => api?.close());

  const lookup = (gtin: string) =>
    api.app.inject({ method: 'GET', url: `/api/v1/gtins/${gtin}`, headers: api.as('warehouse') });

  it('finds the SKU and the case quantity behind a case GTIN', async () => {
    const response = await lookup(sku.packs[0]!.gtin);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      gtin: sku.packs[0]!.gtin,
      level: 'case',
      quantity: 4,
      sku: { id: skuId, code: sku.code },
    });
    expect((await lookup(sku.packs[1]!.gtin)).json()).toMatchObject({
      level: 'pallet',
      quantity: 160,
    });
  });

  it('finds the each by its GTIN-13 or its 14-digit form', async () => {
    const asScanned = await lookup(sku.gtin);
    expect(asScanned.json()).toMatchObject({ level: 'each', quantity: 1, gtin: `0${sku.gtin}` });
    expect((await lookup(`0${sku.gtin}`)).json().sku.id).toBe(skuId);
  });

  it('answers a malformed GTIN with 422 and an unknown one with 404', async () => {
    const malformed = await lookup('5901234123458');
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().code).toBe('CATALOG.INVALID_GTIN');
    const unknown = await lookup('4006381333931');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('CATALOG.GTIN_NOT_FOUND');
  });
});
