import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  call,
  createCustomer,
  createSku,
  expectConsistent,
  line,
  orderDetail,
  placeOrderFor,
  receive,
  startOrderWorld,
  type OrderWorld,
} from './order-fixtures.js';

describe.each(dialects)('releasing orders to the warehouse on %s', (dialect) => {
  let world: OrderWorld;
  let sku: number;
  let shop: number;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    sku = await createSku(world, false);
    await receive(world, sku, 20);
    shop = await createCustomer(world, 'PS-1');
  });
  afterAll(async () => world?.api.close());

  const release = (orderId: number, role: 'warehouse' | 'sales' = 'warehouse') =>
    call(world.api, 'POST', `/orders/${orderId}/release`, world.api.as(role));

  it('releases an allocated order, keeping its reservations', async () => {
    const placed = await placeOrderFor(world, shop, [line(sku, 4)]);
    expect(placed.status).toBe('allocated');
    const response = await release(placed.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().status).toBe('released');
    const order = await orderDetail(world, placed.id);
    expect(order.status).toBe('released');
    expect(order.lines[0]!.quantityAllocated).toBe(4);
    expect(order.timeline.map((e) => e.type)).toEqual(['created', 'allocated', 'released']);
    await expectConsistent(world);
  });

  it('does not let sales release an order', async () => {
    const placed = await placeOrderFor(world, shop, [line(sku, 1)]);
    expect((await release(placed.id, 'sales')).statusCode).toBe(403);
  });

  it("refuses to release a ship-complete customer's partially allocated order", async () => {
    const complete = await createCustomer(world, 'SC-1', {
      shipComplete: true,
      allowBackorders: true,
    });
    const scarce = await createSku(world, false);
    await receive(world, scarce, 3);
    const placed = await placeOrderFor(world, complete, [line(scarce, 5)]);
    expect(placed.status).toBe('partially_allocated');
    const response = await release(placed.id);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('ORDER.SHIP_COMPLETE');
    expect((await orderDetail(world, placed.id)).status).toBe('partially_allocated');
  });

  it('releases a partially allocated order of a customer who takes partial shipments', async () => {
    const scarce = await createSku(world, false);
    await receive(world, scarce, 3);
    const placed = await placeOrderFor(world, shop, [line(scarce, 5)]);
    expect(placed.status).toBe('partially_allocated');
    expect((await release(placed.id)).statusCode).toBe(200);
  });

  it('refuses to release a backordered order', async () => {
    const empty = await createSku(world, false);
    const placed = await placeOrderFor(world, shop, [line(empty, 5)]);
    expect(placed.status).toBe('backordered');
    const response = await release(placed.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ORDER.ILLEGAL_TRANSITION');
  });

  it('no longer lets a released order be edited', async () => {
    const placed = await placeOrderFor(world, shop, [line(sku, 1)]);
    expect((await release(placed.id)).statusCode).toBe(200);
    const lineId = (await orderDetail(world, placed.id)).lines[0]!.id;
    const edit = await call(world.api, 'POST', `/orders/${placed.id}/edit`, world.api.as('sales'), {
      change: [{ lineId, packLevel: 'each', packQuantity: 2 }],
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('ORDER.NOT_EDITABLE');
  });
});
