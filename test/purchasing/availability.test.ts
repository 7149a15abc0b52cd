import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createCustomer,
  createSku,
  line,
  placeOrderFor,
  receive,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';
import { businessDay } from '../../src/core/shared/business-day.js';
import { dialects } from '../support/databases.js';
import { insertWarehouse } from '../support/fixtures.js';
import {
  createDraftPurchaseOrder,
  createSentPurchaseOrder,
  createSupplier,
} from './purchasing-fixtures.js';
import { bookPoReceipt, poLineIds } from './receipt-fixtures.js';

interface Availability {
  onHand: number;
  allocated: number;
  available: number;
  backordered: number;
  incoming: { date: string | null; quantity: number; purchaseOrders: string[] }[];
  atp: { date: string; incoming: number; atp: number }[];
}

describe.each(dialects)('availability to promise with open POs (%s)', (dialect) => {
  let world: OrderWorld;
  let skuId: number;

  beforeAll(async () => {
    world = await startOrderWorld(dialect); // today is 2026-03-02
    skuId = await createSku(world, false);
    const supplierId = await createSupplier(world.api);
    const warehouseId = world.warehouse.id;
    const po = (quantity: number, expectedDate: string, lineDate?: string) => ({
      supplierId,
      warehouseId,
      expectedDate,
      lines: [{ skuId, quantity, ...(lineDate ? { expectedDate: lineDate } : {}) }],
    });

    // 50 on the shelf; a retailer orders 70: 50 allocated, 20 backordered.
    await receive(world, skuId, 50);
    const customerId = await createCustomer(world, 'PETS-001');
    await placeOrderFor(world, customerId, [line(skuId, 70)]);

    await createSentPurchaseOrder(world.api, po(5, '2026-02-25')); // late: counts today
    await createSentPurchaseOrder(world.api, po(30, '2026-03-10'));
    // Due on the 20th but this line on the 25th; 10 of 40 already arrived (in RECEIVING).
    const partial = await createSentPurchaseOrder(world.api, po(40, '2026-03-20', '2026-03-25'));
    const [partialLine] = await poLineIds(world.api.store.database, partial.id);
    await bookPoReceipt(world.api.store.database, partialLine!, 10, '2026-03-02T09:00:00.000Z');
    await createSentPurchaseOrder(world.api, po(25, '2026-04-20')); // beyond a 30-day horizon
    // Not incoming: a draft the supplier has not seen, a cancelled PO, another warehouse.
    await createDraftPurchaseOrder(world.api, po(100, '2026-03-05'));
    const cancelled = await createSentPurchaseOrder(world.api, po(60, '2026-03-06'));
    const cancel = await call(
      world.api,
      'POST',
      `/purchase-orders/${cancelled.id}/cancel`,
      world.api.as('planner'),
      {},
    );
    expect(cancel.statusCode).toBe(200);
    const east = await insertWarehouse(world.api.store.database, 'EAST');
    await createSentPurchaseOrder(world.api, { ...po(70, '2026-03-04'), warehouseId: east.id });
  });
  afterAll(() => world.api.close());

  const availability = async (days = 30) => {
    const response = await call(
      world.api,
      'GET',
      `/skus/${skuId}/atp?warehouseId=${world.warehouse.id}&days=${days}`,
      world.api.as('sales'),
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Availability;
  };

  it('reports stock, open PO quantity by date, backorders and the ATP series', async () => {
    const a = await availability();
    // On hand counts the 10 in RECEIVING; only shelves are available, and all 50 are held.
    expect(a).toMatchObject({ onHand: 60, allocated: 50, available: 0, backordered: 20 });
    expect(a.incoming.map((i) => [i.date, i.quantity])).toEqual([
      ['2026-02-25', 5],
      ['2026-03-10', 30],
      ['2026-03-25', 30],
      ['2026-04-20', 25],
    ]);
    // ATP = available + incoming up to the date − backorders: 0 + 5 − 20, then +30, then +30.
    expect(a.atp).toEqual([
      { date: '2026-03-02', incoming: 5, atp: -15 },
      { date: '2026-03-10', incoming: 30, atp: 15 },
      { date: '2026-03-25', incoming: 30, atp: 45 },
    ]);
  });

  it('ends the series at available + incoming in the horizon − backorders, for any horizon', async () => {
    for (const days of [1, 9, 23, 24, 60]) {
      const a = await availability(days);
      const end = new Date(Date.parse('2026-03-02T00:00:00Z') + days * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const inHorizon = a.incoming
        .filter((i) => i.date !== null && i.date < end)
        .reduce((n, i) => n + i.quantity, 0);
      expect(a.atp.at(-1)!.atp, `days=${days}`).toBe(a.available + inHorizon - a.backordered);
    }
  });

  it('answers 404 for an unknown warehouse and 400 without one', async () => {
    const unknown = await call(
      world.api,
      'GET',
      `/skus/${skuId}/atp?warehouseId=999999`,
      world.api.as('sales'),
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('PURCHASING.WAREHOUSE_NOT_FOUND');
    const missing = await call(world.api, 'GET', `/skus/${skuId}/atp`, world.api.as('sales'));
    expect(missing.statusCode).toBe(400);
  });
});

describe('the warehouse day', () => {
  it('is the calendar day in the warehouse time zone', () => {
    const lateEvening = new Date('2026-03-02T03:30:00Z'); // 22:30 on the 1st in Columbus
    expect(businessDay(lateEvening, 'America/New_York')).toBe('2026-03-01');
    expect(businessDay(lateEvening, 'UTC')).toBe('2026-03-02');
    expect(businessDay(lateEvening, 'Europe/Berlin')).toBe('2026-03-02');
  });
});
