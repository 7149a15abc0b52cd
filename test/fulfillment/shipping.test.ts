import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  expectLedgerSound,
  gtinsOf,
  onHandAt,
  pickedOrder,
  stockedSku,
  startFulfillmentWorld,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';
import { TODAY, call, createCustomer, line, orderDetail } from '../orders/order-fixtures.js';

describe.each(dialects)('shipping on %s', (dialect) => {
  let world: FulfillmentWorld;
  let skuId: number;
  let other: number;
  let gtin: string;
  let shop: number;
  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    const sku = await stockedSku(world, [[world.pickFace, 60]]);
    skuId = sku.skuId;
    gtin = gtinsOf(sku.n).each;
    other = (await stockedSku(world, [[world.pickFace, 60]])).skuId;
    shop = await createCustomer(world, 'SHIP-1');
    await world.api.store.database.write((trx) =>
      trx.updateTable('customers').set({ payment_terms_days: 45 }).where('id', '=', shop).execute(),
    );
  });
  afterAll(async () => world?.api.close());

  const post = (url: string, body?: unknown, headers = world.api.as('warehouse')) =>
    call(world.api, 'POST', url, headers, body);
  /** Opens a carton, packs `[skuId, eaches][]` into it and closes it; returns its id. */
  const packed = async (orderId: number, items: [number, number][]) => {
    const carton = (await post(`/orders/${orderId}/cartons`, {})).json() as { id: number };
    for (const [sku, quantity] of items) {
      const response = await post(`/cartons/${carton.id}/items`, { skuId: sku, quantity });
      expect(response.statusCode, response.body).toBe(200);
    }
    expect((await post(`/cartons/${carton.id}/close`)).statusCode).toBe(200);
    return carton.id;
  };
  const ship = (
    orderId: number,
    body: Record<string, unknown> = {},
    headers = world.api.as('warehouse'),
  ) =>
    post(`/orders/${orderId}/ship`, { carrierCode: 'TABLE', service: 'ground', ...body }, headers);
  const db = () => world.api.store.database.db;

  it('ships closed cartons: STAGING → CUSTOMER, lines shipped, shipment, invoice due after terms', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 2, 'case'), line(other, 3)]);
    const carton = await packed(orderId, [
      [skuId, 8],
      [other, 3],
    ]);
    const staging = world.warehouse.place.staging!;
    expect(await onHandAt(world, staging, skuId)).toBe(8);
    const response = await ship(orderId);
    expect(response.statusCode, response.body).toBe(201);
    const shipped = response.json();
    // Columbus 43004 → Columbus 43215: zone 1; 11 × 2050 g = 22.55 kg → the ≤ 31.5 kg band.
    expect(shipped).toMatchObject({
      orderId,
      orderStatus: 'shipped',
      carrierCode: 'TABLE',
      costMinor: 2250,
      cartonIds: [carton],
      promisedDate: '2026-03-05',
      invoice: { totalMinor: 2 * 1800 + 3 * 500, dueDate: '2026-04-16', currency: 'USD' },
    });
    expect(shipped.trackingNumbers).toHaveLength(1);
    expect(shipped.trackingNumbers[0]).toMatch(/^TR\d{12}$/);
    const movements = await db()
      .selectFrom('stock_movements')
      .selectAll()
      .where('reference', '=', `shipment:${shipped.shipmentId}`)
      .orderBy('sku_id')
      .execute();
    expect(
      movements.map((m) => [m.sku_id, m.quantity, m.type, m.from_location_id, m.to_location_id]),
    ).toEqual([
      [skuId, 8, 'ship', staging, world.warehouse.place.customer],
      [other, 3, 'ship', staging, world.warehouse.place.customer],
    ]);
    expect(await onHandAt(world, staging, skuId)).toBe(0);
    const lines = await db()
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('line_number')
      .execute();
    expect(lines.map((l) => l.quantity_shipped)).toEqual([8, 3]);
    const invoiceLines = await db()
      .selectFrom('invoice_lines')
      .select(['order_line_id', 'quantity', 'unit_price_minor', 'amount_minor'])
      .where('invoice_id', '=', shipped.invoice.id)
      .orderBy('order_line_id')
      .execute();
    expect(invoiceLines).toEqual([
      { order_line_id: lines[0]!.id, quantity: 8, unit_price_minor: 1800, amount_minor: 3600 },
      { order_line_id: lines[1]!.id, quantity: 3, unit_price_minor: 500, amount_minor: 1500 },
    ]);
    const invoice = await db()
      .selectFrom('invoices')
      .selectAll()
      .where('id', '=', shipped.invoice.id)
      .executeTakeFirstOrThrow();
    expect(invoice).toMatchObject({
      customer_id: shop,
      order_id: orderId,
      status: 'open',
      due_date: '2026-04-16',
      total_minor: 5100,
    });
    const cartonRow = await db()
      .selectFrom('cartons')
      .selectAll()
      .where('id', '=', carton)
      .executeTakeFirstOrThrow();
    expect(cartonRow).toMatchObject({ status: 'shipped', shipment_id: shipped.shipmentId });
    const order = await orderDetail(world, orderId);
    expect(order.status).toBe('shipped');
    expect(order.timeline.map((e) => e.type)).toContain('shipped');
    const events = await db()
      .selectFrom('outbox_events')
      .select('type')
      .where('type', 'in', ['shipment.created', 'invoice.issued', 'order.shipped'])
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(3);
    await expectLedgerSound(world);
  });

  it('ships part of an order, then the rest; the invoices add up to the order', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 5), line(other, 2)]);
    const first = await packed(orderId, [[skuId, 3]]);
    const rest = await packed(orderId, [
      [skuId, 2],
      [other, 2],
    ]);
    const part = await ship(orderId, { cartonIds: [first] });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json()).toMatchObject({
      orderStatus: 'partially_shipped',
      invoice: { totalMinor: 1500 },
    });
    await expectLedgerSound(world);
    const again = await ship(orderId, { cartonIds: [first] });
    expect(again.json().code).toBe('SHIP.CARTON_NOT_CLOSED');
    const remainder = await ship(orderId);
    expect(remainder.statusCode, remainder.body).toBe(201);
    expect(remainder.json()).toMatchObject({
      orderStatus: 'shipped',
      cartonIds: [rest],
      invoice: { totalMinor: 2000 },
    });
    const order = await orderDetail(world, orderId);
    const invoices = await db()
      .selectFrom('invoices')
      .select('total_minor')
      .where('order_id', '=', orderId)
      .execute();
    expect(invoices.reduce((n, i) => n + i.total_minor, 0)).toBe(order.totalMinor);
    expect((await ship(orderId)).json().code).toBe('SHIP.NO_CARTONS');
    await expectLedgerSound(world);
  });

  it("holds a ship-complete customer's order until everything ordered is in the cartons", async () => {
    const complete = await createCustomer(world, 'SHIP-SC', { shipComplete: true });
    const { orderId } = await pickedOrder(world, complete, [line(skuId, 4), line(other, 2)]);
    await packed(orderId, [[skuId, 4]]);
    const before = await db().selectFrom('stock_movements').select('id').execute();
    const refused = await ship(orderId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'SHIP.INCOMPLETE', unitsLeft: 2 });
    expect(await db().selectFrom('stock_movements').select('id').execute()).toEqual(before);
    expect(
      await db().selectFrom('shipments').select('id').where('order_id', '=', orderId).execute(),
    ).toEqual([]);
    expect((await orderDetail(world, orderId)).status).toBe('picked');
    await packed(orderId, [[other, 2]]);
    expect((await orderDetail(world, orderId)).status).toBe('packed');
    const shipped = await ship(orderId);
    expect(shipped.statusCode, shipped.body).toBe(201);
    expect(shipped.json().orderStatus).toBe('shipped');
    await expectLedgerSound(world);
  });

  it('ships by LTL with one PRO number, and by customer pickup at no cost and without tracking', async () => {
    const freight = await pickedOrder(world, shop, [line(skuId, 4)]);
    await packed(freight.orderId, [[skuId, 4]]);
    const ltl = await ship(freight.orderId, { service: 'ltl' });
    expect(ltl.statusCode, ltl.body).toBe(201);
    expect(ltl.json().costMinor).toBe(9500);
    expect(ltl.json().trackingNumbers).toEqual([expect.stringMatching(/^PRO\d{12}$/)]);
    const pickup = await pickedOrder(world, shop, [line(other, 1)]);
    await packed(pickup.orderId, [[other, 1]]);
    const collected = await ship(pickup.orderId, { carrierCode: 'PICKUP', service: 'will_call' });
    expect(collected.statusCode, collected.body).toBe(201);
    expect(collected.json()).toMatchObject({
      costMinor: 0,
      trackingNumbers: [],
      promisedDate: TODAY,
    });
  });

  it('refuses unknown carriers and services, open cartons and other roles; replays an idempotent ship', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 2)]);
    const carton = await packed(orderId, [[skuId, 1]]);
    const open = (await post(`/orders/${orderId}/cartons`, {})).json().id as number;
    await post(`/cartons/${open}/items`, { scan: gtin });
    expect((await ship(orderId, { carrierCode: 'NOPE' })).statusCode).toBe(404);
    expect((await ship(orderId, { service: 'teleport' })).json().code).toBe(
      'CARRIER.UNKNOWN_SERVICE',
    );
    expect((await ship(orderId, { cartonIds: [open] })).json().code).toBe('SHIP.CARTON_NOT_CLOSED');
    expect((await ship(orderId, { cartonIds: [999_999] })).statusCode).toBe(404);
    expect((await ship(orderId, {}, world.api.as('sales'))).statusCode).toBe(403);
    const headers = { ...world.api.as('warehouse'), 'idempotency-key': `ship-${orderId}` };
    const first = await ship(orderId, { cartonIds: [carton] }, headers);
    expect(first.statusCode, first.body).toBe(201);
    const replay = await ship(orderId, { cartonIds: [carton] }, headers);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().shipmentId).toBe(first.json().shipmentId);
    expect(
      await db().selectFrom('shipments').select('id').where('order_id', '=', orderId).execute(),
    ).toHaveLength(1);
    await expectLedgerSound(world);
  });
});
