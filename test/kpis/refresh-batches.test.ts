import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type AppContext } from '../../src/app/context.js';
import {
  rebuildKpiAggregates,
  refreshKpiAggregates,
} from '../../src/app/kpis/refresh-kpi-aggregates.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { aggregateSnapshot } from './aggregate-snapshot.js';
import { insertSku, insertWarehouse, movementRow, type WarehouseFixture } from './kpi-fixtures.js';

const UP_TO = new Date('2026-05-01T00:00:00Z');
const COSTS = [7, 11, 130];

/**
 * One ledger, posted out of day order across two warehouses, read three ways: in many small
 * batches (a transaction each), in one batch, and by a full rebuild. The aggregate tables must
 * be identical, and hold the ledger's own totals whatever the batch size.
 */
describe.each(dialects)('KPI refresh batch sizes on %s', (dialect) => {
  let store: TestStore;
  let ctx: AppContext;
  let warehouses: WarehouseFixture[];
  let skus: number[];

  beforeAll(async () => {
    store = await freshStore(dialect);
    ctx = {
      database: store.database,
      now: () => new Date('2026-05-02T00:00:00Z'),
      policies: DEFAULT_POLICIES,
    };
    warehouses = [
      await insertWarehouse(store.database, 'BA'),
      await insertWarehouse(store.database, 'BB'),
    ];
    skus = [];
    for (const [i, cost] of COSTS.entries())
      skus.push(await insertSku(store.database, `BAT-${i}`, cost));
  });
  afterAll(() => store.drop());

  const clearAggregates = () =>
    store.database.write(async (trx) => {
      for (const t of [
        'kpi_stock_days',
        'kpi_warehouse_days',
        'kpi_sku_weeks',
        'kpi_stock_positions',
        'kpi_watermarks',
      ] as const)
        await trx.deleteFrom(t).execute();
    });

  it('gives identical aggregates in small batches, one batch and a rebuild', async () => {
    const places = warehouses.flatMap((w) => [
      w.place.supplier!,
      w.place.customer!,
      w.place.damaged!,
      ...w.bins,
    ]);
    const move = fc.record({
      sku: fc.integer({ min: 0, max: COSTS.length - 1 }),
      from: fc.integer({ min: 0, max: places.length - 1 }),
      to: fc.integer({ min: 0, max: places.length - 1 }),
      quantity: fc.integer({ min: 1, max: 40 }),
      day: fc.integer({ min: 0, max: 100 }),
      second: fc.integer({ min: 0, max: 86_399 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(move, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        async (moves, batchSize) => {
          const rows = moves
            .filter((m) => m.from !== m.to)
            .map((m) =>
              movementRow(
                skus[m.sku]!,
                places[m.from]!,
                places[m.to]!,
                m.quantity,
                new Date(Date.UTC(2026, 0, 1) + m.day * 86_400_000 + m.second * 1000).toISOString(),
              ),
            );
          await store.database.write(async (trx) => {
            await trx.deleteFrom('stock_movements').execute();
            if (rows.length > 0) await trx.insertInto('stock_movements').values(rows).execute();
          });

          await clearAggregates();
          const small = await refreshKpiAggregates(ctx, UP_TO, { batchSize });
          const inBatches = await aggregateSnapshot(store.database);

          await clearAggregates();
          const big = await refreshKpiAggregates(ctx, UP_TO);
          const inOne = await aggregateSnapshot(store.database);

          await rebuildKpiAggregates(store.database, UP_TO, ctx.now(), { batchSize: 4 });
          const rebuilt = await aggregateSnapshot(store.database);

          expect(small?.movements).toBe(rows.length);
          expect(big?.movements).toBe(rows.length);
          expect(inBatches).toEqual(inOne);
          expect(rebuilt).toEqual(inOne);
          await expectLedgerTotals(rows, inOne);
        },
      ),
      { numRuns: 10 },
    );
  });

  /** What the ledger itself says, summed the slow way, against the aggregate tables. */
  async function expectLedgerTotals(
    rows: ReturnType<typeof movementRow>[],
    snapshot: Awaited<ReturnType<typeof aggregateSnapshot>>,
  ) {
    const locations = await store.database.db
      .selectFrom('locations')
      .select(['id', 'warehouse_id', 'virtual', 'type'])
      .execute();
    const at = new Map(locations.map((l) => [Number(l.id), l]));
    const onHand = new Map<string, number>();
    let issuedValue = 0;
    const add = (locationId: number, skuId: number, quantity: number) => {
      const l = at.get(locationId)!;
      const cost = COSTS[skus.indexOf(skuId)]!;
      if (Number(l.virtual) === 0) {
        const key = `${Number(l.warehouse_id)}:${skuId}`;
        onHand.set(key, (onHand.get(key) ?? 0) + quantity);
      }
      if (l.type === 'customer') issuedValue += quantity * cost;
    };
    for (const r of rows) {
      add(r.from_location_id, r.sku_id, -r.quantity);
      add(r.to_location_id, r.sku_id, r.quantity);
    }
    // Latest positions are the ledger's on hand per pair.
    for (const p of snapshot.positions)
      expect(p.on_hand).toBe(onHand.get(`${p.warehouse_id}:${p.sku_id}`) ?? 0);
    // The warehouse-day value changes add up to the value on hand; their COGS to the issued value.
    const value = [...onHand].reduce(
      (sum, [key, units]) => sum + units * COSTS[skus.indexOf(Number(key.split(':')[1]))]!,
      0,
    );
    const totals = snapshot.totals as { value_delta_minor: number; cogs_minor: number }[];
    expect(totals.reduce((s, t) => s + t.value_delta_minor, 0)).toBe(value);
    expect(totals.reduce((s, t) => s + t.cogs_minor, 0)).toBe(issuedValue);
  }
});
