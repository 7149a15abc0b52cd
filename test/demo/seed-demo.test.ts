import { sql } from 'kysely';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type AppContext } from '../../src/app/context.js';
import { DEMO_SEEDED_KEY, seedDemo, type SeedDemoResult } from '../../src/app/demo/seed-demo.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';

const NOW = new Date('2025-06-01T14:00:00Z');

describe.each(dialects)('seedDemo on %s', (dialect) => {
  let store: TestStore;
  let ctx: AppContext;
  let first: SeedDemoResult;

  beforeAll(async () => {
    store = await freshStore(dialect);
    ctx = { database: store.database, now: () => NOW, policies: DEFAULT_POLICIES };
    first = await seedDemo(ctx, { seed: 11 });
  }, 120_000);
  afterAll(async () => store?.drop());

  const db = () => store.database.db;

  it('creates the catalog and both warehouses through the use cases', async () => {
    expect(first.skus).toBeGreaterThanOrEqual(200);
    expect(first.warehouses).toBe(2);
    const skus = await db()
      .selectFrom('skus')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(skus.n)).toBe(first.skus);
    const warehouses = await db().selectFrom('warehouses').select('code').orderBy('code').execute();
    expect(warehouses.map((w) => w.code)).toEqual(['MAIN', 'WEST']);
    const locations = await db()
      .selectFrom('locations')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(locations.n)).toBe(first.locations);
    const marker = await db()
      .selectFrom('settings')
      .select('value')
      .where('key', '=', DEMO_SEEDED_KEY)
      .executeTakeFirst();
    expect(JSON.parse(marker!.value)).toMatchObject({ seed: 11 });
  });

  it('puts stock in many bins, with lots expiring soon and a few SKUs at zero', async () => {
    const stocked = await db()
      .selectFrom('stock_balances')
      .innerJoin('locations', 'locations.id', 'stock_balances.location_id')
      .select(['stock_balances.location_id', 'stock_balances.sku_id', 'locations.type'])
      .where('locations.virtual', '=', 0)
      .where('stock_balances.on_hand', '>', 0)
      .execute();
    expect(new Set(stocked.map((b) => b.location_id)).size).toBeGreaterThan(300);
    expect(stocked.some((b) => b.type === 'pick_face')).toBe(true);
    expect(new Set(stocked.map((b) => b.sku_id)).size).toBeLessThan(first.skus);
    const soon = await db()
      .selectFrom('lots')
      .select('code')
      .where('expiry_date', '<=', '2025-07-01')
      .where('expiry_date', '>', '2025-06-01')
      .execute();
    expect(soon.length).toBeGreaterThan(0);
    const movements = await db()
      .selectFrom('stock_movements')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(movements.n)).toBe(first.movements);
  });

  it('balances the double entry: every SKU and lot sums to zero, no real bin below zero', async () => {
    const report = await reconcile(db());
    expect(report.skus).toBeGreaterThan(200);
    expect(report.differences).toEqual([]);
    const negative = await db()
      .selectFrom('stock_balances')
      .innerJoin('locations', 'locations.id', 'stock_balances.location_id')
      .select(['locations.code', 'stock_balances.on_hand'])
      .where('locations.virtual', '=', 0)
      .where('stock_balances.on_hand', '<', 0)
      .execute();
    expect(negative).toEqual([]);
  });

  it('opens the trade accounts and takes their orders through placeOrder', async () => {
    expect(first.customers).toBeGreaterThanOrEqual(12);
    expect(first.orders).toBeGreaterThanOrEqual(20);
    const customers = await db()
      .selectFrom('customers')
      .select(['account_number', 'on_hold', 'price_list_id'])
      .execute();
    expect(customers).toHaveLength(first.customers);
    expect(customers.filter((c) => c.on_hold === 1)).toHaveLength(1);
    const lists = await db().selectFrom('price_lists').select(['id', 'code']).execute();
    expect(lists.map((l) => l.code).sort()).toEqual(['CHAIN', 'WHOLESALE']);
    expect(customers.every((c) => lists.some((l) => l.id === c.price_list_id))).toBe(true);
    const orders = await db().selectFrom('orders').select(['status', 'created_by']).execute();
    expect(orders).toHaveLength(first.orders);
    expect(orders.every((o) => o.created_by === 'demo')).toBe(true);
    const statuses = new Set(orders.map((o) => o.status));
    expect(statuses).toContain('allocated');
    expect(statuses.has('backordered') || statuses.has('partially_allocated')).toBe(true);
    expect(statuses).toContain('on_hold');
    const sources = await db()
      .selectFrom('order_lines')
      .select('price_source')
      .distinct()
      .execute();
    expect(sources.map((s) => s.price_source)).toContain('customer');
    const reserved = await db()
      .selectFrom('stock_balances')
      .select(sql<number>`sum(allocated)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(reserved.n)).toBeGreaterThan(0);
  });

  it('does nothing when run again', async () => {
    const count = async () =>
      Promise.all(
        (
          [
            'skus',
            'locations',
            'lots',
            'stock_movements',
            'outbox_events',
            'settings',
            'price_list_prices',
            'customers',
            'customer_prices',
            'orders',
            'order_lines',
          ] as const
        ).map(async (table) => {
          const row = await db()
            .selectFrom(table)
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow();
          return Number(row.n);
        }),
      );
    const before = await count();
    const nothing = { skus: 0, warehouses: 0, locations: 0, movements: 0, customers: 0, orders: 0 };
    expect(await seedDemo(ctx, { seed: 11 })).toEqual(nothing);
    expect(await seedDemo(ctx)).toEqual(nothing);
    expect(await count()).toEqual(before);
  });
});
