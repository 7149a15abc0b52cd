import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  available,
  countRows,
  createCustomer,
  createSku,
  expectConsistent,
  line,
  postOrder,
  receive,
  startOrderWorld,
  type OrderWorld,
} from './order-fixtures.js';

describe.each(dialects)('idempotent order placement on %s', (dialect) => {
  let world: OrderWorld;
  let shop: number;
  let sku: number;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    shop = await createCustomer(world, 'PS-1');
    sku = await createSku(world, false);
    await receive(world, sku, 1000);
  });
  afterAll(async () => world?.api.close());

  const body = (quantity: number) => ({
    customerId: shop,
    customerPo: 'PO-7781',
    lines: [line(sku, quantity)],
  });

  it('takes one order for 20 sequential retries with one key', async () => {
    const orders = await countRows(world, 'orders');
    const responses = [];
    for (let i = 0; i < 20; i++)
      responses.push(await postOrder(world, world.api.as('sales'), body(5), 'order-seq-1'));
    for (const r of responses) expect(r.statusCode, r.body).toBe(201);
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    expect(responses.slice(1).every((r) => r.headers['idempotent-replayed'] === 'true')).toBe(true);
    expect(await countRows(world, 'orders')).toBe(orders + 1);
    expect(await available(world, sku)).toBe(1000 - 5);
    await expectConsistent(world);
  });

  it('takes one order for 50 parallel requests with one key', async () => {
    const orders = await countRows(world, 'orders');
    const lines = await countRows(world, 'order_lines');
    const before = await available(world, sku);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        postOrder(world, world.api.as('sales'), body(7), 'order-par-1'),
      ),
    );
    for (const r of responses) expect(r.statusCode, r.body).toBe(201);
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    expect(await countRows(world, 'orders')).toBe(orders + 1);
    expect(await countRows(world, 'order_lines')).toBe(lines + 1);
    expect(await available(world, sku)).toBe(before - 7);
    await expectConsistent(world);
  });

  it('refuses the same key with a different body, taking no order', async () => {
    const first = await postOrder(world, world.api.as('sales'), body(2), 'order-reuse-1');
    expect(first.statusCode, first.body).toBe(201);
    const orders = await countRows(world, 'orders');
    const reused = await postOrder(world, world.api.as('sales'), body(3), 'order-reuse-1');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await countRows(world, 'orders')).toBe(orders);
  });
});
