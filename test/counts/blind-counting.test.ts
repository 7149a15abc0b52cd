import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gs1Label, gtinsOf, stockedSku } from '../fulfillment/picking-fixtures.js';
import { call, startOrderWorld } from '../orders/order-fixtures.js';
import { dialects } from '../support/databases.js';
import {
  adhocTask,
  expectLedgerSound,
  startTask,
  submit,
  taskDetail,
  type CountWorld,
} from './count-fixtures.js';

/** Every key in a JSON value, at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  }
  return [];
}

describe.each(dialects)('blind counting on %s', (dialect) => {
  let world: CountWorld;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
  });
  afterAll(async () => world.api.close());

  it('never shows a counter the system quantity, before or after the count', async () => {
    const bin = world.reserve;
    // 37 and 23 units: numbers that appear nowhere else in the task's JSON.
    const food = await stockedSku(world, [[bin, 37, 'L-BLIND']], true);
    const treats = await stockedSku(world, [[bin, 23]]);
    const taskId = await adhocTask(world, bin);
    const blindChecks = async () => {
      const response = await taskDetail(world, taskId, 'warehouse');
      const body = response.json();
      expect(body.blind).toBe(true);
      expect(body.locationCode).toBe('A-01-02');
      expect(body.expectedItems.map((i: { skuId: number }) => i.skuId).sort()).toEqual(
        [food.skuId, treats.skuId].sort(),
      );
      const keys = keysOf(body).map((k) => k.toLowerCase());
      for (const forbidden of ['system', 'variance', 'onhand', 'allocated', 'expectedquantity']) {
        expect(
          keys.some((k) => k.includes(forbidden)),
          forbidden,
        ).toBe(false);
      }
      expect(response.body).not.toMatch(/\b(37|23)\b/);
      return body;
    };
    await blindChecks();
    await startTask(world, taskId);
    const answer = await submit(world, taskId, {
      locationScan: 'MAIN-A-01-02',
      // Nine cases of the lot by GS1-128 label: 36 eaches; the treats are not found at all.
      lines: [{ scan: gs1Label(gtinsOf(food.n).case, 'L-BLIND', '2027-06-30'), quantity: 9 }],
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(keysOf(answer.json()).some((k) => /system|variance/i.test(k))).toBe(false);
    expect(answer.body).not.toMatch(/\b(37|23)\b/);
    const after = await blindChecks();
    expect(after.lines).toEqual([
      { skuId: food.skuId, skuCode: expect.any(String), lotCode: 'L-BLIND', countedQuantity: 36 },
      { skuId: treats.skuId, skuCode: expect.any(String), lotCode: null, countedQuantity: 0 },
    ]);
    // The list is blind too; the expected SKUs can be hidden.
    const list = await call(world.api, 'GET', '/count-tasks', world.api.as('warehouse'));
    expect(list.body).not.toMatch(/\b(37|23)\b/);
    const hidden = await call(
      world.api,
      'GET',
      `/count-tasks/${taskId}?expected=false`,
      world.api.as('warehouse'),
    );
    expect(hidden.json().expectedItems).toBeUndefined();
    // The manager sees the figures: 36 counted of 37, and 0 of 23 (a zero count).
    const sighted = (await taskDetail(world, taskId, 'manager')).json();
    expect(sighted.blind).toBe(false);
    expect(
      sighted.lines.map((l: Record<string, number>) => [
        l.countedQuantity,
        l.systemQuantity,
        l.variance,
      ]),
    ).toEqual([
      [36, 37, -1],
      [0, 23, -23],
    ]);
    expect(sighted.status).toBe('recount');
    await expectLedgerSound(world);
  });

  it('refuses figures before the start and from the wrong bin', async () => {
    const food = await stockedSku(world, [[world.reserve2, 5]]);
    const taskId = await adhocTask(world, world.reserve2, food.skuId);
    const early = await submit(world, taskId, { lines: [{ skuId: food.skuId, quantity: 5 }] });
    expect(early.json().code).toBe('COUNT.NOT_STARTED');
    await startTask(world, taskId);
    const wrong = await submit(world, taskId, {
      locationScan: 'MAIN-A-01-01',
      lines: [{ skuId: food.skuId, quantity: 5 }],
    });
    expect(wrong.json().code).toBe('COUNT.WRONG_LOCATION');
    const other = await stockedSku(world, [[world.reserve2, 1]]);
    const outOfScope = await submit(world, taskId, {
      lines: [{ skuId: other.skuId, quantity: 1 }],
    });
    expect(outOfScope.json().code).toBe('COUNT.SKU_NOT_IN_TASK');
    const duplicate = await call(world.api, 'POST', '/count-tasks', world.api.as('warehouse'), {
      locationId: world.reserve2,
    });
    expect(duplicate.statusCode).toBe(409);
    const ok = await submit(world, taskId, {
      locationScan: 'A-01-03',
      lines: [{ scan: gtinsOf(food.n).each, quantity: 5 }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'counted', recountTaskId: null, linesCounted: 1 });
  });

  it('lists tasks by warehouse, status and reason, a page at a time', async () => {
    const as = world.api.as('warehouse');
    const base = `/count-tasks?warehouseId=${world.warehouse.id}&reason=adhoc`;
    const first = await call(world.api, 'GET', `${base}&limit=1`, as);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items).toHaveLength(1);
    const cursor = first.json().nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const second = await call(world.api, 'GET', `${base}&limit=1&cursor=${cursor}`, as);
    expect(second.json().items[0].id).toBeLessThan(first.json().items[0].id);
    const counted = await call(world.api, 'GET', `${base}&status=counted`, as);
    const items = counted.json().items as { status: string; locationCode: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((t) => t.status === 'counted')).toBe(true);
    const elsewhere = await call(world.api, 'GET', `/count-tasks?warehouseId=999`, as);
    expect(elsewhere.json()).toEqual({ items: [], nextCursor: null });
    const planner = await call(world.api, 'GET', '/count-tasks', world.api.as('planner'));
    expect(planner.statusCode).toBe(403);
  });
});
