import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeLease, releaseLease } from '../../src/app/jobs/lease.js';
import { dailyReplenishmentJob } from '../../src/app/planning/daily-replenishment.js';
import { startReplenishmentRun } from '../../src/app/planning/replenishment-run.js';
import { dialects } from '../support/databases.js';
import {
  call,
  clock,
  createSku,
  receive,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';
import {
  insertSupplier,
  insertWeeklyDemand,
  listSku,
  runAndWait,
  setPlanning,
} from './planning-world.js';

interface Group {
  supplierId: number;
  meetsMinimums: boolean;
  items: {
    id: number;
    skuId: number;
    quantity: number;
    neededQuantity: number;
    reason: string;
    runId: number;
  }[];
}

/**
 * A small world, numbers worked out by hand. History is flat, so the forecast is exact and
 * σd = 0: safety stock comes from lead-time spread alone, σLT = 0.25 × stated LT.
 *  Kibble (S1: LT 7, case of 12, 4.00), 70/week → d̄ 10; service 0.95 (z 1.64485):
 *    SS = ⌈1.64485 · 10 · 1.75⌉ = ⌈28.78⌉ = 29; ROP = 10·(7+1) + 29 = 109; OUT = 109 + 10 = 119;
 *    20 on the shelf → need 99 → 9 cases = 108.
 *  Treats (S2: LT 14, MOQ 150, 2.50; supplier minimum 1,000.00), 35/week → d̄ 5; service 0.90
 *    (z 1.28155): SS = ⌈1.28155 · 5 · 3.5⌉ = ⌈22.43⌉ = 23; ROP = 75 + 23 = 98; OUT = 103;
 *    nothing on hand → need 103 → MOQ 150; 150 × 2.50 = 375.00 < 1,000.00: noted, kept.
 *  Chews: listed by both, no preference → planned, never suggested.
 */
describe.each(dialects)('replenishment run (%s)', (dialect) => {
  let world: OrderWorld;
  let kibble: number;
  let treats: number;
  let chews: number;
  let s1: number;
  let s2: number;
  let suggestions: (status?: string) => Promise<Group[]>;

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    const db = world.api.store.database;
    [kibble, treats, chews] = [
      await createSku(world, false),
      await createSku(world, false),
      await createSku(world, false),
    ];
    s1 = await insertSupplier(db, 'S1', { leadTimeDays: 7 });
    s2 = await insertSupplier(db, 'S2', { leadTimeDays: 14, minOrderValueMinor: 100_000 });
    await listSku(db, s1, kibble, { costMinor: 400, orderMultiple: 12 });
    await listSku(db, s2, treats, { costMinor: 250, minOrderQuantity: 150 });
    await listSku(db, s1, chews, { costMinor: 100 });
    await listSku(db, s2, chews, { costMinor: 90 });
    await insertWeeklyDemand(db, kibble, world.warehouse.id, 30, 70);
    await insertWeeklyDemand(db, treats, world.warehouse.id, 30, 35);
    await insertWeeklyDemand(db, chews, world.warehouse.id, 30, 14);
    await setPlanning(world, kibble, { serviceLevel: 0.95, preferredSupplierId: s1 });
    await setPlanning(world, treats, { serviceLevel: 0.9 });
    await receive(world, kibble, 20);
    suggestions = async (status = 'open') => {
      const r = await call(
        world.api,
        'GET',
        `/planning/suggestions?status=${status}`,
        world.api.as('sales'),
      );
      expect(r.statusCode, r.body).toBe(200);
      return r.json().groups as Group[];
    };
  });
  afterAll(() => world.api.close());

  it('refuses the warehouse role and lets a planner start a run that reaches its total', async () => {
    const refused = await call(world.api, 'POST', '/planning/runs', world.api.as('warehouse'), {});
    expect(refused.statusCode).toBe(403);
    const run = await runAndWait(world);
    expect(run.status).toBe('done');
    expect(run.progressTotal).toBe(3);
    expect(run.progressDone).toBe(run.progressTotal);
  });

  // Found by the fuzz drill: the run row's foreign key refused an unknown warehouse (500).
  it('refuses a run for a warehouse that does not exist with 404', async () => {
    const response = await call(world.api, 'POST', '/planning/runs', world.api.as('planner'), {
      warehouseId: 999_999,
    });
    expect(response.statusCode, response.body).toBe(404);
    expect(response.json().code).toBe('WAREHOUSE.NOT_FOUND');
  });

  it('suggests quantities rounded to the supplier terms, with readable reasons', async () => {
    const groups = await suggestions();
    expect(groups.map((g) => g.supplierId)).toEqual([s1, s2]);
    const [g1, g2] = groups as [Group, Group];
    expect(g1.items).toHaveLength(1);
    expect(g1.items[0]).toMatchObject({ skuId: kibble, neededQuantity: 99, quantity: 108 });
    expect(g1.items[0]!.reason).toBe(
      'Position 20 ≤ reorder point 109 (safety stock 29, 2.0 days of supply); order up to 119, rounded to case of 12 → 108.',
    );
    expect(g1.meetsMinimums).toBe(true);
    expect(g2.items[0]).toMatchObject({ skuId: treats, neededQuantity: 103, quantity: 150 });
    expect(g2.items[0]!.reason).toContain('raised to minimum 150 → 150');
    expect(g2.items[0]!.reason).toContain("order value 375.00 is below S2's minimum 1000.00");
    expect(g2.meetsMinimums).toBe(false);
  });

  it('stores forecast and policy for the chart, also for a SKU with no clear supplier', async () => {
    const view = await call(
      world.api,
      'GET',
      `/planning/skus/${kibble}?warehouseId=${world.warehouse.id}`,
      world.api.as('warehouse'),
    );
    expect(view.statusCode, view.body).toBe(200);
    const body = view.json();
    expect(body.policy).toMatchObject({
      safetyStock: 29,
      reorderPoint: 109,
      orderUpTo: 119,
      meanDailyDemand: 10,
      leadTimeSdDays: 1.75,
    });
    expect(body.forecast.values).toEqual(Array(13).fill(70));
    // History starts at the first week that sold (30 full weeks, then this one): no zeros before.
    expect(body.history).toHaveLength(31);
    expect(body.history[0].orderedQuantity).toBe(70);
    const chewsView = (
      await call(
        world.api,
        'GET',
        `/planning/skus/${chews}?warehouseId=${world.warehouse.id}`,
        world.api.as('planner'),
      )
    ).json();
    expect(chewsView.policy.meanDailyDemand).toBe(2);
    expect(chewsView.settings.abcClass).toMatch(/^[ABC]$/);
  });

  it('a later run supersedes open suggestions; approving makes one draft PO per supplier', async () => {
    const first = (await suggestions()).flatMap((g) => g.items.map((i) => i.id));
    await runAndWait(world);
    const open = (await suggestions()).flatMap((g) => g.items);
    expect(open.map((i) => i.id).some((id) => first.includes(id))).toBe(false);
    expect(
      (await suggestions('dismissed')).flatMap((g) => g.items.map((i) => i.id)).sort(),
    ).toEqual(first.sort());

    const kibbleSuggestion = open.find((i) => i.skuId === kibble)!;
    const treatsSuggestion = open.find((i) => i.skuId === treats)!;
    const approved = await call(
      world.api,
      'POST',
      '/planning/suggestions/approve',
      world.api.as('planner'),
      {
        suggestionIds: [kibbleSuggestion.id, treatsSuggestion.id],
        quantities: { [treatsSuggestion.id]: 300 },
      },
    );
    expect(approved.statusCode, approved.body).toBe(201);
    const pos = approved.json().purchaseOrders as { id: number; supplierId: number }[];
    expect(pos.map((p) => p.supplierId)).toEqual([s1, s2]);
    const lines = await world.api.store.database.db
      .selectFrom('purchase_order_lines as l')
      .innerJoin('purchase_orders as po', 'po.id', 'l.purchase_order_id')
      .select([
        'po.supplier_id',
        'po.status',
        'po.source',
        'l.sku_id',
        'l.quantity_ordered',
        'l.unit_cost_minor',
      ])
      .orderBy('po.id')
      .execute();
    expect(lines).toEqual([
      {
        supplier_id: s1,
        status: 'draft',
        source: 'replenishment',
        sku_id: kibble,
        quantity_ordered: 108,
        unit_cost_minor: 400,
      },
      {
        supplier_id: s2,
        status: 'draft',
        source: 'replenishment',
        sku_id: treats,
        quantity_ordered: 300,
        unit_cost_minor: 250,
      },
    ]);
    const again = await call(
      world.api,
      'POST',
      '/planning/suggestions/approve',
      world.api.as('planner'),
      {
        suggestionIds: [kibbleSuggestion.id],
      },
    );
    expect(again.statusCode).toBe(409);

    // Drafts count as on order: the next run has nothing left to suggest.
    const run = await runAndWait(world);
    expect(run.status).toBe('done');
    expect(await suggestions()).toEqual([]);
  });

  it('runs one at a time: a second start is busy, and the API answers 409 with the running run', async () => {
    const [a, b] = await Promise.all([
      startReplenishmentRun(world.api.ctx, { trigger: 'manual', actor: 'test' }),
      startReplenishmentRun(world.api.ctx, { trigger: 'manual', actor: 'test' }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['busy', 'started']);
    for (const s of [a, b]) if (s.status === 'started') await s.finished;

    const db = world.api.store.database;
    const other = await db.write((trx) =>
      trx
        .insertInto('replenishment_runs')
        .values({
          status: 'running',
          trigger: 'manual',
          warehouse_id: null,
          progress_done: 0,
          progress_total: 0,
          suggestions: 0,
          error: null,
          started_by: 'elsewhere',
          started_at: clock().toISOString(),
          finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    expect(await takeLease(db, 'replenishment', 'another-process', 60_000, clock())).toBe(true);
    const busy = await call(world.api, 'POST', '/planning/runs', world.api.as('manager'), {});
    expect(busy.statusCode, busy.body).toBe(409);
    expect(busy.json()).toMatchObject({
      code: 'PLANNING.RUN_IN_PROGRESS',
      runId: Number(other.id),
    });
    await releaseLease(db, 'replenishment', 'another-process');
  });

  it('the daily job runs at most once per calendar day', async () => {
    expect(await dailyReplenishmentJob(world.api.ctx)).toEqual(expect.any(Number));
    expect(await dailyReplenishmentJob(world.api.ctx)).toBeUndefined();
  });
  it('dismisses an open suggestion once, for planners only; settings validate the supplier', async () => {
    const db = world.api.store.database;
    const run = await db.db
      .selectFrom('replenishment_runs')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const row = await db.write((trx) =>
      trx
        .insertInto('replenishment_suggestions')
        .values({
          run_id: run.id,
          supplier_id: s1,
          warehouse_id: world.warehouse.id,
          sku_id: chews,
          quantity: 5,
          needed_quantity: 5,
          available: 0,
          on_order: 0,
          backordered: 0,
          safety_stock: 0,
          reorder_point: 0,
          order_up_to: 5,
          unit_cost_minor: 100,
          days_of_supply: null,
          stockout_date: null,
          reason: 'test',
          status: 'open',
          purchase_order_id: null,
          created_at: clock().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    const url = `/planning/suggestions/${row.id}/dismiss`;
    expect((await call(world.api, 'POST', url, world.api.as('warehouse'), {})).statusCode).toBe(
      403,
    );
    expect((await call(world.api, 'POST', url, world.api.as('planner'), {})).statusCode).toBe(200);
    expect((await call(world.api, 'POST', url, world.api.as('planner'), {})).statusCode).toBe(409);

    const path = `/planning/skus/${treats}/warehouses/${world.warehouse.id}`;
    const unlisted = await call(world.api, 'PUT', path, world.api.as('planner'), {
      preferredSupplierId: s1,
    });
    expect(unlisted.statusCode).toBe(422);
    expect(unlisted.json().code).toBe('PLANNING.SUPPLIER_NOT_LISTED');
    const pinned = await call(world.api, 'PUT', path, world.api.as('manager'), {
      pinnedAbcClass: 'A',
      useEoq: true,
    });
    expect(pinned.statusCode, pinned.body).toBe(200);
    expect(pinned.json()).toMatchObject({
      abcClass: 'A',
      abcPinned: true,
      useEoq: true,
      serviceLevel: 0.9,
    });
    expect(
      (await call(world.api, 'PUT', path, world.api.as('sales'), { useEoq: false })).statusCode,
    ).toBe(403);
  });
});
