import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, orderDetail } from '../orders/order-fixtures.js';
import { dialects } from '../support/databases.js';
import {
  allocatedOrder,
  expectPickConsistent,
  pickList,
  postWave,
  startFulfillmentWorld,
  stockedSku,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';

describe.each(dialects)('waves on %s', (dialect) => {
  let world: FulfillmentWorld;
  let far: number; // SKU in A-01-03 (walked last)
  let near: number; // lot-tracked SKU in A-01-02
  let face: number; // SKU on the pick face A-01-01 (walked first)
  const orders: number[] = [];

  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    const [a1, a2, a3] = world.warehouse.bins as [number, number, number];
    far = (await stockedSku(world, [[a3, 100]])).skuId;
    near = (await stockedSku(world, [[a2, 100, 'L-100']], true)).skuId;
    face = (await stockedSku(world, [[a1, 100]])).skuId;
    for (const [i, priority] of [9, 1, 5].entries()) {
      orders.push(
        await allocatedOrder(
          world,
          `W-${i}`,
          [
            [far, 4],
            [near, 2 + i],
            [face, 1],
          ],
          priority,
        ),
      );
    }
  });
  afterAll(() => world.api.close());

  it('plans a discrete wave: one task per allocation, walked by pick sequence, orders released', async () => {
    const response = await postWave(world, { pickMode: 'discrete', orderIds: orders });
    expect(response.statusCode, response.body).toBe(201);
    const wave = response.json();
    expect(wave).toMatchObject({ status: 'released', pickMode: 'discrete', tasks: 9, units: 24 });
    // Served by priority: 1, 5, 9.
    expect(wave.orderIds).toEqual([orders[1], orders[2], orders[0]]);
    const list = await pickList(world, wave.id);
    expect(list.tasks.map((t) => t.location.code)).toEqual([
      ...Array(3).fill('A-01-01'),
      ...Array(3).fill('A-01-02'),
      ...Array(3).fill('A-01-03'),
    ]);
    expect(list.tasks.map((t) => t.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(list.tasks.every((t) => t.orders.length === 1)).toBe(true);
    const lot = list.tasks.find((t) => t.sku.id === near)!;
    expect(lot.lot).toEqual({ code: 'L-100', expiryDate: '2027-06-30' });
    const farTask = list.tasks.find((t) => t.sku.id === far)!;
    expect(farTask).toMatchObject({ quantity: 4, cases: 1, eaches: 0 });
    for (const id of orders) {
      const order = await orderDetail(world, id);
      expect(order.status).toBe('released');
      expect(order.timeline.map((e) => e.type)).toContain('released');
    }
    await expectPickConsistent(world);
  });

  it('prints the pick list as a PDF', async () => {
    const wave = (await pickList(world, 1)).wave;
    const pdf = await call(
      world.api,
      'GET',
      `/waves/${wave.id}/pick-list.pdf`,
      world.api.as('warehouse'),
    );
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a second wave for orders already in an active one', async () => {
    const response = await postWave(world, { pickMode: 'batch' });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('WAVE.NO_ORDERS');
  });

  it('plans a batch wave: tasks summed per bin, SKU and lot, with a share per order', async () => {
    const more: number[] = [];
    for (const i of [3, 4, 5])
      more.push(
        await allocatedOrder(world, `W-${i}`, [
          [far, 4],
          [near, 2],
          [face, i],
        ]),
      );
    const response = await postWave(world, { pickMode: 'batch' });
    expect(response.statusCode, response.body).toBe(201);
    const wave = response.json();
    expect(wave).toMatchObject({ pickMode: 'batch', tasks: 3, units: 12 + 6 + 12 });
    expect([...wave.orderIds].sort()).toEqual([...more].sort());
    const list = await pickList(world, wave.id);
    expect(list.tasks.map((t) => [t.location.code, t.quantity])).toEqual([
      ['A-01-01', 12],
      ['A-01-02', 6],
      ['A-01-03', 12],
    ]);
    expect(list.tasks[0]!.orders.map((o) => o.quantity).sort()).toEqual([3, 4, 5]);
    expect(list.tasks[2]).toMatchObject({ cases: 3, eaches: 0 });
    await expectPickConsistent(world);
  });

  it('caps a wave at maxOrders, most urgent first', async () => {
    const low = await allocatedOrder(world, 'W-6', [[face, 1]], 9);
    const high = await allocatedOrder(world, 'W-7', [[face, 1]], 1);
    const response = await postWave(world, { pickMode: 'zone', maxOrders: 1 });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().orderIds).toEqual([high]);
    expect((await orderDetail(world, low)).status).toBe('allocated');
  });

  it('is idempotent and allows only warehouse staff', async () => {
    const first = await postWave(world, { pickMode: 'discrete' }, 'wave-key-1');
    const again = await postWave(world, { pickMode: 'discrete' }, 'wave-key-1');
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const sales = await call(world.api, 'POST', '/waves', world.api.as('sales'), {
      warehouseId: world.warehouse.id,
      pickMode: 'batch',
    });
    expect(sales.statusCode).toBe(403);
  });
});
