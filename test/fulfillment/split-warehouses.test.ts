import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';
import { dialects } from '../support/databases.js';
import {
  confirmPick,
  expectLedgerSound,
  gs1Label,
  gtinsOf,
  pickList,
  postWave,
  stockedSku,
  startFulfillmentWorld,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';
import { call, createCustomer, line, placeOrderFor, receive } from '../orders/order-fixtures.js';

/**
 * An order the allocation policy split between two warehouses (a customer who takes split
 * shipments, stock short in the first) is waved and picked in each, packed in each from what
 * was picked there, and shipped from each: nothing stays released with stock in staging.
 */
describe.each(dialects)('an order split between warehouses on %s', (dialect) => {
  let world: FulfillmentWorld;
  let east: WarehouseFixture;
  let skuId: number;
  let gtin: string;
  let orderId: number;
  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    east = await insertWarehouse(world.api.store.database, 'EAST', 2);
    const sku = await stockedSku(world, [[world.pickFace, 5]], false);
    skuId = sku.skuId;
    gtin = gtinsOf(sku.n).each;
    await receive(world, skuId, 5, { locationId: east.bins[0]! });
    const shop = await createCustomer(world, 'SPLIT-1');
    const order = await placeOrderFor(world, shop, [line(skuId, 8)]);
    orderId = order.id;
  });
  afterAll(async () => world?.api.close());

  const post = (url: string, body?: unknown) =>
    call(world.api, 'POST', url, world.api.as('warehouse'), body);
  const heldIn = async () =>
    world.api.store.database.db
      .selectFrom('allocations')
      .select(['warehouse_id', 'quantity'])
      .where('order_id', '=', orderId)
      .orderBy('warehouse_id')
      .execute();

  it('is waved and picked in both warehouses, then counts as picked', async () => {
    expect((await heldIn()).map((a) => [a.warehouse_id, Number(a.quantity)])).toEqual([
      [world.warehouse.id, 5],
      [east.id, 3],
    ]);
    for (const warehouseId of [world.warehouse.id, east.id]) {
      const wave = await postWave(world, { warehouseId, pickMode: 'discrete' });
      expect(wave.statusCode, wave.body).toBe(201);
      const list = await pickList(world, wave.json().id as number);
      expect(list.wave.orderIds).toEqual([orderId]);
      for (const task of list.tasks) {
        const picked = await confirmPick(world, task.taskId, {
          locationScan: task.location.barcode,
          itemScan: gs1Label(gtin),
          quantity: task.remaining,
        });
        expect(picked.statusCode, picked.body).toBe(200);
      }
    }
    const order = await call(world.api, 'GET', `/orders/${orderId}`, world.api.as('sales'));
    expect(order.json().status).toBe('picked');
  });

  it('packs each warehouse only from what was picked there, and ships each apart', async () => {
    const openIn = async (warehouseId: number) => {
      const opened = await post(`/orders/${orderId}/cartons`, { warehouseId });
      expect(opened.statusCode, opened.body).toBe(201);
      return opened.json().id as number;
    };
    const eastCarton = await openIn(east.id);
    const tooMany = await post(`/cartons/${eastCarton}/items`, { skuId, quantity: 4 });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().code).toMatch(/^PACK\./);
    expect((await post(`/cartons/${eastCarton}/items`, { skuId, quantity: 3 })).statusCode).toBe(
      200,
    );
    const mainCarton = await openIn(world.warehouse.id);
    expect((await post(`/cartons/${mainCarton}/items`, { skuId, quantity: 5 })).statusCode).toBe(
      200,
    );
    for (const id of [eastCarton, mainCarton])
      expect((await post(`/cartons/${id}/close`)).statusCode).toBe(200);

    const ship = (body: Record<string, unknown>) =>
      post(`/orders/${orderId}/ship`, { carrierCode: 'TABLE', service: 'ground', ...body });
    const together = await ship({});
    expect(together.json().code).toBe('SHIP.SEVERAL_WAREHOUSES');
    const first = await ship({ warehouseId: east.id });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().orderStatus).toBe('partially_shipped');
    const second = await ship({ warehouseId: world.warehouse.id });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().orderStatus).toBe('shipped');

    const shipments = await world.api.store.database.db
      .selectFrom('shipments')
      .select('warehouse_id')
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute();
    expect(shipments.map((s) => s.warehouse_id)).toEqual([east.id, world.warehouse.id]);
    const staged = await world.api.store.database.db
      .selectFrom('stock_balances as b')
      .innerJoin('locations as l', 'l.id', 'b.location_id')
      .select(['b.on_hand'])
      .where('l.code', '=', 'STAGING')
      .where('b.on_hand', '>', 0)
      .execute();
    expect(staged).toEqual([]);
    await expectLedgerSound(world);
  });
});
