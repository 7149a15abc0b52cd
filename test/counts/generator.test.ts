import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveCount } from '../../src/app/counts/approve-count.js';
import {
  countGenerationJob,
  generateCountTasks,
} from '../../src/app/counts/generate-count-tasks.js';
import { startCount } from '../../src/app/counts/start-count.js';
import { submitCount } from '../../src/app/counts/submit-count.js';
import { postMovement } from '../../src/app/inventory/ledger.js';
import { placeFacts, standardPlace } from '../../src/app/inventory/stock-facts.js';
import { takeLease } from '../../src/app/jobs/lease.js';
import type { Actor } from '../../src/core/shared/roles.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { dialects } from '../support/databases.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

const manager: Actor = { id: 'test:manager', role: 'manager', customerId: null, apiKeyId: 0 };
const dayOf = (n: number) => `2026-04-${String(n).padStart(2, '0')}`;

describe.each(dialects)('cycle count plans and the generator on %s', (dialect) => {
  let api: TestApi;
  let wh: WarehouseFixture;
  let clock = new Date(`${dayOf(1)}T06:00:00Z`);
  const bins = (...ns: number[]) => ns.map((n) => wh.bins[n - 1]!);

  beforeAll(async () => {
    api = await startTestApi(dialect, () => clock);
    wh = await insertWarehouse(api.store.database, 'CC', 12);
    const [a, b, c] = [
      await insertSku(api.store.database, 'A-SKU'),
      await insertSku(api.store.database, 'B-SKU'),
      await insertSku(api.store.database, 'C-SKU'),
    ];
    await api.store.database.write(async (trx) => {
      for (const [skuId, abc] of [
        [a, 'A'],
        [b, 'B'],
      ] as const) {
        await trx
          .insertInto('sku_planning')
          .values({
            sku_id: skuId,
            warehouse_id: wh.id,
            preferred_supplier_id: null,
            abc_class: abc,
            abc_pinned: 1,
            service_level: null,
            review_days: 1,
            use_eoq: 0,
            updated_at: clock.toISOString(),
          })
          .execute();
      }
      // A in bins 1–3, B in 4–9, C (no class: C) in 10–12 and beside A in bin 1.
      const stock: [number, number[]][] = [
        [a, [1, 2, 3]],
        [b, [4, 5, 6, 7, 8, 9]],
        [c, [10, 11, 12, 1]],
      ];
      const supplier = await standardPlace(trx, wh.id, 'supplier');
      for (const [skuId, at] of stock) {
        for (const locationId of bins(...at)) {
          const to = await placeFacts(trx, locationId);
          await postMovement(
            trx,
            { skuId, lotId: 0, from: supplier, to, quantity: 10, type: 'receipt', actor: 'test' },
            clock.toISOString(),
          );
        }
      }
    });
  });
  afterAll(async () => api.close());

  async function createPlan(body: Record<string, unknown>) {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/count-plans',
      headers: api.as('manager'),
      payload: { warehouseId: wh.id, ...body },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as number;
  }

  async function countAndApprove(taskId: number) {
    const db = api.store.database;
    await db.write((trx) => startCount(trx, taskId, manager, clock));
    const task = await db.db
      .selectFrom('count_tasks')
      .select('location_id')
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    const held = await db.db
      .selectFrom('stock_balances')
      .select(['sku_id', 'on_hand'])
      .where('location_id', '=', task.location_id)
      .execute();
    const lines = held.map((h) => ({ skuId: h.sku_id, quantity: Number(h.on_hand) }));
    const sent = await db.write((trx) => submitCount(trx, taskId, { lines }, manager, clock));
    expect(sent.status).toBe('counted');
    await db.write((trx) => approveCount(trx, taskId, manager, clock));
  }

  it('plans are for managers, validated, changed and retired through the API', async () => {
    const asWarehouse = await api.app.inject({
      method: 'POST',
      url: '/api/v1/count-plans',
      headers: api.as('warehouse'),
      payload: { warehouseId: wh.id, name: 'x', basis: 'abc', abcClass: 'A', frequencyDays: 30 },
    });
    expect(asWarehouse.statusCode).toBe(403);
    const noClass = await api.app.inject({
      method: 'POST',
      url: '/api/v1/count-plans',
      headers: api.as('manager'),
      payload: { warehouseId: wh.id, name: 'x', basis: 'abc', frequencyDays: 30 },
    });
    expect(noClass.json().code).toBe('COUNT.INVALID_PLAN');
    const id = await createPlan({ name: 'Zone Z', basis: 'zone', zone: 'Z', frequencyDays: 30 });
    const patched = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/count-plans/${id}`,
      headers: api.as('admin'),
      payload: { frequencyDays: 7, recountThresholdUnits: 2 },
    });
    expect(patched.json()).toMatchObject({
      frequencyDays: 7,
      recountThresholdUnits: 2,
      zone: 'Z',
      active: true,
    });
    const retired = await api.app.inject({
      method: 'DELETE',
      url: `/api/v1/count-plans/${id}`,
      headers: api.as('manager'),
    });
    expect(retired.json().active).toBe(false);
    const list = await api.app.inject({
      method: 'GET',
      url: `/api/v1/count-plans?warehouseId=${wh.id}`,
      headers: api.as('manager'),
    });
    expect(list.json().items).toHaveLength(1);
  });

  it('spreads each class over its frequency, least recently counted first, never twice open', async () => {
    const planA = await createPlan({
      name: 'A monthly',
      basis: 'abc',
      abcClass: 'A',
      frequencyDays: 3,
    });
    const planB = await createPlan({ name: 'B', basis: 'abc', abcClass: 'B', frequencyDays: 3 });
    const planC = await createPlan({ name: 'C', basis: 'abc', abcClass: 'C', frequencyDays: 2 });
    const counted = new Map<number, number[]>([
      [planA, []],
      [planB, []],
      [planC, []],
    ]);
    for (let day = 1; day <= 3; day++) {
      clock = new Date(`${dayOf(day)}T06:00:00Z`);
      const results =
        day === 1
          ? await api.app
              .inject({
                method: 'POST',
                url: `/api/v1/count-plans/${planA}/generate`,
                headers: api.as('manager'),
              })
              .then(async (r) => [
                r.json(),
                ...(await generateCountTasks(api.ctx, dayOf(day), [planB, planC])),
              ])
          : await generateCountTasks(api.ctx, dayOf(day));
      for (const r of results) {
        if (r.planId === planC && day > 2) continue;
        const plan = counted.get(r.planId);
        if (!plan) continue;
        const rows = await api.store.database.db
          .selectFrom('count_tasks')
          .select(['id', 'location_id'])
          .where('id', 'in', r.taskIds.length ? r.taskIds : [-1])
          .execute();
        plan.push(...rows.map((t) => t.location_id));
        for (const t of rows) await countAndApprove(t.id);
      }
      // A second run the same day finds nothing to do.
      const again = await generateCountTasks(api.ctx, dayOf(day));
      expect(again.every((r) => r.taskIds.length === 0)).toBe(true);
    }
    const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);
    // One A bin a day, two B bins a day: each counted exactly once over the 3 days.
    expect(sorted(counted.get(planA)!)).toEqual(bins(1, 2, 3));
    expect(sorted(counted.get(planB)!)).toEqual(bins(4, 5, 6, 7, 8, 9));
    // C: four bins in two days (bin 1 holds C beside A).
    expect(sorted(counted.get(planC)!)).toEqual(sorted(bins(1, 10, 11, 12)));

    // Nobody counts for four days: A gets one task a day until all its bins are pending.
    const before = await api.store.database.db
      .selectFrom('count_tasks')
      .select('id')
      .where('plan_id', '=', planA)
      .execute();
    for (let day = 4; day <= 7; day++) {
      clock = new Date(`${dayOf(day)}T06:00:00Z`);
      await generateCountTasks(api.ctx, dayOf(day), [planA]);
    }
    const after = await api.store.database.db
      .selectFrom('count_tasks')
      .select('id')
      .where('plan_id', '=', planA)
      .execute();
    expect(after.length - before.length).toBe(3);
    const open = await api.store.database.db
      .selectFrom('count_tasks')
      .select('location_id')
      .where('status', 'in', ['open', 'counted'])
      .execute();
    const perLocation = new Set(open.map((o) => o.location_id));
    expect(perLocation.size).toBe(open.length);
  });

  it('the daily job runs under a lease: a second holder does nothing', async () => {
    clock = new Date(`${dayOf(20)}T06:00:00Z`);
    const taken = await takeLease(
      api.store.database,
      'count-generation',
      'other-process',
      60_000,
      clock,
    );
    expect(taken).toBe(true);
    expect(await countGenerationJob(api.ctx)).toBeUndefined();
    clock = new Date(`${dayOf(21)}T06:00:00Z`);
    const ran = await countGenerationJob(api.ctx);
    expect(ran).toBeDefined();
    expect(ran!.some((r) => r.taskIds.length > 0)).toBe(true);
    expect((await countGenerationJob(api.ctx))!.every((r) => r.taskIds.length === 0)).toBe(true);
  });
});
