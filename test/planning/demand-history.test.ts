import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildDemandHistory } from '../../src/app/planning/demand-history.js';
import { demandSeries } from '../../src/app/planning/demand-series.js';
import { isoWeekLabel, isoWeekStart } from '../../src/app/planning/planning-calendar.js';
import { dialects } from '../support/databases.js';
import { insertWarehouse } from '../support/fixtures.js';
import {
  call,
  createCustomer,
  createSku,
  placeOrderFor,
  receive,
  startOrderWorld,
  TODAY,
  line,
  type OrderWorld,
} from '../orders/order-fixtures.js';

const YESTERDAY = '2026-03-01';

/**
 * A hand-built day of orders: stocked SKU A (partly cancelled, one order dated yesterday),
 * SKU B ordered with no stock (backordered → censored, attributed to the customer's
 * preferred warehouse), SKU C stocked then written off to zero (censored by the ledger), and an
 * order pinned to a second warehouse.
 */
describe.each(dialects)('demand history (%s)', (dialect) => {
  let world: OrderWorld;
  let skuA: number;
  let skuB: number;
  let skuC: number;
  let north: number;

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    const db = world.api.store.database;
    north = (await insertWarehouse(db, 'NORTH', 1)).id;
    skuA = await createSku(world, false);
    skuB = await createSku(world, false);
    skuC = await createSku(world, false);
    await receive(world, skuA, 50);
    await receive(world, skuC, 6);
    const writeOff = await call(
      world.api,
      'POST',
      '/stock/adjustments',
      world.api.as('warehouse'),
      {
        skuId: skuC,
        locationId: world.pickFace,
        delta: -6,
        reasonCode: 'damaged',
      },
    );
    expect(writeOff.statusCode, writeOff.body).toBe(201);

    const shop = await createCustomer(world, 'C-1');
    const other = await createCustomer(world, 'C-2');
    await db.write((trx) =>
      trx
        .updateTable('customers')
        .set({ preferred_warehouse_id: world.warehouse.id })
        .where('id', '=', shop)
        .execute(),
    );
    await placeOrderFor(world, shop, [line(skuA, 7), line(skuB, 5)]);
    const cancelled = await placeOrderFor(world, shop, [line(skuA, 3)]);
    const cancel = await call(
      world.api,
      'POST',
      `/orders/${cancelled.id}/cancel`,
      world.api.as('sales'),
      {},
    );
    expect(cancel.statusCode, cancel.body).toBe(200);
    const older = await placeOrderFor(world, shop, [line(skuA, 2)]);
    const pinned = await placeOrderFor(world, other, [line(skuB, 4)]);
    await db.write(async (trx) => {
      await trx
        .updateTable('orders')
        .set({ created_at: `${YESTERDAY}T09:00:00.000Z` })
        .where('id', '=', older.id)
        .execute();
      // Not allocated (no stock), no preferred warehouse: the order's own warehouse decides.
      await trx
        .updateTable('orders')
        .set({ warehouse_id: north })
        .where('id', '=', pinned.id)
        .execute();
    });
    await db.write((trx) => rebuildDemandHistory(trx, YESTERDAY, TODAY));
  });
  afterAll(() => world.api.close());

  const rows = () =>
    world.api.store.database.db
      .selectFrom('demand_daily')
      .selectAll()
      .orderBy('sku_id')
      .orderBy('warehouse_id')
      .orderBy('day')
      .execute();
  const find = async (skuId: number, warehouseId: number, day: string) =>
    (await rows()).find(
      (r) => r.sku_id === skuId && r.warehouse_id === warehouseId && r.day === day,
    );

  it('counts ordered units per day at the allocating warehouse, without cancelled quantity', async () => {
    const today = await find(skuA, world.warehouse.id, TODAY);
    expect(today).toMatchObject({ ordered_quantity: 7, order_lines: 1, censored: 0 });
    expect(await find(skuA, world.warehouse.id, YESTERDAY)).toMatchObject({
      ordered_quantity: 2,
      order_lines: 1,
    });
  });

  it('attributes unallocated lines to the order warehouse, else the customer preferred one, and censors backorders', async () => {
    expect(await find(skuB, world.warehouse.id, TODAY)).toMatchObject({
      ordered_quantity: 5,
      censored: 1,
    });
    expect(await find(skuB, north, TODAY)).toMatchObject({ ordered_quantity: 4, censored: 1 });
  });

  it('censors a day that ends with nothing on the sellable shelves, and no day before the first stock', async () => {
    expect(await find(skuC, world.warehouse.id, TODAY)).toMatchObject({
      ordered_quantity: 0,
      censored: 1,
    });
    expect(await find(skuC, world.warehouse.id, YESTERDAY)).toBeUndefined();
  });

  it('keeps the invariant: ordered per SKU equals open line quantity of non-cancelled orders', async () => {
    const all = await rows();
    const lines = await world.api.store.database.db
      .selectFrom('order_lines as ol')
      .innerJoin('orders as o', 'o.id', 'ol.order_id')
      .where('o.status', '<>', 'cancelled')
      .select(['ol.sku_id', 'ol.quantity_ordered', 'ol.quantity_cancelled'])
      .execute();
    for (const sku of [skuA, skuB, skuC]) {
      const expected = lines
        .filter((l) => l.sku_id === sku)
        .reduce((n, l) => n + l.quantity_ordered - l.quantity_cancelled, 0);
      expect(
        all.filter((r) => r.sku_id === sku).reduce((n, r) => n + Number(r.ordered_quantity), 0),
      ).toBe(expected);
    }
  });

  it('rebuilding the same range is idempotent', async () => {
    const before = await rows();
    await world.api.store.database.write((trx) => rebuildDemandHistory(trx, YESTERDAY, TODAY));
    expect(await rows()).toEqual(before);
  });

  it('serves a gap-free daily and ISO-weekly series with censored flags', async () => {
    const daily = await call(
      world.api,
      'GET',
      `/planning/demand?skuId=${skuB}&warehouseId=${world.warehouse.id}&period=day&from=2026-02-27&to=${TODAY}`,
      world.api.as('warehouse'),
    );
    expect(daily.statusCode, daily.body).toBe(200);
    const points = daily.json().points as {
      start: string;
      orderedQuantity: number;
      censored: boolean;
    }[];
    expect(points.map((p) => p.start)).toEqual(['2026-02-27', '2026-02-28', YESTERDAY, TODAY]);
    expect(points.at(-1)).toMatchObject({ orderedQuantity: 5, censored: true });
    const weekly = await call(
      world.api,
      'GET',
      `/planning/demand?skuId=${skuA}&period=week&from=2026-02-23&to=${TODAY}`,
      world.api.as('planner'),
    );
    expect(weekly.json().points).toMatchObject([
      { start: '2026-02-23', label: '2026-W09', orderedQuantity: 2 },
      { start: '2026-03-02', label: '2026-W10', orderedQuantity: 7 },
    ]);
  });

  // Found by the fuzz drill: 2026-02-30 passed the YYYY-MM-DD pattern and the day-by-day
  // series threw (500); a range of centuries would have built millions of points.
  it.each([
    ['2026-02-30', TODAY],
    ['2026-13-01', TODAY],
    [TODAY, YESTERDAY],
    ['1900-01-01', TODAY],
  ])('refuses the range %s to %s with 422', async (from, to) => {
    const response = await call(
      world.api,
      'GET',
      `/planning/demand?skuId=${skuA}&from=${from}&to=${to}`,
      world.api.as('planner'),
    );
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().code).toBe('PLANNING.INVALID_RANGE');
  });
});

describe('demand series (pure)', () => {
  it('ISO weeks start on Monday and sum their days', () => {
    expect(isoWeekStart('2026-03-01')).toBe('2026-02-23'); // a Sunday
    expect(isoWeekLabel('2021-01-03')).toBe('2020-W53');
    expect(isoWeekLabel('2026-01-01')).toBe('2026-W01');
    const series = demandSeries(
      [
        {
          day: '2026-02-24',
          orderedQuantity: 3,
          shippedQuantity: 1,
          orderLines: 1,
          censored: false,
        },
        {
          day: '2026-03-01',
          orderedQuantity: 4,
          shippedQuantity: 0,
          orderLines: 2,
          censored: true,
        },
      ],
      '2026-02-23',
      '2026-03-02',
      'week',
    );
    expect(series).toMatchObject([
      {
        start: '2026-02-23',
        orderedQuantity: 7,
        shippedQuantity: 1,
        orderLines: 3,
        censoredDays: 1,
        censored: true,
      },
      { start: '2026-03-02', orderedQuantity: 0, censored: false },
    ]);
  });
});
