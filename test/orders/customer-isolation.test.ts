import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  available,
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

describe.each(dialects)('customer keys and orders on %s', (dialect) => {
  let world: OrderWorld;
  let sku: number;
  let mine: number;
  let theirs: number;
  let myKey: Headers;
  let theirKey: Headers;
  let theirOrder: number;
  let theirLine: number;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    sku = await createSku(world, false);
    await receive(world, sku, 100);
    mine = await createCustomer(world, 'MINE-1');
    theirs = await createCustomer(world, 'THEIRS-1', { creditLimitMinor: 100 });
    myKey = await customerHeaders(world, mine);
    theirKey = await customerHeaders(world, theirs);
    // Over their credit limit: held, so confirm would have something to do.
    const placed = await postOrder(world, theirKey, { lines: [line(sku, 5)] });
    expect(placed.statusCode, placed.body).toBe(201);
    theirOrder = placed.json().id as number;
    theirLine = (await orderDetail(world, theirOrder)).lines[0]!.id;
  });
  afterAll(async () => world?.api.close());

  it('places an order for its own account without naming it', async () => {
    const response = await postOrder(world, myKey, { lines: [line(sku, 2)] });
    expect(response.statusCode, response.body).toBe(201);
    const order = await orderDetail(world, response.json().id);
    expect(order).toMatchObject({ customerId: mine, status: 'allocated' });
  });

  it("refuses an order naming another customer's account, writing nothing", async () => {
    const before = await countRows(world, 'orders');
    const response = await postOrder(world, myKey, { customerId: theirs, lines: [line(sku, 2)] });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('CUSTOMER.NOT_FOUND');
    expect(await countRows(world, 'orders')).toBe(before);
  });

  it('lists only its own orders, whatever filter it sends', async () => {
    const list = await call(world.api, 'GET', '/orders', myKey);
    expect(list.statusCode, list.body).toBe(200);
    const ids = (list.json().items as { customerId: number }[]).map((o) => o.customerId);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set([mine]));
    const filtered = await call(world.api, 'GET', `/orders?customerId=${theirs}`, myKey);
    expect(
      (filtered.json().items as { customerId: number }[]).every((o) => o.customerId === mine),
    ).toBe(true);
    const theirList = await call(world.api, 'GET', '/orders', theirKey);
    expect((theirList.json().items as { id: number }[]).map((o) => o.id)).toEqual([theirOrder]);
  });

  it("answers 404 on every route of another customer's order and changes nothing", async () => {
    const before = await orderDetail(world, theirOrder);
    const stock = await available(world, sku);
    const attempts: ['GET' | 'POST', string, unknown][] = [
      ['GET', `/orders/${theirOrder}`, undefined],
      [
        'POST',
        `/orders/${theirOrder}/edit`,
        { change: [{ lineId: theirLine, packLevel: 'each', packQuantity: 1 }] },
      ],
      ['POST', `/orders/${theirOrder}/confirm`, undefined],
      ['POST', `/orders/${theirOrder}/cancel`, {}],
      ['POST', `/orders/${theirOrder}/lines/${theirLine}/cancel`, undefined],
    ];
    for (const [method, url, payload] of attempts) {
      const response = await call(world.api, method, url, myKey, payload);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(404);
      expect(response.json().code).toBe('ORDER.NOT_FOUND');
    }
    const after = await orderDetail(world, theirOrder);
    expect(after).toEqual(before);
    expect(await available(world, sku)).toBe(stock);
    await expectConsistent(world);
  });

  it('shows a customer only its own backorders', async () => {
    const scarce = await createSku(world, false);
    const own = await postOrder(world, myKey, { lines: [line(scarce, 3)] });
    expect(own.statusCode, own.body).toBe(201);
    const someoneElse = await createCustomer(world, 'OTHER-2');
    const other = await postOrder(world, world.api.as('sales'), {
      customerId: someoneElse,
      lines: [line(scarce, 1)],
    });
    expect(other.statusCode, other.body).toBe(201);
    const all = await call(world.api, 'GET', `/backorders?skuId=${scarce}`, world.api.as('sales'));
    expect(all.json().items).toHaveLength(2);
    const list = await call(world.api, 'GET', `/backorders?skuId=${scarce}`, myKey);
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json().items as { customerId: number }[]).map((b) => b.customerId)).toEqual([
      mine,
    ]);
  });
});
