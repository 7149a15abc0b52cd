import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type AppContext } from '../../src/app/context.js';
import {
  rebuildKpiAggregates,
  refreshKpiAggregates,
} from '../../src/app/kpis/refresh-kpi-aggregates.js';
import { positionsBefore } from '../../src/app/kpis/stock-day-store.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { aggregateSnapshot as snapshot } from './aggregate-snapshot.js';
import { insertSku, insertWarehouse, movementRow, type WarehouseFixture } from './kpi-fixtures.js';

const UP_TO = new Date('2026-03-01T00:00:00Z');

/**
 * Movements arrive in random batches, on random days (late ones included), and the aggregates
 * are refreshed after each batch: the result must equal one rebuild from the whole ledger.
 */
describe.each(dialects)('incremental KPI refresh on %s', (dialect) => {
  let store: TestStore;
  let ctx: AppContext;
  let wh: WarehouseFixture;
  let skus: number[];

  beforeAll(async () => {
    store = await freshStore(dialect);
    ctx = {
      database: store.database,
      now: () => new Date('2026-03-02T00:00:00Z'),
      policies: DEFAULT_POLICIES,
    };
    wh = await insertWarehouse(store.database, 'INC');
    skus = [await insertSku(store.database, 'P', 7), await insertSku(store.database, 'Q', 11)];
  });
  afterAll(() => store.drop());

  it('gives the same aggregates as a full rebuild', async () => {
    const places = () => [wh.place.supplier!, wh.place.customer!, wh.place.damaged!, ...wh.bins];
    const move = fc.record({
      sku: fc.integer({ min: 0, max: 1 }),
      from: fc.integer({ min: 0, max: 5 }),
      to: fc.integer({ min: 0, max: 5 }),
      quantity: fc.integer({ min: 1, max: 9 }),
      day: fc.integer({ min: 1, max: 28 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(move, { minLength: 1, maxLength: 6 }), { maxLength: 4 }),
        async (batches) => {
          await store.database.write(async (trx) => {
            await trx.deleteFrom('stock_movements').execute();
            for (const t of [
              'kpi_stock_days',
              'kpi_warehouse_days',
              'kpi_sku_weeks',
              'kpi_stock_positions',
              'kpi_watermarks',
            ] as const)
              await trx.deleteFrom(t).execute();
          });
          for (const batch of batches) {
            const p = places();
            const rows = batch
              .filter((m) => m.from !== m.to)
              .map((m) =>
                movementRow(
                  skus[m.sku]!,
                  p[m.from]!,
                  p[m.to]!,
                  m.quantity,
                  `2026-02-${String(m.day).padStart(2, '0')}T12:00:00.000Z`,
                ),
              );
            if (rows.length > 0)
              await store.database.write((trx) =>
                trx.insertInto('stock_movements').values(rows).execute(),
              );
            await refreshKpiAggregates(ctx, UP_TO);
          }
          const incremental = await snapshot(store.database);
          await rebuildKpiAggregates(store.database, UP_TO, ctx.now());
          expect(incremental).toEqual(await snapshot(store.database));
        },
      ),
      { numRuns: 12 },
    );
  });

  it("finds each pair's position at the start of any day: its last day row before it", async () => {
    const bin = (i: number) => wh.bins[i % wh.bins.length]!;
    // Receipts and sales of both SKUs on scattered days of February.
    const rows = Array.from({ length: 40 }, (_, i) =>
      movementRow(
        skus[i % 2]!,
        i % 3 === 0 ? wh.place.supplier! : bin(i),
        i % 3 === 0 ? bin(i) : wh.place.customer!,
        1 + (i % 5),
        `2026-02-${String(1 + ((i * 7) % 27)).padStart(2, '0')}T12:00:00.000Z`,
      ),
    );
    await store.database.write((trx) => trx.insertInto('stock_movements').values(rows).execute());
    await refreshKpiAggregates(ctx, UP_TO);
    const stored = await store.database.db
      .selectFrom('kpi_stock_days')
      .select(['warehouse_id', 'sku_id', 'day', 'on_hand'])
      .orderBy('day')
      .execute();
    expect(stored.length).toBeGreaterThan(10);
    for (let d = 0; d <= 30; d++) {
      const day = new Date(Date.UTC(2026, 1, 1 + d)).toISOString().slice(0, 10);
      const expected = new Map<string, [string, number]>();
      for (const r of stored)
        if (r.day < day) expected.set(`${r.warehouse_id}:${r.sku_id}`, [r.day, Number(r.on_hand)]);
      const found = await positionsBefore(store.database.db, day);
      expect(
        new Map([...found].map(([key, [row]]) => [key, [row!.day, row!.onHand]])),
        day,
      ).toEqual(expected);
    }
  });

  it('leaves movements from upTo on for the next refresh', async () => {
    await store.database.write((trx) =>
      trx
        .insertInto('stock_movements')
        .values([
          movementRow(skus[0]!, wh.place.supplier!, wh.bins[0]!, 3, '2026-03-05T00:00:00.000Z'),
        ])
        .execute(),
    );
    expect(await refreshKpiAggregates(ctx, UP_TO)).toMatchObject({ movements: 0 });
    expect(await refreshKpiAggregates(ctx, new Date('2026-03-06T00:00:00Z'))).toMatchObject({
      movements: 1,
    });
  });
});
