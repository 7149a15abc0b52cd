import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, available, call, orderDetail } from '../orders/order-fixtures.js';
import { dialects } from '../support/databases.js';
import {
  allocatedOrder,
  binBarcode,
  confirmPick,
  expectPickConsistent,
  gtinsOf,
  pickList,
  postWave,
  shortPick,
  startFulfillmentWorld,
  stockedSku,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';

describe.each(dialects)('short picks and cancellations on %s', (dialect) => {
  const worlds: FulfillmentWorld[] = [];
  let world: FulfillmentWorld;
  beforeEach(async () => {
    world = await startFulfillmentWorld(dialect);
    worlds.push(world);
  });
  afterAll(async () => {
    for (const w of worlds) await w.api.close();
  });

  async function batchWave() {
    const response = await postWave(world, { pickMode: 'batch' });
    expect(response.statusCode, response.body).toBe(201);
    return pickList(world, response.json().id);
  }

  it('re-allocates a short from another bin: count task, new task in the same wave', async () => {
    const [a1, , a3] = world.warehouse.bins as [number, number, number];
    const food = await stockedSku(world, [
      [a1, 12],
      [a3, 20],
    ]);
    const first = await allocatedOrder(world, 'S-1', [[food.skuId, 6]], 1);
    const second = await allocatedOrder(world, 'S-2', [[food.skuId, 6]], 9);
    const list = await batchWave();
    expect(list.tasks.map((t) => [t.location.code, t.quantity])).toEqual([['A-01-01', 12]]);
    const taskId = list.tasks[0]!.taskId;
    const picked = await confirmPick(world, taskId, {
      locationScan: binBarcode('A-01-01'),
      itemScan: gtinsOf(food.n).each,
      quantity: 8,
    });
    expect(picked.statusCode, picked.body).toBe(200);
    const short = await shortPick(world, taskId, 4, 'bin empty');
    expect(short.statusCode, short.body).toBe(200);
    expect(short.json()).toMatchObject({
      taskStatus: 'short',
      shortQuantity: 4,
      reallocated: 4,
      backordered: 0,
      waveStatus: 'picking',
    });
    expect(short.json().newTaskIds).toHaveLength(1);
    await expectPickConsistent(world);
    const db = world.api.store.database.db;
    const counts = await db.selectFrom('count_tasks').selectAll().execute();
    expect(counts).toMatchObject([
      { location_id: a1, sku_id: food.skuId, reason: 'short_pick', status: 'open' },
    ]);
    // The least urgent order lost the units and gets them from A-01-03 in the same wave.
    expect((await orderDetail(world, first)).status).toBe('picked');
    const after = await pickList(world, list.wave.id);
    const extra = after.tasks.find((t) => t.taskId === short.json().newTaskIds[0])!;
    expect(extra).toMatchObject({ quantity: 4, status: 'open', location: { code: 'A-01-03' } });
    expect(extra.orders.map((o) => o.orderId)).toEqual([second]);
    const rest = await confirmPick(world, extra.taskId, {
      locationScan: binBarcode('A-01-03'),
      itemScan: gtinsOf(food.n).case,
    });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json()).toMatchObject({ waveStatus: 'completed', quantity: 4 });
    const order = await orderDetail(world, second);
    expect(order.status).toBe('picked');
    expect(order.timeline.map((e) => e.type)).toContain('short_picked');
    await expectPickConsistent(world);
  });

  it('backorders a short when no other bin has stock', async () => {
    const [a1] = world.warehouse.bins as [number];
    const food = await stockedSku(world, [[a1, 5]]);
    const orderId = await allocatedOrder(world, 'B-1', [[food.skuId, 5]]);
    const list = await batchWave();
    const taskId = list.tasks[0]!.taskId;
    const short = await shortPick(world, taskId, 2, 'damaged, not there');
    expect(short.statusCode, short.body).toBe(200);
    expect(short.json()).toMatchObject({ reallocated: 0, backordered: 2, taskStatus: 'open' });
    await expectPickConsistent(world);
    const picked = await confirmPick(world, taskId, {
      locationScan: binBarcode('A-01-01'),
      itemScan: gtinsOf(food.n).each,
      quantity: 3,
    });
    expect(picked.json()).toMatchObject({ taskStatus: 'short', waveStatus: 'completed' });
    const order = await orderDetail(world, orderId);
    expect(order.status).toBe('picked');
    expect(order.lines[0]).toMatchObject({ quantityAllocated: 3, quantityBackordered: 2 });
    await expectPickConsistent(world);
    const tooMuch = await shortPick(world, taskId, 1);
    expect(tooMuch.json().code).toBe('PICK.TASK_CLOSED');
  });

  it('two shorts at one bin raise one count task, in the warehouse and due today', async () => {
    const [a1] = world.warehouse.bins as [number];
    const food = await stockedSku(world, [[a1, 5]]);
    await allocatedOrder(world, 'C-1', [[food.skuId, 5]]);
    const taskId = (await batchWave()).tasks[0]!.taskId;
    const first = await shortPick(world, taskId, 1, 'not there');
    const second = await shortPick(world, taskId, 1, 'still not there');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().countTaskId).toBe(first.json().countTaskId);
    const counts = await world.api.store.database.db
      .selectFrom('count_tasks')
      .select(['location_id', 'warehouse_id', 'due_date', 'status'])
      .execute();
    expect(counts).toEqual([
      {
        location_id: a1,
        warehouse_id: world.warehouse.id,
        due_date: TODAY,
        status: 'open',
      },
    ]);
    await expectPickConsistent(world);
  });

  it('cancelling a released order before picking releases its stock and cancels its tasks', async () => {
    const [a1] = world.warehouse.bins as [number];
    const food = await stockedSku(world, [[a1, 20]]);
    const keep = await allocatedOrder(world, 'C-1', [[food.skuId, 3]]);
    const drop = await allocatedOrder(world, 'C-2', [[food.skuId, 5]]);
    const solo = await postWave(world, { pickMode: 'discrete', orderIds: [drop] });
    expect(solo.statusCode, solo.body).toBe(201);
    const list = await batchWave();
    expect(list.tasks[0]!.quantity).toBe(3);
    const cancel = await call(
      world.api,
      'POST',
      `/orders/${drop}/cancel`,
      world.api.as('manager'),
      {
        reason: 'customer called',
      },
    );
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(await available(world, food.skuId)).toBe(17);
    const soloList = await pickList(world, solo.json().id);
    expect(soloList.tasks.map((t) => t.status)).toEqual(['cancelled']);
    expect(soloList.wave.status).toBe('cancelled');
    await expectPickConsistent(world);
    expect((await orderDetail(world, keep)).status).toBe('released');
  });

  it('shrinks a batch task when one of its orders is cancelled', async () => {
    const [a1] = world.warehouse.bins as [number];
    const food = await stockedSku(world, [[a1, 20]]);
    const keep = await allocatedOrder(world, 'D-1', [[food.skuId, 3]]);
    const drop = await allocatedOrder(world, 'D-2', [[food.skuId, 5]]);
    const list = await batchWave();
    expect(list.tasks[0]!.quantity).toBe(8);
    const cancel = await call(
      world.api,
      'POST',
      `/orders/${drop}/cancel`,
      world.api.as('manager'),
      {},
    );
    expect(cancel.statusCode, cancel.body).toBe(200);
    const after = await pickList(world, list.wave.id);
    expect(after.tasks[0]).toMatchObject({ quantity: 3, status: 'open', remaining: 3 });
    await expectPickConsistent(world);
    const picked = await confirmPick(world, list.tasks[0]!.taskId, {
      locationScan: binBarcode('A-01-01'),
      itemScan: gtinsOf(food.n).each,
      quantity: 3,
    });
    expect(picked.json()).toMatchObject({ waveStatus: 'completed' });
    expect((await orderDetail(world, keep)).status).toBe('picked');
    await expectPickConsistent(world);
  });
});
