import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPricingInputs } from '../../src/app/pricing/pricing-inputs.js';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import {
  TODAY,
  YESTERDAY,
  createPriceListVia,
  createSkuVia,
  fixedClock,
  insertCustomer,
  putPrices,
} from './pricing-fixtures.js';

/** Counts the statements a piece of code sends, to keep per-order loading to a handful. */
function counting() {
  const counter = { queries: 0 };
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      counter.queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { counter, plugin };
}

describe.each(dialects)('loadPricingInputs on %s', (dialect) => {
  let api: TestApi;
  let listId: number;
  let customerId: number;
  const skuIds: number[] = [];
  beforeAll(async () => {
    api = await startTestApi(dialect, fixedClock);
    listId = await createPriceListVia(api, 'INPUTS');
    customerId = await insertCustomer(api, 'C-IN', listId);
    for (const n of [201, 202, 203, 204, 205]) {
      const skuId = await createSkuVia(api, n);
      skuIds.push(skuId);
      await putPrices(api, `/api/v1/price-lists/${listId}/prices`, skuId, 'case', [
        { unitPriceMinor: 2000 + n },
        { minQuantity: 5, unitPriceMinor: 1000, validTo: YESTERDAY },
      ]);
    }
    await putPrices(api, `/api/v1/customers/${customerId}/prices`, skuIds[0]!, 'each', [
      { unitPriceMinor: 480 },
    ]);
    await api.app.inject({
      method: 'PUT',
      url: `/api/v1/skus/${skuIds[1]}/order-rule`,
      headers: api.as('manager'),
      payload: { minOrderQuantity: 4, orderMultiple: 4, rounding: 'reject' },
    });
  });
  afterAll(async () => api?.close());

  it("loads packs, the day's prices and rules for every SKU in seven queries at most", async () => {
    const { counter, plugin } = counting();
    const db = api.store.database.db.withPlugin(plugin);
    const result = await loadPricingInputs(db, { customerId, skuIds, onDate: TODAY });
    expect(counter.queries).toBeLessThanOrEqual(7);
    if (!result.ok) throw new Error(result.error.message);
    const inputs = result.value;
    expect(inputs).toMatchObject({
      customerId,
      priceListId: listId,
      currency: 'USD',
      onDate: TODAY,
    });
    expect(inputs.skus.size).toBe(5);
    const first = inputs.skus.get(skuIds[0]!)!;
    expect(first.packSizes).toEqual({ case: 4, pallet: 160 });
    // The expired break is not loaded; the customer's each price is.
    expect(first.prices.map((p) => [p.origin, p.packLevel, p.unitPriceMinor]).sort()).toEqual([
      ['customer', 'each', 480],
      ['list', 'case', 2201],
    ]);
    expect(inputs.skus.get(skuIds[1]!)!.rule).toEqual({
      minOrderQuantity: 4,
      orderMultiple: 4,
      rounding: 'reject',
    });
    expect(inputs.skus.get(skuIds[2]!)!.rule).toBeNull();
  });

  it('names every SKU it does not know', async () => {
    const result = await loadPricingInputs(api.store.database.db, {
      priceListId: listId,
      skuIds: [skuIds[0]!, 999998, 999999],
      onDate: TODAY,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CATALOG.SKU_NOT_FOUND', details: { skuIds: [999998, 999999] } },
    });
  });
});
