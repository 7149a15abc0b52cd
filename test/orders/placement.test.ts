import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  CASE_PRICE,
  EACH_PRICE,
  EACH_TIER_BREAK,
  EACH_TIER_PRICE,
  call,
  countRows,
  createCustomer,
  createSku,
  customerHeaders,
  expectConsistent,
  line,
  orderDetail,
  postOrder,
  receive,
  startOrderWorld,
  type Headers,
  type OrderWorld,
} from './order-fixtures.js';

describe.each(dialects)('placing sales orders on %s', (dialect) => {
  let world: OrderWorld;
  let sku: number;
  let shop: number;
  let shopKey: Headers;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    sku = await createSku(world, false);
    await receive(world, sku, 1000);
    shop = await createCustomer(world, 'PS-1001');
    shopKey = await customerHeaders(world, shop);
  });
  afterAll(async () => world?.api.close());

  it('prices on the server: list price below the break, tier price at the break, case price', async () => {
    const below = EACH_TIER_BREAK - 1;
    const response = await postOrder(world, shopKey, {
      lines: [line(sku, below), line(sku, EACH_TIER_BREAK), line(sku, 3, 'case')],
    });
    expect(response.statusCode, response.body).toBe(201);
    const expected = below * EACH_PRICE + EACH_TIER_BREAK * EACH_TIER_PRICE + 3 * CASE_PRICE;
    expect(response.json()).toMatchObject({ status: 'allocated', totalMinor: expected });
    const order = await orderDetail(world, response.json().id);
    expect(order.totalMinor).toBe(expected);
    expect(
      order.lines.map((l) => [
        l.unitPriceMinor,
        l.lineTotalMinor,
        l.priceSource,
        l.quantityOrdered,
      ]),
    ).toEqual([
      [EACH_PRICE, below * EACH_PRICE, 'list', below],
      [EACH_TIER_PRICE, EACH_TIER_BREAK * EACH_TIER_PRICE, 'tier', EACH_TIER_BREAK],
      [CASE_PRICE, 3 * CASE_PRICE, 'list', 12],
    ]);
    await expectConsistent(world);
  });

  it('stores case lines in base units and allocates that many eaches', async () => {
    const response = await postOrder(world, shopKey, { lines: [line(sku, 5, 'case')] });
    expect(response.statusCode, response.body).toBe(201);
    const order = await orderDetail(world, response.json().id);
    expect(order.lines[0]).toMatchObject({
      packLevel: 'case',
      packQuantity: 5,
      quantityOrdered: 20,
      quantityAllocated: 20,
    });
  });

  it("uses the customer's own price over the list", async () => {
    const vip = await createCustomer(world, 'VIP-1');
    const put = await call(world.api, 'PUT', `/customers/${vip}/prices`, world.api.as('manager'), {
      skuId: sku,
      packLevel: 'each',
      prices: [{ unitPriceMinor: 399 }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const response = await postOrder(world, world.api.as('sales'), {
      customerId: vip,
      lines: [line(sku, EACH_TIER_BREAK)],
    });
    expect(response.statusCode, response.body).toBe(201);
    const order = await orderDetail(world, response.json().id);
    expect(order.lines[0]).toMatchObject({ unitPriceMinor: 399, priceSource: 'customer' });
    expect(order.totalMinor).toBe(399 * EACH_TIER_BREAK);
  });

  it('refuses a price sent with a customer key and writes nothing', async () => {
    const before = await countRows(world, 'orders');
    const response = await postOrder(world, shopKey, {
      lines: [line(sku, 2, 'each', { unitPriceMinor: 1 })],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('PRICING.OVERRIDE_NOT_ALLOWED');
    expect(await countRows(world, 'orders')).toBe(before);
  });

  it('accepts a price sent by sales, recorded as an override', async () => {
    const response = await postOrder(world, world.api.as('sales'), {
      customerId: shop,
      lines: [line(sku, 2, 'case', { unitPriceMinor: 1500 })],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().totalMinor).toBe(3000);
    const order = await orderDetail(world, response.json().id);
    expect(order.lines[0]).toMatchObject({ unitPriceMinor: 1500, priceSource: 'override' });
  });

  it('refuses a quantity below the minimum of a rejecting rule with 422 and its code', async () => {
    const ruled = await createSku(world, false);
    const rule = await call(
      world.api,
      'PUT',
      `/skus/${ruled}/order-rule`,
      world.api.as('manager'),
      {
        minOrderQuantity: 8,
        orderMultiple: 4,
        rounding: 'reject',
      },
    );
    expect(rule.statusCode, rule.body).toBe(200);
    const before = await countRows(world, 'orders');
    const below = await postOrder(world, shopKey, { lines: [line(ruled, 4)] });
    expect(below.statusCode).toBe(422);
    expect(below.json().code).toBe('ORDER.BELOW_MINIMUM');
    const offMultiple = await postOrder(world, shopKey, { lines: [line(ruled, 10)] });
    expect(offMultiple.statusCode).toBe(422);
    expect(offMultiple.json().code).toBe('ORDER.NOT_A_MULTIPLE');
    expect(await countRows(world, 'orders')).toBe(before);
  });

  it('rounds a quantity up under a round-up rule', async () => {
    const ruled = await createSku(world, false);
    await receive(world, ruled, 100);
    const rule = await call(
      world.api,
      'PUT',
      `/skus/${ruled}/order-rule`,
      world.api.as('manager'),
      {
        minOrderQuantity: 8,
        orderMultiple: 4,
        rounding: 'round_up',
      },
    );
    expect(rule.statusCode, rule.body).toBe(200);
    const response = await postOrder(world, shopKey, { lines: [line(ruled, 3), line(ruled, 9)] });
    expect(response.statusCode, response.body).toBe(201);
    const order = await orderDetail(world, response.json().id);
    expect(order.lines.map((l) => l.quantityOrdered)).toEqual([8, 12]);
    expect(order.totalMinor).toBe(20 * EACH_PRICE);
    await expectConsistent(world);
  });

  it('refuses a warehouse key: only admin, manager, sales and customers take orders', async () => {
    const response = await postOrder(world, world.api.as('warehouse'), {
      customerId: shop,
      lines: [line(sku, 1)],
    });
    expect(response.statusCode).toBe(403);
  });
});
