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
  type OrderWorld,
} from './order-fixtures.js';

describe.each(dialects)('cancelling orders on %s', (dialect) => {
  let world: OrderWorld;
  let shop: number;
  let sku: number;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    shop = await createCustomer(world, 'PS-1');
    sku = await createSku(world, false);
    await receive(world, sku, 40, { locationId: world.pickFace });
    await receive(world, sku, 60, { locationId: world.reserve });
  });
  afterAll(async () => world?.api.close());

  const cancel = (orderId: number) =>
    call(world.api, 'POST', `/orders/${orderId}/cancel`, world.api.as('sales'), {
      reason: 'customer changed their mind',
    });

  it('gives back exactly what the order held', async () => {
    const before = await available(world, sku);
    const placed = await placeOrderFor(world, shop, [line(sku, 30), line(sku, 5, 'case')]);
    expect(await available(world, sku)).toBe(before - 50);

    const cancelled = await cancel(placed.id);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', released: 50 });
    expect(await available(world, sku)).toBe(before);
    const order = await orderDetail(world, placed.id);
    expect(order.lines.map((l) => [l.quantityAllocated, l.quantityCancelled])).toEqual([
      [0, 30],
      [0, 20],
    ]);
    expect(order.timeline.map((e) => e.type)).toEqual(['created', 'allocated', 'cancelled']);
    await expectConsistent(world);
  });

  it('cancels one line, releasing only its stock', async () => {
    const before = await available(world, sku);
    const placed = await placeOrderFor(world, shop, [line(sku, 7), line(sku, 9)]);
    const order = await orderDetail(world, placed.id);
    const response = await call(
      world.api,
      'POST',
      `/orders/${placed.id}/lines/${order.lines[1]!.id}/cancel`,
      world.api.as('sales'),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'allocated', released: 9 });
    expect(await available(world, sku)).toBe(before - 7);
    const after = await orderDetail(world, placed.id);
    // The cancelled line no longer counts in the order's value (nor in credit exposure).
    expect(after.totalMinor).toBe(order.lines[0]!.lineTotalMinor);
    expect(after.lines.map((l) => [l.quantityAllocated, l.quantityCancelled])).toEqual([
      [7, 0],
      [0, 9],
    ]);
    await expectConsistent(world);
  });

  it('cancels a backordered line, clearing its backorder', async () => {
    const scarce = await createSku(world, false);
    await receive(world, scarce, 3);
    const placed = await placeOrderFor(world, shop, [line(sku, 2), line(scarce, 10)]);
    expect(placed.status).toBe('partially_allocated');
    const order = await orderDetail(world, placed.id);
    const response = await call(
      world.api,
      'POST',
      `/orders/${placed.id}/lines/${order.lines[1]!.id}/cancel`,
      world.api.as('sales'),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().status).toBe('allocated');
    expect(await available(world, scarce)).toBe(3);
    const after = await orderDetail(world, placed.id);
    expect(after.lines[1]).toMatchObject({ quantityBackordered: 0, quantityCancelled: 10 });
    await expectConsistent(world);
  });

  it('cancels a released order that was not picked yet', async () => {
    const before = await available(world, sku);
    const placed = await placeOrderFor(world, shop, [line(sku, 12)]);
    const released = await call(
      world.api,
      'POST',
      `/orders/${placed.id}/release`,
      world.api.as('warehouse'),
    );
    expect(released.statusCode, released.body).toBe(200);
    const cancelled = await cancel(placed.id);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', released: 12 });
    expect(await available(world, sku)).toBe(before);
    await expectConsistent(world);
  });

  it('refuses to cancel twice, and the second attempt changes nothing', async () => {
    const placed = await placeOrderFor(world, shop, [line(sku, 4)]);
    expect((await cancel(placed.id)).statusCode).toBe(200);
    const before = await available(world, sku);
    const again = await cancel(placed.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ORDER.ILLEGAL_TRANSITION');
    expect(await available(world, sku)).toBe(before);
    expect((await orderDetail(world, placed.id)).timeline.map((e) => e.type)).toEqual([
      'created',
      'allocated',
      'cancelled',
    ]);
    await expectConsistent(world);
  });

  it('cancels the whole order when its last open line is cancelled', async () => {
    const placed = await placeOrderFor(world, shop, [line(sku, 3)]);
    const lineId = (await orderDetail(world, placed.id)).lines[0]!.id;
    const response = await call(
      world.api,
      'POST',
      `/orders/${placed.id}/lines/${lineId}/cancel`,
      world.api.as('sales'),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().status).toBe('cancelled');
    await expectConsistent(world);
  });
});
