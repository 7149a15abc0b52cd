import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  expectLedgerSound,
  pickedOrder,
  stockedSku,
  startFulfillmentWorld,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';
import { call, createCustomer, line, orderDetail } from '../orders/order-fixtures.js';

/** TODAY (2026-03-02) is a Monday: ground (3 working days) from it is promised for Thursday. */
const REQUESTED = '2026-03-02';
const PROMISED = '2026-03-05';

describe.each(dialects)('delivery on %s', (dialect) => {
  let world: FulfillmentWorld;
  let skuId: number;
  let shop: number;
  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    skuId = (await stockedSku(world, [[world.pickFace, 50]])).skuId;
    shop = await createCustomer(world, 'DLV-1');
  });
  afterAll(async () => world?.api.close());

  const post = (
    url: string,
    body?: unknown,
    role: 'warehouse' | 'manager' | 'sales' = 'warehouse',
  ) => call(world.api, 'POST', url, world.api.as(role), body);
  const packAndShip = async (orderId: number, quantity: number) => {
    const carton = (await post(`/orders/${orderId}/cartons`, {})).json().id as number;
    expect((await post(`/cartons/${carton}/items`, { skuId, quantity })).statusCode).toBe(200);
    expect((await post(`/cartons/${carton}/close`)).statusCode).toBe(200);
    const shipped = await post(`/orders/${orderId}/ship`, {
      carrierCode: 'TABLE',
      service: 'ground',
    });
    expect(shipped.statusCode, shipped.body).toBe(201);
    return shipped.json() as { shipmentId: number; promisedDate: string; orderStatus: string };
  };
  const deliver = (
    shipmentId: number,
    deliveredAt: string,
    role: 'warehouse' | 'manager' | 'sales' = 'manager',
  ) =>
    post(
      `/shipments/${shipmentId}/delivery`,
      { deliveredAt, podName: 'J. Doe', podNote: 'Left at dock 2' },
      role,
    );

  it('marks a delivery on the promised date on time, and the order delivered', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 2)], {
      requestedShipDate: REQUESTED,
    });
    const shipment = await packAndShip(orderId, 2);
    expect(shipment.promisedDate).toBe(PROMISED);
    expect((await deliver(shipment.shipmentId, `${PROMISED}T16:00:00Z`, 'sales')).statusCode).toBe(
      403,
    );
    const delivered = await deliver(shipment.shipmentId, `${PROMISED}T16:00:00Z`);
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json()).toMatchObject({
      status: 'delivered',
      onTime: true,
      podName: 'J. Doe',
      podNote: 'Left at dock 2',
      orderStatus: 'delivered',
    });
    expect((await orderDetail(world, orderId)).status).toBe('delivered');
    const again = await deliver(shipment.shipmentId, `${PROMISED}T17:00:00Z`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SHIPMENT.ILLEGAL_TRANSITION');
    await expectLedgerSound(world);
  });

  it('marks a delivery after the promised date late', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 1)], {
      requestedShipDate: REQUESTED,
    });
    const shipment = await packAndShip(orderId, 1);
    const delivered = await deliver(shipment.shipmentId, '2026-03-06T09:00:00Z', 'warehouse');
    expect(delivered.json()).toMatchObject({
      onTime: false,
      deliveredAt: '2026-03-06T09:00:00.000Z',
    });
  });

  it('delivers the order only once it is fully shipped and every shipment has arrived', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 5)]);
    const first = await packAndShip(orderId, 3);
    expect(first.orderStatus).toBe('partially_shipped');
    expect((await deliver(first.shipmentId, '2026-03-04T10:00:00Z')).json().orderStatus).toBe(
      'partially_shipped',
    );
    const second = await packAndShip(orderId, 2);
    expect(second.orderStatus).toBe('shipped');
    const shipments = await call(
      world.api,
      'GET',
      `/orders/${orderId}/shipments`,
      world.api.as('sales'),
    );
    expect(shipments.statusCode, shipments.body).toBe(200);
    expect(shipments.json().map((s: { status: string }) => s.status)).toEqual([
      'delivered',
      'shipped',
    ]);
    expect((await orderDetail(world, orderId)).status).toBe('shipped');
    expect((await deliver(second.shipmentId, '2026-03-05T10:00:00Z')).json().orderStatus).toBe(
      'delivered',
    );
    expect((await orderDetail(world, orderId)).timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['partially_shipped', 'shipment_delivered', 'shipped', 'delivered']),
    );
    expect((await deliver(999_999, '2026-03-05T10:00:00Z')).statusCode).toBe(404);
    await expectLedgerSound(world);
  });
});
