import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';
import { dialects } from '../support/databases.js';
import {
  stockedSku,
  startFulfillmentWorld,
  type FulfillmentWorld,
} from '../fulfillment/fulfillment-fixtures.js';
import { createCustomer, line, placeOrderFor, receive } from './order-fixtures.js';

/**
 * A ship-complete customer's order leaves in one shipment, so it must never be split between
 * warehouses — not when first allocated, and not when its backorder is filled later. (The
 * simulated year found orders split by a backorder fill: picked in two warehouses, neither
 * half could ever ship, and they waited in `picked` for months.)
 */
describe.each(dialects)('a ship-complete order filled from backorder on %s', (dialect) => {
  let world: FulfillmentWorld;
  let east: WarehouseFixture;
  let skuId: number;
  let orderId: number;
  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    east = await insertWarehouse(world.api.store.database, 'EAST', 2);
    skuId = (await stockedSku(world, [[world.pickFace, 5]])).skuId;
    const shop = await createCustomer(world, 'WHOLE-1', { shipComplete: true });
    orderId = (await placeOrderFor(world, shop, [line(skuId, 8)])).id;
  });
  afterAll(async () => world?.api.close());

  const held = async () =>
    (
      await world.api.store.database.db
        .selectFrom('allocations')
        .select(['warehouse_id', 'quantity'])
        .where('order_id', '=', orderId)
        .orderBy('id')
        .execute()
    ).map((a) => [a.warehouse_id, Number(a.quantity)]);
  const backordered = async () =>
    Number(
      (
        await world.api.store.database.db
          .selectFrom('order_lines')
          .select('quantity_backordered')
          .where('order_id', '=', orderId)
          .executeTakeFirstOrThrow()
      ).quantity_backordered,
    );

  it('holds what one warehouse has and backorders the rest', async () => {
    expect(await held()).toEqual([[world.warehouse.id, 5]]);
    expect(await backordered()).toBe(3);
  });

  it('is not filled from stock arriving in another warehouse', async () => {
    await receive(world, skuId, 10, { locationId: east.bins[0]! });
    expect(await held()).toEqual([[world.warehouse.id, 5]]);
    expect(await backordered()).toBe(3);
  });

  it('is filled from stock arriving in its own warehouse', async () => {
    await receive(world, skuId, 3);
    expect(await held()).toEqual([
      [world.warehouse.id, 5],
      [world.warehouse.id, 3],
    ]);
    expect(await backordered()).toBe(0);
  });
});
