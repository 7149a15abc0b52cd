import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allocatedOrder,
  binBarcode,
  confirmPick,
  gtinsOf,
  pickList,
  postWave,
  shortPick,
  stockedSku,
} from '../fulfillment/picking-fixtures.js';
import { call, startOrderWorld } from '../orders/order-fixtures.js';
import { dialects } from '../support/databases.js';
import {
  adhocTask,
  decide,
  expectLedgerSound,
  moveStock,
  onHandAt,
  startTask,
  submit,
  taskDetail,
  type CountWorld,
} from './count-fixtures.js';

describe.each(dialects)('count approval on %s', (dialect) => {
  let world: CountWorld;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
  });
  afterAll(async () => world.api.close());
  const db = () => world.api.store.database.db;

  it('approval is for managers: warehouse and others get 403, the manager posts the variance', async () => {
    const food = await stockedSku(world, [[world.reserve, 100]]);
    const taskId = await adhocTask(world, world.reserve, food.skuId);
    await startTask(world, taskId);
    // 97 of 100: within 5 %, so no recount.
    const sent = await submit(world, taskId, { lines: [{ skuId: food.skuId, quantity: 97 }] });
    expect(sent.json()).toMatchObject({ status: 'counted', recountTaskId: null });
    for (const role of ['warehouse', 'sales', 'planner'] as const) {
      expect((await decide(world, taskId, 'approve', role)).statusCode).toBe(403);
      expect((await decide(world, taskId, 'reject', role)).statusCode).toBe(403);
    }
    const approved = await decide(world, taskId, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', adjustments: [{ variance: -3 }] });
    expect(await onHandAt(world, world.reserve, food.skuId)).toBe(97);
    const movement = await db()
      .selectFrom('stock_movements')
      .selectAll()
      .where('id', '=', approved.json().adjustments[0].movementId)
      .executeTakeFirstOrThrow();
    expect(movement).toMatchObject({
      type: 'adjustment',
      reason_code: 'count',
      quantity: 3,
      from_location_id: world.reserve,
      to_location_id: world.warehouse.place.adjustment,
    });
    const line = await db()
      .selectFrom('count_lines')
      .selectAll()
      .where('count_task_id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(line).toMatchObject({
      counted_quantity: 97,
      system_quantity: 100,
      movement_id: movement.id,
    });
    expect((await decide(world, taskId, 'approve')).statusCode).toBe(409);
    await expectLedgerSound(world);
  });

  it('a variance above the threshold goes to a second blind count, whose figures are approved', async () => {
    const food = await stockedSku(world, [[world.reserve2, 40]]);
    const taskId = await adhocTask(world, world.reserve2, food.skuId);
    await startTask(world, taskId);
    // 30 of 40 is 25 % off: over the 5 % default.
    const sent = await submit(world, taskId, { lines: [{ skuId: food.skuId, quantity: 30 }] });
    expect(sent.json().status).toBe('recount');
    const recountId = sent.json().recountTaskId as number;
    expect((await decide(world, taskId, 'approve')).statusCode).toBe(409);
    const recount = (await taskDetail(world, recountId, 'warehouse')).json();
    expect(recount).toMatchObject({ reason: 'recount', recountOfId: taskId, status: 'open' });
    await startTask(world, recountId);
    // The recount is also far off, but its figures are final: counted, for a manager to decide.
    const second = await submit(world, recountId, { lines: [{ skuId: food.skuId, quantity: 31 }] });
    expect(second.json()).toMatchObject({ status: 'counted', recountTaskId: null });
    expect((await decide(world, recountId, 'approve')).statusCode).toBe(200);
    expect(await onHandAt(world, world.reserve2, food.skuId)).toBe(31);
    // The first task's lines stay as counted, never posted.
    const first = await db()
      .selectFrom('count_lines')
      .select('movement_id')
      .where('count_task_id', '=', taskId)
      .execute();
    expect(first).toEqual([{ movement_id: null }]);
    await expectLedgerSound(world);
  });

  it('a manager can reject figures: the task goes to recount with a new task', async () => {
    const food = await stockedSku(world, [[world.reserve, 10]]);
    const taskId = await adhocTask(world, world.reserve, food.skuId);
    await startTask(world, taskId);
    await submit(world, taskId, { lines: [{ skuId: food.skuId, quantity: 10 }] });
    const rejected = await decide(world, taskId, 'reject');
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'recount', recountTaskId: expect.any(Number) });
    const next = await db()
      .selectFrom('count_tasks')
      .selectAll()
      .where('id', '=', rejected.json().recountTaskId)
      .executeTakeFirstOrThrow();
    expect(next).toMatchObject({ reason: 'recount', status: 'open', recount_of_id: taskId });
  });

  it('movements during the count are taken out: the count is compared with the start', async () => {
    const food = await stockedSku(world, [
      [world.pickFace, 50],
      [world.reserve2, 10],
    ]);
    const taskId = await adhocTask(world, world.pickFace, food.skuId);
    await startTask(world, taskId);
    // The counter finds 48 (two were lost before the start) while 5 leave and 8 arrive.
    await moveStock(world, food.skuId, world.pickFace, world.reserve, 5);
    await moveStock(world, food.skuId, world.reserve2, world.pickFace, 8);
    const sent = await submit(world, taskId, { lines: [{ skuId: food.skuId, quantity: 48 }] });
    expect(sent.json().status).toBe('counted');
    const figures = (await taskDetail(world, taskId, 'manager')).json().lines[0];
    expect(figures).toMatchObject({ countedQuantity: 48, systemQuantity: 50, variance: -2 });
    // Another move after the submission, before approval.
    await moveStock(world, food.skuId, world.pickFace, world.reserve, 3);
    expect((await decide(world, taskId, 'approve')).statusCode).toBe(200);
    // 48 counted, then -5 +8 -3 moved since the start.
    expect(await onHandAt(world, world.pickFace, food.skuId)).toBe(48 - 5 + 8 - 3);
    await expectLedgerSound(world);
  });

  it('refuses to count below what orders hold; a short pick count flows through', async () => {
    const [a1, , a3] = world.warehouse.bins as [number, number, number];
    const food = await stockedSku(world, [
      [a1, 8],
      [a3, 20],
    ]);
    await allocatedOrder(world, 'CNT-1', [[food.skuId, 8]]);
    // Counting 5 at A-01-01 while an order holds all 8 there cannot be approved.
    const early = await adhocTask(world, a1, food.skuId);
    await startTask(world, early);
    await submit(world, early, { lines: [{ skuId: food.skuId, quantity: 5 }] });
    const recount = (
      await db()
        .selectFrom('count_tasks')
        .select('id')
        .where('recount_of_id', '=', early)
        .executeTakeFirstOrThrow()
    ).id;
    await startTask(world, recount);
    await submit(world, recount, { lines: [{ skuId: food.skuId, quantity: 5 }] });
    const refused = await decide(world, recount, 'approve');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'COUNT.ALLOCATED_CONFLICT',
      allocated: 8,
      target: 5,
    });
    expect(await onHandAt(world, a1, food.skuId)).toBe(8);
    // The picker finds 5 and reports 3 short: the reservation is released, a count task raised.
    const wave = await postWave(world, { pickMode: 'discrete' });
    expect(wave.statusCode, wave.body).toBe(201);
    const list = await pickList(world, wave.json().id);
    const task = list.tasks.find((t) => t.location.id === a1)!;
    const picked = await confirmPick(world, task.taskId, {
      locationScan: binBarcode('A-01-01'),
      itemScan: gtinsOf(food.n).each,
      quantity: 5,
    });
    expect(picked.statusCode, picked.body).toBe(200);
    const short = await shortPick(world, task.taskId, 3, 'bin empty');
    expect(short.statusCode, short.body).toBe(200);
    const countTaskId = short.json().countTaskId as number;
    const view = (await taskDetail(world, countTaskId, 'warehouse')).json();
    expect(view).toMatchObject({
      reason: 'short_pick',
      warehouseId: world.warehouse.id,
      skuId: food.skuId,
    });
    // The recount that could not be approved is now overlapped by this newer count.
    await startTask(world, countTaskId);
    const sent = await submit(world, countTaskId, {
      locationScan: binBarcode('A-01-01'),
      lines: [{ skuId: food.skuId, quantity: 0 }],
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const figures = (await taskDetail(world, countTaskId, 'manager')).json().lines;
    expect(figures).toMatchObject([{ countedQuantity: 0, systemQuantity: 3, variance: -3 }]);
    const closing = sent.json().recountTaskId ?? countTaskId;
    if (closing !== countTaskId) {
      await startTask(world, closing);
      await submit(world, closing, { lines: [{ skuId: food.skuId, quantity: 0 }] });
    }
    expect((await decide(world, closing, 'approve')).statusCode).toBe(200);
    expect(await onHandAt(world, a1, food.skuId)).toBe(0);
    // The earlier recount was taken before this adjustment: it can no longer be posted.
    const stale = await decide(world, recount, 'approve');
    expect(stale.json().code).toBe('COUNT.OVERLAP_CONFLICT');
    // It is sent back, and the recount nobody needs is withdrawn by a manager.
    const fresh = (await decide(world, recount, 'reject')).json().recountTaskId as number;
    const cancelUrl = `/count-tasks/${fresh}/cancel`;
    expect((await call(world.api, 'POST', cancelUrl, world.api.as('warehouse'))).statusCode).toBe(
      403,
    );
    const cancelled = await call(world.api, 'POST', cancelUrl, world.api.as('manager'));
    expect(cancelled.json()).toMatchObject({ id: fresh, status: 'cancelled' });
    await expectLedgerSound(world);
  });
});
