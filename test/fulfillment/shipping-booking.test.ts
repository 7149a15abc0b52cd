import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCarriers } from '../../src/adapters/carriers/carrier-registry.js';
import { bookStalledShipments } from '../../src/app/jobs/stalled-bookings.js';
import { shipOrder } from '../../src/app/fulfillment/shipping/ship-order.js';
import { dialects } from '../support/databases.js';
import { call, createCustomer, line, orderDetail, postOrder } from '../orders/order-fixtures.js';
import { easyPostStandIn } from './easypost-stand-in.js';
import {
  expectLedgerSound,
  pickedOrder,
  stockedSku,
  startFulfillmentWorld,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';

/**
 * Issue 18, item 7: the carrier is booked outside the database transaction. The EASYPOST
 * carrier is pointed at a local stand-in that can be slow, refuse, or lose its answers.
 */
describe.each(dialects)('carrier booking outside the transaction on %s', (dialect) => {
  const standIn = easyPostStandIn();
  let world: FulfillmentWorld;
  let skuId: number;
  let shop: number;
  const saved: NodeJS.ProcessEnv = {};
  beforeAll(async () => {
    const env = await standIn.start();
    // The shipping routes take their carriers from the environment when the server is built.
    for (const [name, value] of Object.entries(env)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    world = await startFulfillmentWorld(dialect);
    for (const name of Object.keys(env)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    skuId = (await stockedSku(world, [[world.pickFace, 200]])).skuId;
    shop = await createCustomer(world, 'BOOK-1');
  });
  afterAll(async () => {
    await world?.api.close();
    await standIn.close();
  });

  const as = () => world.api.as('warehouse');
  const post = (url: string, body?: unknown) => call(world.api, 'POST', url, as(), body);
  const db = () => world.api.store.database.db;
  /** A picked order of `cartons` closed cartons of 2 units each. */
  const packedOrder = async (cartons: number) => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 2 * cartons)]);
    for (let i = 0; i < cartons; i++) {
      const carton = (await post(`/orders/${orderId}/cartons`, {})).json() as { id: number };
      expect((await post(`/cartons/${carton.id}/items`, { skuId, quantity: 2 })).statusCode).toBe(
        200,
      );
      expect((await post(`/cartons/${carton.id}/close`)).statusCode).toBe(200);
    }
    return orderId;
  };
  const ship = (orderId: number) =>
    post(`/orders/${orderId}/ship`, { carrierCode: 'EASYPOST', service: 'UPS-Ground' });
  const shipmentRow = (id: number) =>
    db()
      .selectFrom('shipments')
      .select(['status', 'booking_attempts'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  /** Units the ledger moved out to the customer for a shipment. */
  const shippedUnits = async (shipmentId: number) => {
    const rows = await db()
      .selectFrom('stock_movements')
      .select(['quantity', 'type'])
      .where('reference', '=', `shipment:${shipmentId}`)
      .execute();
    expect(rows.every((r) => r.type === 'ship')).toBe(true);
    return rows.reduce((n, r) => n + Number(r.quantity), 0);
  };

  it('holds no transaction while a slow carrier answers: an order placed meanwhile commits first', async () => {
    const orderId = await packedOrder(1);
    standIn.faults.buyDelayMs = 1500;
    const buying = standIn.nextBuy();
    const shipping = ship(orderId);
    await buying;
    // The carrier is answering the buy now; an order placed meanwhile must not wait for it.
    const answered = standIn.buysAnswered();
    const placed = await postOrder(world, world.api.as('sales'), {
      customerId: shop,
      lines: [line(skuId, 1)],
    });
    const answeredWhenPlaced = standIn.buysAnswered();
    standIn.faults.buyDelayMs = 0;
    expect(placed.statusCode, placed.body).toBe(201);
    expect(answeredWhenPlaced).toBe(answered);
    const shipped = await shipping;
    expect(shipped.statusCode, shipped.body).toBe(201);
    expect(shipped.json()).toMatchObject({
      shipmentStatus: 'shipped',
      costMinor: 815,
      trackingNumbers: [expect.stringMatching(/^1Z000\d+$/)],
    });
  });

  it('leaves a refused booking booking_failed, on the order too; a retry ships it once', async () => {
    const orderId = await packedOrder(2);
    standIn.faults.refuseBuys = 1;
    const sold = standIn.labelsSold();
    const refused = await ship(orderId);
    expect(refused.statusCode, refused.body).toBe(201);
    const shipmentId = refused.json().shipmentId as number;
    expect(refused.json()).toMatchObject({
      shipmentStatus: 'booking_failed',
      trackingNumbers: [],
      bookingError: { code: 'CARRIER.REFUSED' },
    });
    const failed = (await call(world.api, 'GET', `/shipments/${shipmentId}`, as())).json();
    expect(failed).toMatchObject({
      status: 'booking_failed',
      bookingError: { code: 'CARRIER.REFUSED' },
    });
    const timeline = (await orderDetail(world, orderId)).timeline.map((e) => e.type);
    expect(timeline).toContain('booking_failed');
    // The goods left once, whatever the carrier said.
    expect(await shippedUnits(shipmentId)).toBe(4);

    const retried = await post(`/shipments/${shipmentId}/retry-booking`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'shipped', claimed: true, bookingError: null });
    expect(retried.json().trackingNumbers).toHaveLength(2);
    const again = await post(`/shipments/${shipmentId}/retry-booking`);
    expect(again.json()).toMatchObject({ status: 'shipped', claimed: false });
    expect(again.json().trackingNumbers).toEqual(retried.json().trackingNumbers);
    expect(standIn.labelsSold() - sold).toBe(2);
    expect(await shippedUnits(shipmentId)).toBe(4);
    expect((await orderDetail(world, orderId)).timeline.map((e) => e.type)).toContain(
      'shipment_booked',
    );
    await expectLedgerSound(world);
  });

  it('reuses a label bought whose answer was lost instead of buying a second one', async () => {
    const orderId = await packedOrder(1);
    standIn.faults.loseBuyAnswers = 1;
    const sold = standIn.labelsSold();
    const lost = await ship(orderId);
    expect(lost.json()).toMatchObject({ shipmentStatus: 'booking_failed' });
    const shipmentId = lost.json().shipmentId as number;
    const reference = await db()
      .selectFrom('shipments')
      .select('carrier_reference')
      .where('id', '=', shipmentId)
      .executeTakeFirstOrThrow();
    expect(reference.carrier_reference).toMatch(/^shp_\d+$/);
    const retried = await post(`/shipments/${shipmentId}/retry-booking`);
    expect(retried.json()).toMatchObject({ status: 'shipped' });
    expect(retried.json().trackingNumbers).toEqual([
      `1Z000${reference.carrier_reference!.slice(4)}`,
    ]);
    expect(standIn.labelsSold() - sold).toBe(1);
    expect(await shippedUnits(shipmentId)).toBe(2);
  });

  it('refuses a retry of an unknown shipment and a delivery before the booking is confirmed', async () => {
    expect((await post('/shipments/999999/retry-booking')).statusCode).toBe(404);
    const orderId = await packedOrder(1);
    standIn.faults.refuseBuys = 1;
    const refused = await ship(orderId);
    const shipmentId = refused.json().shipmentId as number;
    const delivered = await post(`/shipments/${shipmentId}/delivery`, {
      deliveredAt: '2026-03-04T10:00:00Z',
    });
    expect(delivered.statusCode).toBe(409);
    expect(delivered.json().code).toBe('SHIPMENT.ILLEGAL_TRANSITION');
  });

  it('books a shipment a stopped process left reserved, once, whichever process gets it', async () => {
    const orderId = await packedOrder(1);
    const reservedAt = new Date();
    const warehouse = {
      id: 'test:dock',
      role: 'warehouse' as const,
      customerId: null,
      apiKeyId: 0,
    };
    // The reservation committed and the process stopped before it asked the carrier.
    const reserved = await world.api.store.database.write((trx) =>
      shipOrder(
        trx,
        orderId,
        { carrierCode: 'TABLE', service: 'ground' },
        defaultCarriers({}),
        warehouse,
        reservedAt,
      ),
    );
    const at = (ms: number) => ({
      ...world.api.ctx,
      now: () => new Date(reservedAt.getTime() + ms),
    });
    const carriers = defaultCarriers({});
    expect(await bookStalledShipments(at(60_000), carriers)).toBe(0);
    expect(await shipmentRow(reserved.shipmentId)).toMatchObject({ status: 'booking' });
    const twoProcesses = await Promise.all([
      bookStalledShipments(at(180_000), carriers),
      bookStalledShipments(at(180_000), carriers),
    ]);
    expect(twoProcesses.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await shipmentRow(reserved.shipmentId)).toMatchObject({
      status: 'shipped',
      booking_attempts: 2,
    });
    const created = await db()
      .selectFrom('outbox_events')
      .select('id')
      .where('type', '=', 'shipment.created')
      .where('aggregate_id', '=', String(reserved.shipmentId))
      .execute();
    expect(created).toHaveLength(1);
    expect(await shippedUnits(reserved.shipmentId)).toBe(2);
  });
});
