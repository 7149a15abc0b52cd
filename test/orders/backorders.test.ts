import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  available,
  call,
  countRows,
  createCustomer,
  createSku,
  expectConsistent,
  line,
  orderDetail,
  placeOrderFor,
  postOrder,
  receive,
  startOrderWorld,
  type OrderWorld,
} from './order-fixtures.js';

describe.each(dialects)('backorders on %s', (dialect) => {
  let world: OrderWorld;
  let standard: number;
  let first: number;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    standard = await createCustomer(world, 'STD-1', { priority: 5 });
    first = await createCustomer(world, 'KEY-1', { priority: 1 });
  });
  afterAll(async () => world?.api.close());

  const backorders = async (skuId: number) => {
    const response = await call(
      world.api,
      'GET',
      `/backorders?skuId=${skuId}`,
      world.api.as('sales'),
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as { orderId: number; quantityBackordered: number }[];
  };

  it('lists short orders as backordered or partially allocated, in fill order', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 4);
    const older = await placeOrderFor(world, standard, [line(sku, 10)]);
    const newer = await placeOrderFor(world, standard, [line(sku, 6)]);
    const urgent = await placeOrderFor(world, first, [line(sku, 5)]);
    expect([older.status, newer.status, urgent.status]).toEqual([
      'partially_allocated',
      'backordered',
      'backordered',
    ]);
    expect(await backorders(sku)).toEqual([
      expect.objectContaining({ orderId: urgent.id, quantityBackordered: 5 }),
      expect.objectContaining({ orderId: older.id, quantityBackordered: 6 }),
      expect.objectContaining({ orderId: newer.id, quantityBackordered: 6 }),
    ]);
    await expectConsistent(world);
  });

  it('fills backorders on a receipt: priority 1 first, then the older order', async () => {
    const sku = await createSku(world, false);
    const older = await placeOrderFor(world, standard, [line(sku, 10)]);
    const newer = await placeOrderFor(world, standard, [line(sku, 10)]);
    const urgent = await placeOrderFor(world, first, [line(sku, 10)]);
    expect(await backorders(sku)).toHaveLength(3);

    await receive(world, sku, 14);
    const inFillOrder = [urgent, older, newer];
    const details = await Promise.all(inFillOrder.map((p) => orderDetail(world, p.id)));
    expect(details.map((d) => d.status)).toEqual([
      'allocated',
      'partially_allocated',
      'backordered',
    ]);
    expect(details.map((d) => d.lines[0]!.quantityAllocated)).toEqual([10, 4, 0]);
    expect(await backorders(sku)).toEqual([
      expect.objectContaining({ orderId: older.id, quantityBackordered: 6 }),
      expect.objectContaining({ orderId: newer.id, quantityBackordered: 10 }),
    ]);
    expect(await available(world, sku)).toBe(0);

    await receive(world, sku, 100);
    expect((await orderDetail(world, older.id)).status).toBe('allocated');
    expect((await orderDetail(world, newer.id)).status).toBe('allocated');
    expect(await backorders(sku)).toEqual([]);
    expect(await available(world, sku)).toBe(100 - 16);
    await expectConsistent(world);
  });

  it('refuses a short order from a ship-complete customer who takes no backorders, writing nothing', async () => {
    const strict = await createCustomer(world, 'STRICT-1', {
      allowBackorders: false,
      shipComplete: true,
    });
    const sku = await createSku(world, false);
    await receive(world, sku, 5);
    const before = {
      orders: await countRows(world, 'orders'),
      lines: await countRows(world, 'order_lines'),
      allocations: await countRows(world, 'allocations'),
    };
    const response = await postOrder(world, world.api.as('sales'), {
      customerId: strict,
      lines: [line(sku, 8)],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ORDER.INSUFFICIENT_STOCK');
    expect({
      orders: await countRows(world, 'orders'),
      lines: await countRows(world, 'order_lines'),
      allocations: await countRows(world, 'allocations'),
    }).toEqual(before);
    expect(await available(world, sku)).toBe(5);
    await expectConsistent(world);
  });

  it('cancels the shortfall of a customer who takes no backorders but partial shipments', async () => {
    const partial = await createCustomer(world, 'PART-1', {
      allowBackorders: false,
      shipComplete: false,
    });
    const sku = await createSku(world, false);
    await receive(world, sku, 5);
    const placed = await placeOrderFor(world, partial, [line(sku, 8)]);
    expect(placed.status).toBe('allocated');
    const order = await orderDetail(world, placed.id);
    expect(order.status).toBe('allocated');
    expect(order.lines[0]).toMatchObject({
      quantityOrdered: 8,
      quantityAllocated: 5,
      quantityBackordered: 0,
      quantityCancelled: 3,
    });
    // The order is worth the 5 it keeps, not the 8 asked for.
    expect(order.totalMinor).toBe(Math.round((order.lines[0]!.lineTotalMinor * 5) / 8));
    expect(placed.totalMinor).toBe(order.totalMinor);
    expect(await backorders(sku)).toEqual([]);
    await expectConsistent(world);
  });
});
