import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  available,
  call,
  createCustomer,
  createSku,
  expectConsistent,
  line,
  orderDetail,
  placeOrderFor,
  receive,
  startOrderWorld,
  type OrderDetail,
  type OrderWorld,
} from './order-fixtures.js';

const allocated = (order: OrderDetail) => order.lines.reduce((n, l) => n + l.quantityAllocated, 0);
const backordered = (order: OrderDetail) =>
  order.lines.reduce((n, l) => n + l.quantityBackordered, 0);

describe.each(dialects)('no overselling on %s', (dialect) => {
  let world: OrderWorld;
  let shop: number;
  let other: number;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    shop = await createCustomer(world, 'PS-1');
    other = await createCustomer(world, 'PS-2');
  });
  afterAll(async () => world?.api.close());

  it('holds at most the stock for two lines of one SKU and backorders the rest', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 15, { locationId: world.pickFace });
    await receive(world, sku, 5, { locationId: world.reserve });
    const placed = await placeOrderFor(world, shop, [line(sku, 12), line(sku, 14)]);
    expect(placed.status).toBe('partially_allocated');
    const order = await orderDetail(world, placed.id);
    expect(allocated(order)).toBe(20);
    expect(backordered(order)).toBe(6);
    for (const l of order.lines)
      expect(l.quantityAllocated + l.quantityBackordered).toBe(l.quantityOrdered);
    expect(await available(world, sku)).toBe(0);
    await expectConsistent(world);
  });

  it('keeps lines that differ only in notes apart, without holding more than there is', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 10);
    const placed = await placeOrderFor(world, shop, [
      line(sku, 2, 'case', { notes: 'for the front shelf' }),
      line(sku, 2, 'case', { notes: 'for the back room' }),
    ]);
    const order = await orderDetail(world, placed.id);
    expect(order.lines.map((l) => l.notes)).toEqual(['for the front shelf', 'for the back room']);
    expect(order.lines.map((l) => l.quantityAllocated)).toEqual([8, 2]);
    expect(order.lines.map((l) => l.quantityBackordered)).toEqual([0, 6]);
    expect(await available(world, sku)).toBe(0);
    await expectConsistent(world);
  });

  it('re-allocates an edited order only from what is still free', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 20);
    const first = await placeOrderFor(world, shop, [line(sku, 8)]);
    const second = await placeOrderFor(world, other, [line(sku, 12)]);
    expect([first.status, second.status]).toEqual(['allocated', 'allocated']);
    const lineId = (await orderDetail(world, first.id)).lines[0]!.id;

    const edited = await call(
      world.api,
      'POST',
      `/orders/${first.id}/edit`,
      world.api.as('sales'),
      {
        change: [{ lineId, packLevel: 'each', packQuantity: 15 }],
      },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().status).toBe('partially_allocated');
    const order = await orderDetail(world, first.id);
    expect(order.lines[0]).toMatchObject({
      quantityOrdered: 15,
      quantityAllocated: 8,
      quantityBackordered: 7,
    });
    expect(allocated(await orderDetail(world, second.id))).toBe(12);
    expect(await available(world, sku)).toBe(0);
    await expectConsistent(world);
  });

  it('never holds more than the stock when many orders compete for it', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 30, { locationId: world.pickFace });
    await receive(world, sku, 7, { locationId: world.reserve });
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(world.api, 'POST', '/orders', world.api.as('sales'), {
          customerId: i % 2 ? shop : other,
          lines: [line(sku, 3 + (i % 4)), line(sku, 1)],
        }),
      ),
    );
    for (const r of responses) expect(r.statusCode, r.body).toBe(201);
    let held = 0;
    for (const r of responses) held += allocated(await orderDetail(world, r.json().id));
    expect(held).toBe(37);
    expect(await available(world, sku)).toBe(0);
    await expectConsistent(world);
  });
});
