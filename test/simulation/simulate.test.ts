import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type AppContext } from '../../src/app/context.js';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { simulate, type SimulationSummary } from '../../src/app/simulation/simulate.js';
import { freshStore, type TestStore } from '../support/databases.js';

/** Five weekdays of March with a small crew: enough for POs, returns and counts to start. */
const OPTIONS = {
  days: 5,
  seed: 42,
  startDate: '2026-03-09',
  ordersPerDay: 8,
  pickErrorRate: 0.2,
};

function contextOf(store: TestStore): AppContext {
  // The simulation brings its own clock; the wall clock here only stamps the demo seed.
  return {
    database: store.database,
    now: () => new Date('2026-03-09T00:00:00.000Z'),
    policies: DEFAULT_POLICIES,
  };
}

/**
 * SQLite only: a 5-day run takes a few seconds there and several times that on PostgreSQL,
 * where the units cannot be group-committed. The use cases it drives are tested on both.
 */
describe('a simulated week of the wholesaler', () => {
  const stores: TestStore[] = [];
  const summaries: SimulationSummary[] = [];

  beforeAll(async () => {
    for (let run = 0; run < 2; run++) {
      const store = await freshStore('sqlite');
      stores.push(store);
      summaries.push(await simulate(contextOf(store), OPTIONS));
    }
  }, 60_000);
  afterAll(async () => {
    for (const store of stores) await store.drop();
  });

  it('is deterministic: the same seed on a fresh store gives the same summary', () => {
    expect(summaries[1]).toEqual(summaries[0]);
  });

  it('drives every part of the flow', () => {
    const { totals, kpis } = summaries[0]!;
    expect(kpis.orders).toBeGreaterThan(0);
    expect(totals.picks).toBeGreaterThan(0);
    expect(kpis.shipments).toBeGreaterThan(0);
    expect(totals.delivered).toBeGreaterThan(0);
    expect(totals.purchaseOrdersSent).toBeGreaterThan(0);
    expect(totals.counts).toBeGreaterThan(0);
    expect(totals.scanErrors + totals.shortPicks).toBeGreaterThan(0);
    expect(kpis.fillRate).toBeGreaterThan(0);
    expect(kpis.fillRate).toBeLessThanOrEqual(1);
  });

  it('ends healthy: no order left behind, nothing stranded in staging, lots not scattered', () => {
    const { health } = summaries[0]!;
    expect(health.problems).toEqual([]);
    expect(health).toMatchObject({
      stuckOrders: 0,
      strandedUnits: 0,
      stuckReturns: 0,
      fragmentedBins: 0,
      reconcileDifferences: 0,
    });
    expect(health.fillRate).toBeGreaterThan(0);
    expect(health.turnover).toBeGreaterThan(0);
  });

  it('leaves a ledger that reconciles and lines with shipped ≤ picked ≤ allocated ≤ ordered', async () => {
    for (const store of stores) {
      const db = store.database.db;
      expect((await reconcile(db)).differences).toEqual([]);
      const lines = await db.selectFrom('order_lines').selectAll().execute();
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) {
        const at = `line ${l.id} of order ${l.order_id}`;
        expect(l.quantity_shipped, at).toBeLessThanOrEqual(l.quantity_picked);
        expect(l.quantity_picked, at).toBeLessThanOrEqual(l.quantity_allocated);
        expect(l.quantity_allocated, at).toBeLessThanOrEqual(l.quantity_ordered);
      }
      const negative = await db
        .selectFrom('stock_balances')
        .select('location_id')
        .where((eb) => eb.or([eb('on_hand', '<', 0), eb('allocated', '>', eb.ref('on_hand'))]))
        .execute();
      expect(negative).toEqual([]);
    }
  });
});
