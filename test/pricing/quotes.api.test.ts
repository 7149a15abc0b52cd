import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import {
  TODAY,
  TOMORROW,
  YESTERDAY,
  createPriceListVia,
  createSkuVia,
  fixedClock,
  insertCustomer,
  postQuote,
  putPrices,
} from './pricing-fixtures.js';

describe.each(dialects)('quotes on %s', (dialect) => {
  let api: TestApi;
  let listId: number;
  let skuId: number;
  let customerId: number;
  let n = 100;
  beforeAll(async () => {
    api = await startTestApi(dialect, fixedClock);
    listId = await createPriceListVia(api, 'TRADE');
    skuId = await createSkuVia(api, 10);
    customerId = await insertCustomer(api, 'C-100', listId);
    const url = `/api/v1/price-lists/${listId}/prices`;
    // Dog food 2 kg: 6.50 a bag, 24.00 a case of 4, 22.00 from 10 cases, 20.00 from 50.
    await putPrices(api, url, skuId, 'each', [{ unitPriceMinor: 650 }]);
    await putPrices(api, url, skuId, 'case', [
      { unitPriceMinor: 2400 },
      { minQuantity: 10, unitPriceMinor: 2200 },
      { minQuantity: 50, unitPriceMinor: 2000 },
    ]);
  });
  afterAll(async () => api?.close());

  const line = (packLevel: string, packQuantity: number, id = skuId) => ({
    skuId: id,
    packLevel,
    packQuantity,
  });

  it('prices cases by volume break and eaches at the each price', async () => {
    const response = await postQuote(api, {
      priceListId: listId,
      lines: [line('case', 9), line('case', 10), line('case', 50), line('each', 3)],
    });
    expect(response.statusCode).toBe(200);
    const quote = response.json();
    expect(quote).toMatchObject({
      priceListId: listId,
      customerId: null,
      currency: 'USD',
      onDate: TODAY,
    });
    expect(
      quote.lines.map((l: { unitPriceMinor: number; priceSource: string }) => [
        l.unitPriceMinor,
        l.priceSource,
      ]),
    ).toEqual([
      [2400, 'list'],
      [2200, 'tier'],
      [2000, 'tier'],
      [650, 'list'],
    ]);
    expect(quote.lines[1]).toMatchObject({
      lineNumber: 2,
      quantityBase: 40,
      lineTotalMinor: 22_000,
      minQuantity: 10,
    });
    expect(quote.totalMinor).toBe(9 * 2400 + 10 * 2200 + 50 * 2000 + 3 * 650);
  });

  it("derives a pallet price from the each price, and uses the customer's list by default", async () => {
    const response = await postQuote(api, { customerId, lines: [line('pallet', 1)] });
    expect(response.json()).toMatchObject({
      customerId,
      priceListId: listId,
      lines: [{ unitPriceMinor: 160 * 650, quantityBase: 160 }],
    });
  });

  it("lets the customer's own price win over the list and its tiers", async () => {
    const other = await insertCustomer(api, 'C-101', listId);
    await putPrices(api, `/api/v1/customers/${other}/prices`, skuId, 'case', [
      { unitPriceMinor: 2100 },
    ]);
    const response = await postQuote(api, {
      customerId: other,
      lines: [line('case', 60), line('each', 2)],
    });
    expect(response.json().lines).toMatchObject([
      { unitPriceMinor: 2100, priceSource: 'customer' },
      { unitPriceMinor: 650, priceSource: 'list' },
    ]);
    // Another customer on the same list still gets the list.
    const plain = await postQuote(api, { customerId, lines: [line('case', 60)] });
    expect(plain.json().lines[0]).toMatchObject({ unitPriceMinor: 2000, priceSource: 'tier' });
  });

  it("applies only prices valid on the day: yesterday's has expired, tomorrow's has not begun", async () => {
    const dated = await createSkuVia(api, n++);
    await putPrices(api, `/api/v1/price-lists/${listId}/prices`, dated, 'case', [
      { unitPriceMinor: 1000, validTo: TODAY },
      { unitPriceMinor: 1100, validFrom: TODAY, validTo: TOMORROW },
      { unitPriceMinor: 1200, validFrom: TOMORROW },
    ]);
    const on = async (onDate: string) =>
      (
        await postQuote(api, { priceListId: listId, onDate, lines: [line('case', 1, dated)] })
      ).json();
    expect((await on(YESTERDAY)).lines[0].unitPriceMinor).toBe(1000);
    expect((await on(TODAY)).lines[0].unitPriceMinor).toBe(1100);
    expect((await on(TOMORROW)).lines[0].unitPriceMinor).toBe(1200);
    // Default date: the server's today.
    expect(
      (await postQuote(api, { priceListId: listId, lines: [line('case', 1, dated)] })).json()
        .lines[0].unitPriceMinor,
    ).toBe(1100);
  });

  it('refuses quantities below the minimum or off the multiple when the SKU rejects', async () => {
    const ruled = await createSkuVia(api, n++);
    await putPrices(api, `/api/v1/price-lists/${listId}/prices`, ruled, 'each', [
      { unitPriceMinor: 500 },
    ]);
    const rule = { minOrderQuantity: 8, orderMultiple: 4, rounding: 'reject' };
    await api.app.inject({
      method: 'PUT',
      url: `/api/v1/skus/${ruled}/order-rule`,
      headers: api.as('manager'),
      payload: rule,
    });
    const below = await postQuote(api, {
      priceListId: listId,
      lines: [line('each', 12, ruled), line('case', 1, ruled)],
    });
    expect(below.statusCode).toBe(422);
    expect(below.json()).toMatchObject({
      code: 'ORDER.BELOW_MINIMUM',
      lineNumber: 2,
      skuId: ruled,
      minOrderQuantity: 8,
    });
    const off = await postQuote(api, { priceListId: listId, lines: [line('each', 10, ruled)] });
    expect(off.json()).toMatchObject({ code: 'ORDER.NOT_A_MULTIPLE', orderMultiple: 4 });
  });

  it('rounds up to the multiple, keeping whole packs or going to eaches', async () => {
    const ruled = await createSkuVia(api, n++);
    await putPrices(api, `/api/v1/price-lists/${listId}/prices`, ruled, 'each', [
      { unitPriceMinor: 500 },
    ]);
    await putPrices(api, `/api/v1/price-lists/${listId}/prices`, ruled, 'case', [
      { unitPriceMinor: 1800 },
    ]);
    const setRule = (payload: Record<string, unknown>) =>
      api.app.inject({
        method: 'PUT',
        url: `/api/v1/skus/${ruled}/order-rule`,
        headers: api.as('manager'),
        payload,
      });
    await setRule({ minOrderQuantity: 8, orderMultiple: 4, rounding: 'round_up' });
    const byCase = (
      await postQuote(api, {
        priceListId: listId,
        lines: [line('each', 9, ruled), line('case', 1, ruled)],
      })
    ).json();
    expect(byCase.lines).toMatchObject([
      {
        packLevel: 'each',
        packQuantity: 12,
        quantityBase: 12,
        unitPriceMinor: 500,
        adjusted: true,
      },
      { packLevel: 'case', packQuantity: 2, quantityBase: 8, lineTotalMinor: 3600, adjusted: true },
    ]);
    await setRule({ minOrderQuantity: 6, orderMultiple: 1, rounding: 'round_up' });
    const odd = (
      await postQuote(api, { priceListId: listId, lines: [line('case', 1, ruled)] })
    ).json();
    expect(odd.lines[0]).toMatchObject({
      packLevel: 'each',
      packQuantity: 6,
      lineTotalMinor: 3000,
      adjusted: true,
    });
  });

  it('takes a hand-set price from sales, refuses one from a planner', async () => {
    const body = { priceListId: listId, lines: [{ ...line('case', 2), unitPriceMinor: 1999 }] };
    const sales = await postQuote(api, body, 'sales');
    expect(sales.json().lines[0]).toMatchObject({
      unitPriceMinor: 1999,
      lineTotalMinor: 3998,
      priceSource: 'override',
    });
    const planner = await postQuote(api, body, 'planner');
    expect(planner.statusCode).toBe(422);
    expect(planner.json()).toMatchObject({ code: 'PRICING.OVERRIDE_NOT_ALLOWED', lineNumber: 1 });
  });

  it('answers 400, 404 and 422 for requests it cannot price', async () => {
    expect((await postQuote(api, { priceListId: listId, lines: [] })).statusCode).toBe(400);
    expect(
      (await postQuote(api, { priceListId: listId, lines: [line('case', 0)] })).statusCode,
    ).toBe(400);
    expect(
      (await postQuote(api, { priceListId: listId, lines: [line('crate', 1)] })).statusCode,
    ).toBe(400);
    const noSource = await postQuote(api, { lines: [line('case', 1)] });
    expect(noSource.json().code).toBe('PRICING.NO_PRICE_SOURCE');
    const noSku = await postQuote(api, { priceListId: listId, lines: [line('case', 1, 999999)] });
    expect(noSku.statusCode).toBe(404);
    expect(noSku.json()).toMatchObject({ code: 'CATALOG.SKU_NOT_FOUND', skuIds: [999999] });
    const noCustomer = await postQuote(api, { customerId: 999999, lines: [line('case', 1)] });
    expect(noCustomer.statusCode).toBe(404);
    const unpriced = await createSkuVia(api, n++);
    const noPrice = await postQuote(api, {
      priceListId: listId,
      lines: [line('case', 1, unpriced)],
    });
    expect(noPrice.statusCode).toBe(422);
    expect(noPrice.json()).toMatchObject({
      code: 'PRICING.NO_PRICE',
      skuId: unpriced,
      lineNumber: 1,
    });
    const badDate = await postQuote(api, {
      priceListId: listId,
      onDate: '2025-02-30',
      lines: [line('case', 1)],
    });
    expect(badDate.json().code).toBe('PRICING.INVALID_DATE');
    const euros = await createPriceListVia(api, 'EURO', 'EUR');
    const mismatch = await postQuote(api, {
      customerId,
      priceListId: euros,
      lines: [line('case', 1)],
    });
    expect(mismatch.json().code).toBe('PRICING.CURRENCY_MISMATCH');
    const unauthenticated = await api.app.inject({
      method: 'POST',
      url: '/api/v1/quotes',
      payload: { priceListId: listId, lines: [line('case', 1)] },
    });
    expect(unauthenticated.statusCode).toBe(401);
  });
});
