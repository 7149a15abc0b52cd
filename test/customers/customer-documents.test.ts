import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { insertOrder } from '../kpis/kpi-fixtures.js';
import {
  TODAY,
  call,
  createCustomer,
  customerHeaders,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';

/** An order, its shipment (two parcels) and its invoice for `customerId`, straight in the tables. */
async function shippedOrderOf(world: OrderWorld, customerId: number, tracking: string) {
  const at = `${TODAY}T10:00:00.000Z`;
  return world.api.store.database.write(async (trx) => {
    const order = { id: (await insertOrder(trx, customerId, world.warehouse.id, at, [])).orderId };
    await trx
      .insertInto('shipments')
      .values({
        order_id: order.id,
        warehouse_id: world.warehouse.id,
        carrier_code: 'TABLE',
        service: 'ground',
        tracking_number: `${tracking}1,${tracking}2`,
        cost_minor: 900,
        status: 'shipped',
        shipped_at: at,
        promised_date: TODAY,
        delivered_at: null,
        pod_name: null,
        pod_note: null,
      })
      .execute();
    await trx
      .insertInto('invoices')
      .values({
        customer_id: customerId,
        order_id: order.id,
        currency: 'USD',
        total_minor: 2500,
        paid_minor: 1000,
        status: 'open',
        issued_at: at,
        due_date: '2026-04-01',
      })
      .execute();
    return order.id;
  });
}

describe.each(dialects)('invoices and shipments across orders (%s)', (dialect) => {
  let world: OrderWorld;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
  });
  afterAll(() => world?.api.close());

  it("a customer key reads its own invoices and tracked shipments only; staff read all or one customer's", async () => {
    const mine = await createCustomer(world, 'DOC-1');
    const theirs = await createCustomer(world, 'DOC-2');
    const myOrder = await shippedOrderOf(world, mine, 'TRA');
    await shippedOrderOf(world, theirs, 'TRB');
    const me = await customerHeaders(world, mine);

    // Asking for the other account changes nothing for a customer key.
    const invoices = await call(world.api, 'GET', `/invoices?customerId=${theirs}`, me);
    expect(invoices.statusCode, invoices.body).toBe(200);
    expect(invoices.json().items).toEqual([
      expect.objectContaining({
        customerId: mine,
        orderId: myOrder,
        totalMinor: 2500,
        openMinor: 1500,
      }),
    ]);
    const shipments = await call(world.api, 'GET', '/shipments', me);
    expect(shipments.statusCode, shipments.body).toBe(200);
    expect(shipments.json().items).toEqual([
      expect.objectContaining({ orderId: myOrder, trackingNumbers: ['TRA1', 'TRA2'] }),
    ]);

    const all = await call(world.api, 'GET', '/shipments?limit=1', world.api.as('sales'));
    expect(all.json().items).toHaveLength(1);
    const next = await call(
      world.api,
      'GET',
      `/shipments?limit=1&cursor=${all.json().nextCursor as string}`,
      world.api.as('sales'),
    );
    expect(
      [...all.json().items, ...next.json().items]
        .map((s: { customerId: number }) => s.customerId)
        .sort(),
    ).toEqual([mine, theirs].sort());
    const one = await call(
      world.api,
      'GET',
      `/invoices?customerId=${theirs}`,
      world.api.as('manager'),
    );
    expect(one.json().items.map((i: { customerId: number }) => i.customerId)).toEqual([theirs]);
  });
});
