import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_ORDER_STATUSES, ORDER_STATUSES } from '../../src/core/orders/order-status.js';
import { dialects } from '../support/databases.js';
import {
  TODAY,
  call,
  createCustomer,
  createSku,
  customerHeaders,
  line,
  placeOrderFor,
  receive,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';

/** More orders than any list page (500), spread over 20 days and every status. */
const BULK_ORDERS = 900;

async function insertBulkOrders(world: OrderWorld, customerId: number) {
  const rows = Array.from({ length: BULK_ORDERS }, (_, i) => {
    const day = new Date(Date.parse(`${TODAY}T00:00:00Z`) - (i % 20) * 86_400_000);
    const at = new Date(day.getTime() + (i % 23) * 3_600_000).toISOString();
    return {
      customer_id: customerId,
      customer_po: null,
      ship_to_id: null,
      requested_ship_date: null,
      status: ORDER_STATUSES[i % ORDER_STATUSES.length]!,
      hold_reason: null,
      warehouse_id: world.warehouse.id,
      priority: 5,
      currency: i % 7 === 0 ? 'EUR' : 'USD',
      total_minor: 1000 + i,
      source: 'api',
      notes: null,
      created_by: 'test:bulk',
      created_at: at,
      updated_at: at,
    };
  });
  await world.api.store.database.write(async (trx) => {
    for (let i = 0; i < rows.length; i += 100)
      await trx
        .insertInto('orders')
        .values(rows.slice(i, i + 100))
        .execute();
  });
}

/** The same figures, counted the plain way: every row read and counted here. */
async function countedByHand(world: OrderWorld) {
  const db = world.api.store.database.db;
  const orders = await db
    .selectFrom('orders')
    .select(['id', 'status', 'created_at', 'currency', 'total_minor'])
    .execute();
  const backlog = new Set<string>(OPEN_ORDER_STATUSES.filter((s) => s !== 'draft'));
  const lines = await db
    .selectFrom('order_lines')
    .select(['order_id', 'quantity_backordered'])
    .where('quantity_backordered', '>', 0)
    .execute();
  const statusOf = new Map(orders.map((o) => [o.id, o.status]));
  const backordered = lines.filter((l) => backlog.has(statusOf.get(l.order_id)!));
  const perDay = new Map<string, { orders: number; valueMinor: Record<string, number> }>();
  for (const o of orders) {
    if (o.status === 'cancelled') continue;
    const point = perDay.get(o.created_at.slice(0, 10)) ?? { orders: 0, valueMinor: {} };
    point.orders += 1;
    point.valueMinor[o.currency] = (point.valueMinor[o.currency] ?? 0) + o.total_minor;
    perDay.set(o.created_at.slice(0, 10), point);
  }
  return {
    openOrders: orders.filter((o) => backlog.has(o.status)).length,
    ordersInWaves: orders.filter((o) => o.status === 'released' || o.status === 'picked').length,
    backorderedLines: backordered.length,
    backorderedUnits: backordered.reduce((n, l) => n + l.quantity_backordered, 0),
    perDay,
  };
}

describe.each(dialects)('GET /dashboard counts over the whole database (%s)', (dialect) => {
  let world: OrderWorld;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
  });
  afterAll(() => world?.api.close());

  it('matches counts taken from the tables, past any page size', async () => {
    const shop = await createCustomer(world, 'DASH-1');
    // A lot that expires within 30 days, one far later, and a SKU sold out with 2 held.
    const fresh = await createSku(world);
    await receive(world, fresh, 5, { lotCode: 'SOON', expiryDate: '2026-03-20' });
    await receive(world, fresh, 5, { lotCode: 'LATER', expiryDate: '2026-12-01' });
    const scarce = await createSku(world, false);
    await receive(world, scarce, 2);
    await placeOrderFor(world, shop, [line(fresh, 3)]);
    await placeOrderFor(world, shop, [line(scarce, 5)]); // 2 allocated, 3 backordered
    await insertBulkOrders(world, shop);

    const response = await call(world.api, 'GET', '/dashboard', world.api.as('manager'));
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json();
    const expected = await countedByHand(world);

    expect(summary.today).toBe(TODAY);
    expect(summary.openOrders).toBe(expected.openOrders);
    expect(summary.openOrders).toBeGreaterThan(500);
    expect(summary.ordersInWaves).toBe(expected.ordersInWaves);
    expect(summary.backorderedLines).toBe(expected.backorderedLines);
    expect(summary.backorderedUnits).toBe(expected.backorderedUnits);
    expect(summary.backorderedUnits).toBeGreaterThanOrEqual(3);
    expect(summary.expiringLots).toBe(1);
    expect(summary.stockOuts).toBe(1);
    expect(summary.stockOutSkus).toEqual([
      expect.objectContaining({ skuId: scarce, available: 0, allocated: 2 }),
    ]);
    expect(summary.days).toHaveLength(14);
    for (const point of summary.days) {
      const byHand = expected.perDay.get(point.day) ?? { orders: 0, valueMinor: {} };
      expect(point, point.day).toEqual({ day: point.day, ...byHand });
    }
    expect(summary.days.at(-1).day).toBe(TODAY);
  });

  it('is for staff: a customer key is refused', async () => {
    const shop = await createCustomer(world, 'DASH-2');
    const response = await call(world.api, 'GET', '/dashboard', await customerHeaders(world, shop));
    expect(response.statusCode).toBe(403);
  });
});
