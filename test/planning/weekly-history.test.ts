import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekStart } from '../../src/app/planning/planning-calendar.js';
import { weeklyHistory } from '../../src/app/planning/run-history.js';
import { HISTORY_WEEKS } from '../../src/app/planning/sku-forecast.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouse } from '../kpis/kpi-fixtures.js';

const TODAY = '2026-12-09';

/**
 * The run's weekly history, summed by the database, against the same sums taken in JS from the
 * daily rows: complete ISO weeks before today's, at most HISTORY_WEEKS, from each pair's first
 * week with a row, censored when any day of the week is.
 */
describe.each(dialects)('weekly demand history on %s', (dialect) => {
  let store: TestStore;
  let skus: number[];
  let warehouses: number[];

  beforeAll(async () => {
    store = await freshStore(dialect);
    skus = [await insertSku(store.database, 'W1', 5), await insertSku(store.database, 'W2', 5)];
    warehouses = [
      (await insertWarehouse(store.database, 'WA')).id,
      (await insertWarehouse(store.database, 'WB')).id,
    ];
  });
  afterAll(() => store.drop());

  it('sums each complete week of the window, as the daily rows say', async () => {
    const day = fc.record({
      sku: fc.integer({ min: 0, max: 1 }),
      warehouse: fc.integer({ min: 0, max: 1 }),
      // From before the three-year window to today (this week is not over: not counted).
      daysAgo: fc.integer({ min: 0, max: 7 * HISTORY_WEEKS + 30 }),
      quantity: fc.integer({ min: 0, max: 50 }),
      censored: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(day, { maxLength: 40 }), async (days) => {
        const rows = new Map<string, (typeof days)[number] & { day: string }>();
        for (const d of days) {
          const at = addDays(TODAY, -d.daysAgo);
          rows.set(`${d.sku}/${d.warehouse}/${at}`, { ...d, day: at });
        }
        await store.database.write(async (trx) => {
          await trx.deleteFrom('demand_daily').execute();
          if (rows.size > 0)
            await trx
              .insertInto('demand_daily')
              .values(
                [...rows.values()].map((r) => ({
                  sku_id: skus[r.sku]!,
                  warehouse_id: warehouses[r.warehouse]!,
                  day: r.day,
                  ordered_quantity: r.quantity,
                  shipped_quantity: 0,
                  order_lines: 1,
                  censored: r.censored ? 1 : 0,
                })),
              )
              .execute();
        });
        const found = await weeklyHistory(store.database.db, skus, TODAY);

        const end = isoWeekStart(TODAY);
        const start = addDays(end, -7 * HISTORY_WEEKS);
        const expected = new Map<string, { quantity: number; censored: boolean }[]>();
        const inWindow = [...rows.values()].filter((r) => r.day >= start && r.day < end);
        inWindow.sort((a, b) => (a.day < b.day ? -1 : 1));
        const first = new Map<string, number>();
        for (const r of inWindow) {
          const key = `${skus[r.sku]}:${warehouses[r.warehouse]}`;
          const week = Math.floor((Date.parse(r.day) - Date.parse(start)) / (7 * 86_400_000));
          if (!first.has(key)) {
            first.set(key, week);
            expected.set(
              key,
              Array.from({ length: HISTORY_WEEKS - week }, () => ({
                quantity: 0,
                censored: false,
              })),
            );
          }
          const w = expected.get(key)![week - first.get(key)!]!;
          w.quantity += r.quantity;
          w.censored ||= r.censored;
        }
        expect(found).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});
