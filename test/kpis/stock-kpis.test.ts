import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiReport } from '../../src/app/kpis/kpi-report.js';
import { writeKpiSettings } from '../../src/app/kpis/kpi-settings-store.js';
import {
  rebuildKpiAggregates,
  refreshKpiAggregates,
} from '../../src/app/kpis/refresh-kpi-aggregates.js';
import { DEFAULT_POLICIES, type AppContext } from '../../src/app/context.js';
import type { KpiRow } from '../../src/core/kpis/kpi-table.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { NOW } from '../support/fixtures.js';
import { insertSku, insertWarehouse, movementRow, type WarehouseFixture } from './kpi-fixtures.js';

/**
 * One warehouse, ten days (2026-01-01 … 01-10):
 *  - SKU A (cost 100, tools): 10 received on the 1st into the pick face, all 10 shipped on the 6th.
 *  - SKU B (cost 50, paint): 20 received on the 1st into storage, never touched again.
 *  - SKU C (cost 100, lot-tracked): a balance of 5 of a lot expiring 2026-01-20.
 * Value: 10×100 + 20×50 = 2000 on days 1–5, 1000 on days 6–10 → average 1500. COGS 1000.
 */
describe.each(dialects)('stock KPIs on %s', (dialect) => {
  let store: TestStore;
  let ctx: AppContext;
  let wh: WarehouseFixture;
  let skuA: number;
  let skuB: number;
  const query = {
    from: '2026-01-01',
    to: '2026-01-11',
    period: 'week' as const,
    groupBy: 'warehouse' as const,
  };
  const table = async (name: string) => {
    const report = await kpiReport(store.database.db, query, '2026-01-05');
    return report.kpis.find((t) => t.name === name)!.rows;
  };
  const total = (rows: KpiRow[]) => rows.find((r) => r.period === 'total')!;

  beforeAll(async () => {
    store = await freshStore(dialect);
    ctx = {
      database: store.database,
      now: () => new Date('2026-02-01T00:00:00Z'),
      policies: DEFAULT_POLICIES,
    };
    wh = await insertWarehouse(store.database, 'KPI');
    skuA = await insertSku(store.database, 'A', 100, 'tools');
    skuB = await insertSku(store.database, 'B', 50, 'paint');
    const skuC = await insertSku(store.database, 'C', 100, 'food', true);
    await store.database.write(async (trx) => {
      await trx
        .insertInto('stock_movements')
        .values([
          movementRow(
            skuA,
            wh.place.supplier!,
            wh.bins[0]!,
            10,
            '2026-01-01T09:00:00.000Z',
            'receipt',
          ),
          movementRow(
            skuB,
            wh.place.supplier!,
            wh.bins[1]!,
            20,
            '2026-01-01T10:00:00.000Z',
            'receipt',
          ),
          movementRow(
            skuA,
            wh.bins[0]!,
            wh.place.customer!,
            10,
            '2026-01-06T15:00:00.000Z',
            'ship',
          ),
        ])
        .execute();
      const lot = (code: string, expiry: string) =>
        trx
          .insertInto('lots')
          .values({ sku_id: skuC, code, expiry_date: expiry, created_at: NOW })
          .returning('id')
          .executeTakeFirstOrThrow();
      for (const [l, on_hand] of [
        [await lot('L-SOON', '2026-01-20'), 5],
        [await lot('L-LATER', '2026-03-01'), 7],
      ] as const)
        await trx
          .insertInto('stock_balances')
          .values({
            location_id: wh.bins[1]!,
            sku_id: skuC,
            lot_id: l.id,
            warehouse_id: wh.id,
            on_hand,
            allocated: 0,
            updated_at: NOW,
          })
          .execute();
      await writeKpiSettings(trx, { deadStockDays: 5 });
    });
    const outcome = await refreshKpiAggregates(ctx, new Date('2026-01-31T00:00:00Z'));
    expect(outcome).toEqual({ movements: 3, lastMovementId: expect.any(Number) });
  });
  afterAll(() => store.drop());

  it('turns stock over: COGS 1000 on an average 1500', async () => {
    // 1000 / 1500 = 0.6667 turns; days on hand 1500 / 1000 × 10 days = 15.
    expect(total(await table('stock-turnover'))).toEqual({
      group: String(wh.id),
      period: 'total',
      days: 10,
      cogsMinor: 1000,
      averageInventoryMinor: 1500,
      turnover: 0.6667,
      daysOnHand: 15,
    });
  });

  it('buckets the series by ISO week', async () => {
    // Week of 2025-12-29 holds Jan 1–4 (value 2000, no COGS); week of Jan 5 holds 5–10:
    // 2000 on the 5th, 1000 on 6–10 → 7000 / 6 = 1166.67 → 1167.
    const rows = (await table('stock-turnover')).filter((r) => r.period !== 'total');
    expect(rows.map((r) => [r.period, r.days, r.averageInventoryMinor, r.cogsMinor])).toEqual([
      ['2025-12-29', 4, 2000, 0],
      ['2026-01-05', 6, 1167, 1000],
    ]);
  });

  it('counts SKU-days with nothing sellable', async () => {
    // Two SKUs tracked for 10 days = 20 SKU-days; A is sold out on the 6th–10th = 5.
    expect(total(await table('stock-out-rate'))).toMatchObject({
      skuDays: 20,
      stockoutSkuDays: 5,
      stockoutRate: 0.25,
    });
  });

  it('charges carrying cost on the average value at 25% a year', async () => {
    // 1500 × {10, 8, 2, 5}% × 10/365 = 4.11, 3.29, 0.82, 2.05 → 4 + 3 + 1 + 2 = 10.
    expect(total(await table('carrying-cost'))).toMatchObject({
      averageInventoryMinor: 1500,
      capitalMinor: 4,
      storageMinor: 3,
      insuranceMinor: 1,
      obsolescenceMinor: 2,
      totalMinor: 10,
    });
  });

  it('finds dead stock: B has not moved in the last 5 days of the range', async () => {
    // Idle since the 1st; as of the end of the 10th that is 9 days.
    expect(await table('dead-stock')).toEqual([
      {
        warehouseId: wh.id,
        skuId: skuB,
        skuCode: 'B',
        onHand: 20,
        valueMinor: 1000,
        lastMovementDay: '2026-01-01',
        daysIdle: 9,
      },
    ]);
  });

  it('values inventory by category at the end of the range', async () => {
    const rows = await table('inventory-value');
    expect(rows.map((r) => [r.category, r.onHand, r.valueMinor])).toEqual([
      ['paint', 20, 1000],
      ['tools', 0, 0],
    ]);
  });

  it('ranks ABC by COGS and XYZ by weekly demand', async () => {
    // A: all the COGS → A; issued [0, 10] over two weeks → cv 1 → Y. B: nothing issued → C, Z.
    const rows = await table('abc-xyz');
    expect(rows.map((r) => [r.skuCode, r.abc, r.cv, r.xyz, r.issuedUnits])).toEqual([
      ['A', 'A', 1, 'Y', 10],
      ['B', 'C', null, 'Z', 0],
    ]);
  });

  it('reports lots expiring within 30 days of today, with their value', async () => {
    // Today 2026-01-05: L-SOON (01-20) is in, L-LATER (03-01) is not.
    expect(await table('expiring-stock')).toEqual([
      expect.objectContaining({
        lotCode: 'L-SOON',
        expiryDate: '2026-01-20',
        daysToExpiry: 15,
        units: 5,
        valueMinor: 500,
      }),
    ]);
  });

  it('scores counts within 2% by ABC class', async () => {
    await store.database.write(async (trx) => {
      await trx
        .insertInto('sku_planning')
        .values({
          sku_id: skuA,
          warehouse_id: wh.id,
          preferred_supplier_id: null,
          abc_class: 'A',
          abc_pinned: 0,
          service_level: null,
          review_days: 1,
          use_eoq: 0,
          updated_at: NOW,
        })
        .execute();
      const task = await trx
        .insertInto('count_tasks')
        .values({
          location_id: wh.bins[0]!,
          sku_id: null,
          reason: 'cycle',
          status: 'approved',
          reference: null,
          created_at: NOW,
          completed_at: NOW,
          warehouse_id: wh.id,
          plan_id: null,
          recount_of_id: null,
          due_date: null,
          started_movement_id: null,
          started_at: null,
          counted_by: null,
          approved_by: null,
          approved_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const line = (skuId: number, counted: number, system: number, at: string) => ({
        count_task_id: task.id,
        sku_id: skuId,
        lot_id: 0,
        counted_quantity: counted,
        system_quantity: system,
        unit_cost_minor: 0,
        movement_id: null,
        counted_at: at,
      });
      await trx
        .insertInto('count_lines')
        .values([
          line(skuA, 98, 100, '2026-01-03T10:00:00.000Z'), // 2% off: accurate
          line(skuA, 90, 100, '2026-01-04T10:00:00.000Z'), // 10% off
          line(skuB, 0, 0, '2026-01-04T11:00:00.000Z'), // exact
          line(skuB, 0, 50, '2026-02-04T11:00:00.000Z'), // outside the range
        ])
        .execute();
    });
    const rows = await table('inventory-accuracy');
    expect(rows.map((r) => [r.abcClass, r.records, r.accurate, r.inventoryAccuracy])).toEqual([
      ['A', 2, 1, 0.5],
      ['all', 3, 2, 0.6667],
      ['unclassified', 1, 1, 1],
    ]);
  });

  // Found by the fuzz drill: PostgreSQL typed the tolerance after the bigint quantity and
  // refused a fractional one (500); 10.5% takes in the count that was 10% off.
  it('scores counts against a fractional tolerance', async () => {
    await store.database.write((trx) => writeKpiSettings(trx, { countTolerancePct: 10.5 }));
    try {
      const rows = await table('inventory-accuracy');
      expect(rows.find((r) => r.abcClass === 'all')).toMatchObject({ records: 3, accurate: 3 });
    } finally {
      await store.database.write((trx) => writeKpiSettings(trx, { countTolerancePct: 2 }));
    }
  });

  it('is cheap and unchanged when called again with nothing new', async () => {
    expect(await refreshKpiAggregates(ctx, new Date('2026-01-31T00:00:00Z'))).toMatchObject({
      movements: 0,
    });
    const after = await rebuildKpiAggregates(
      store.database,
      new Date('2026-01-31T00:00:00Z'),
      ctx.now(),
    );
    expect(after.movements).toBe(3);
    expect(total(await table('stock-turnover'))).toMatchObject({ turnover: 0.6667 });
  });
});
