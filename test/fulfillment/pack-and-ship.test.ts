import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  expectLedgerSound,
  onHandAt,
  pickedOrder,
  stockedSku,
  startFulfillmentWorld,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';
import { call, createCustomer, line, orderDetail } from '../orders/order-fixtures.js';

/** The pack-and-ship station: one command packs what was picked into one carton and ships it. */
describe.each(dialects)('pack and ship in one command on %s', (dialect) => {
  let world: FulfillmentWorld;
  let skuId: number;
  let other: number;
  let shop: number;
  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    skuId = (await stockedSku(world, [[world.pickFace, 60]])).skuId;
    other = (await stockedSku(world, [[world.pickFace, 60]])).skuId;
    shop = await createCustomer(world, 'PAS-1');
  });
  afterAll(async () => world?.api.close());

  const post = (url: string, body?: unknown, headers = world.api.as('warehouse')) =>
    call(world.api, 'POST', url, headers, body);
  const packAndShip = (orderId: number, body: Record<string, unknown> = {}) =>
    post(`/orders/${orderId}/pack-and-ship`, { carrierCode: 'TABLE', service: 'ground', ...body });
  const db = () => world.api.store.database.db;
  const timeline = async (orderId: number) =>
    (
      await db()
        .selectFrom('order_events')
        .select('type')
        .where('order_id', '=', orderId)
        .orderBy('id')
        .execute()
    ).map((e) => e.type);

  it('packs every picked unit into one carton, ships it, and moves the order picked → shipped', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 3), line(other, 2)]);
    const staging = world.warehouse.place.staging!;
    const stagedBefore = await onHandAt(world, staging, skuId);
    const response = await packAndShip(orderId);
    expect(response.statusCode, response.body).toBe(201);
    const answer = response.json();
    expect(answer).toMatchObject({
      orderId,
      orderStatus: 'shipped',
      shipmentStatus: 'shipped',
      cartonIds: [answer.packedCartonId],
    });
    expect(answer.sscc).toMatch(/^\d{18}$/);
    expect(answer.trackingNumbers).toHaveLength(1);
    const carton = await db()
      .selectFrom('cartons')
      .selectAll()
      .where('id', '=', answer.packedCartonId)
      .executeTakeFirstOrThrow();
    expect(carton).toMatchObject({ status: 'shipped', shipment_id: answer.shipmentId });
    const contents = await db()
      .selectFrom('carton_contents')
      .select(['sku_id', 'quantity'])
      .where('carton_id', '=', carton.id)
      .orderBy('sku_id')
      .execute();
    expect(contents.map((c) => [c.sku_id, Number(c.quantity)])).toEqual([
      [skuId, 3],
      [other, 2],
    ]);
    expect(await onHandAt(world, staging, skuId)).toBe(stagedBefore - 3);
    const order = await orderDetail(world, orderId);
    expect(order.status).toBe('shipped');
    // One command, one timeline write: the carton, packed and shipped, in that order.
    expect((await timeline(orderId)).slice(-4)).toEqual([
      'carton_opened',
      'carton_closed',
      'packed',
      'shipped',
    ]);
    const outbox = await db()
      .selectFrom('outbox_events')
      .select('type')
      .where('aggregate_type', '=', 'order')
      .where('aggregate_id', '=', String(orderId))
      .orderBy('id')
      .execute();
    expect(outbox.map((e) => e.type).slice(-4)).toEqual([
      'order.carton_opened',
      'order.carton_closed',
      'order.packed',
      'order.shipped',
    ]);
    expect((await packAndShip(orderId)).json().code).toBe('PACK.ORDER_NOT_PACKABLE');
    await expectLedgerSound(world);
  });

  it('ships a carton packed earlier at the bench together with the new one', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 4), line(other, 1)]);
    const earlier = (await post(`/orders/${orderId}/cartons`, {})).json().id as number;
    expect((await post(`/cartons/${earlier}/items`, { skuId, quantity: 4 })).statusCode).toBe(200);
    expect((await post(`/cartons/${earlier}/close`)).statusCode).toBe(200);
    const response = await packAndShip(orderId);
    expect(response.statusCode, response.body).toBe(201);
    const answer = response.json();
    expect(answer.cartonIds).toEqual([earlier, answer.packedCartonId]);
    expect(answer.orderStatus).toBe('shipped');
    const shipped = await db()
      .selectFrom('order_lines')
      .select(['sku_id', 'quantity_shipped'])
      .where('order_id', '=', orderId)
      .orderBy('sku_id')
      .execute();
    expect(shipped.map((l) => [l.sku_id, Number(l.quantity_shipped)])).toEqual([
      [skuId, 4],
      [other, 1],
    ]);
    await expectLedgerSound(world);
  });

  it("refuses a ship-complete account's partial order and leaves nothing packed", async () => {
    const complete = await createCustomer(world, 'PAS-SC', { shipComplete: true });
    const { orderId } = await pickedOrder(world, complete, [line(skuId, 2)]);
    // A line the customer wants that nothing was picked for: the order is not complete.
    await world.api.store.database.write((trx) =>
      trx
        .updateTable('order_lines')
        .set({ quantity_ordered: 5 })
        .where('order_id', '=', orderId)
        .execute(),
    );
    const before = await db().selectFrom('cartons').select('id').execute();
    const refused = await packAndShip(orderId);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('SHIP.INCOMPLETE');
    expect(await db().selectFrom('cartons').select('id').execute()).toEqual(before);
    expect((await orderDetail(world, orderId)).status).toBe('picked');
    const unknown = await packAndShip(orderId, { carrierCode: 'NOPE' });
    expect(unknown.json().code).toBe('SHIP.CARRIER_NOT_FOUND');
    expect(await db().selectFrom('cartons').select('id').execute()).toEqual(before);
    const customer = await post(
      `/orders/${orderId}/pack-and-ship`,
      { carrierCode: 'TABLE', service: 'ground' },
      world.api.as('sales'),
    );
    expect(customer.statusCode).toBe(403);
    await expectLedgerSound(world);
  });
});
