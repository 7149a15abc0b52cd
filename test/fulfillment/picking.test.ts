import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderDetail } from '../orders/order-fixtures.js';
import { dialects } from '../support/databases.js';
import {
  allocatedOrder,
  binBarcode,
  confirmPick,
  expectPickConsistent,
  gs1Label,
  gtinsOf,
  pickList,
  pickState,
  postWave,
  startFulfillmentWorld,
  stockedSku,
  type FulfillmentWorld,
  type PickListBody,
} from './fulfillment-fixtures.js';

describe.each(dialects)('picking by scan on %s', (dialect) => {
  let world: FulfillmentWorld;
  let food: { skuId: number; n: number }; // untracked, cases of 4, in A-01-03
  let treats: { skuId: number; n: number }; // lot-tracked, in A-01-02
  let orders: number[];
  let list: PickListBody;
  const task = (skuId: number) => list.tasks.find((t) => t.sku.id === skuId)!;

  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    const [, a2, a3] = world.warehouse.bins as [number, number, number];
    food = await stockedSku(world, [[a3, 40]]);
    treats = await stockedSku(world, [[a2, 30, 'LOT-7']], true);
    orders = [
      await allocatedOrder(
        world,
        'P-1',
        [
          [food.skuId, 8],
          [treats.skuId, 3],
        ],
        1,
      ),
      await allocatedOrder(
        world,
        'P-2',
        [
          [food.skuId, 4],
          [treats.skuId, 2],
        ],
        5,
      ),
      await allocatedOrder(world, 'P-3', [[food.skuId, 1]], 9),
    ];
    const wave = await postWave(world, { pickMode: 'batch' });
    expect(wave.statusCode, wave.body).toBe(201);
    list = await pickList(world, wave.json().id);
  });
  afterAll(() => world.api.close());

  it('refuses the wrong bin, SKU, lot or too many, and changes nothing', async () => {
    const before = await pickState(world);
    const foodTask = task(food.skuId);
    const treatTask = task(treats.skuId);
    const cases = [
      [
        foodTask.taskId,
        { locationScan: binBarcode('A-01-02'), itemScan: gtinsOf(food.n).each },
        'PICK.WRONG_LOCATION',
      ],
      [
        foodTask.taskId,
        { locationScan: binBarcode('A-01-03'), itemScan: gtinsOf(treats.n).each },
        'PICK.WRONG_SKU',
      ],
      [
        foodTask.taskId,
        { locationScan: binBarcode('A-01-03'), itemScan: 'HELLO' },
        'PICK.WRONG_SKU',
      ],
      [
        treatTask.taskId,
        {
          locationScan: binBarcode('A-01-02'),
          itemScan: gs1Label(gtinsOf(treats.n).each, 'LOT-8'),
        },
        'PICK.WRONG_LOT',
      ],
      [
        treatTask.taskId,
        { locationScan: binBarcode('A-01-02'), itemScan: gtinsOf(treats.n).each },
        'PICK.WRONG_LOT',
      ],
      [
        foodTask.taskId,
        { locationScan: binBarcode('A-01-03'), itemScan: gtinsOf(food.n).case, quantity: 4 },
        'PICK.OVER_PICK',
      ],
    ] as const;
    for (const [taskId, body, code] of cases) {
      const response = await confirmPick(world, taskId, body);
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().code).toBe(code);
    }
    const wrongBin = await confirmPick(world, foodTask.taskId, cases[0][1]);
    expect(wrongBin.json().detail).toBe('Wrong bin: scanned A-01-02, go to A-01-03');
    expect(await pickState(world)).toEqual(before);
  });

  it('picks by case GTIN and each GTIN, serving the most urgent order first', async () => {
    const t = task(food.skuId);
    expect(t.quantity).toBe(13);
    const byCase = await confirmPick(world, t.taskId, {
      locationScan: binBarcode('A-01-03'),
      itemScan: gtinsOf(food.n).case,
      quantity: 2,
      tote: 'T-1',
    });
    expect(byCase.statusCode, byCase.body).toBe(200);
    expect(byCase.json()).toMatchObject({
      quantity: 8,
      taskStatus: 'open',
      remaining: 5,
      waveStatus: 'picking',
    });
    expect(byCase.json().orders).toEqual([
      expect.objectContaining({ orderId: orders[0], status: 'released', received: 8 }),
    ]);
    await expectPickConsistent(world);
    const over = await confirmPick(world, t.taskId, {
      locationScan: binBarcode('A-01-03'),
      itemScan: gtinsOf(food.n).each,
      quantity: 6,
    });
    expect(over.json().code).toBe('PICK.OVER_PICK');
    const rest = await confirmPick(
      world,
      t.taskId,
      {
        locationScan: binBarcode('A-01-03'),
        itemScan: gtinsOf(food.n).each,
        quantity: 5,
      },
      'pick-rest',
    );
    expect(rest.statusCode, rest.body).toBe(200);
    // The lot-tracked task is still open: the wave goes on.
    expect(rest.json()).toMatchObject({
      taskStatus: 'picked',
      remaining: 0,
      waveStatus: 'picking',
    });
    // A retry with the same key replays; nothing is picked twice.
    const replay = await confirmPick(
      world,
      t.taskId,
      {
        locationScan: binBarcode('A-01-03'),
        itemScan: gtinsOf(food.n).each,
        quantity: 5,
      },
      'pick-rest',
    );
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // The lowest-priority order had food only: it is now fully picked.
    expect((await orderDetail(world, orders[2]!)).status).toBe('picked');
    await expectPickConsistent(world);
  });

  it('picks a lot-tracked SKU by GS1-128 with (01)(10)(17)(37) and completes the wave', async () => {
    const t = task(treats.skuId);
    const response = await confirmPick(world, t.taskId, {
      locationScan: binBarcode('A-01-02'),
      itemScan: gs1Label(gtinsOf(treats.n).each, 'LOT-7', '2027-06-30', 5),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      quantity: 5,
      taskStatus: 'picked',
      waveStatus: 'completed',
    });
    for (const id of orders) {
      const order = await orderDetail(world, id);
      expect(order.status).toBe('picked');
      expect(order.timeline.map((e) => e.type)).toContain('picked');
    }
    const db = world.api.store.database.db;
    const staged = await db
      .selectFrom('stock_balances as b')
      .innerJoin('locations as l', 'l.id', 'b.location_id')
      .select(['b.sku_id', 'b.on_hand', 'b.allocated'])
      .where('l.code', '=', 'STAGING')
      .orderBy('b.sku_id')
      .execute();
    expect(staged).toEqual([
      { sku_id: food.skuId, on_hand: 13, allocated: 0 },
      { sku_id: treats.skuId, on_hand: 5, allocated: 0 },
    ]);
    const lines = await db
      .selectFrom('order_lines')
      .select(['quantity_allocated', 'quantity_picked'])
      .execute();
    expect(lines.every((l) => l.quantity_picked === l.quantity_allocated)).toBe(true);
    const resolutions = await db
      .selectFrom('allocation_resolutions')
      .select(['kind'])
      .where('kind', '=', 'picked')
      .execute();
    expect(resolutions.length).toBeGreaterThanOrEqual(5);
    await expectPickConsistent(world);
    const closed = await confirmPick(world, t.taskId, {
      locationScan: binBarcode('A-01-02'),
      itemScan: gs1Label(gtinsOf(treats.n).each, 'LOT-7'),
    });
    expect(closed.json().code).toBe('PICK.TASK_CLOSED');
  });
});
