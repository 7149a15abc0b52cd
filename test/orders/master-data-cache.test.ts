import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/adapters/db/database.js';
import { placeOrder } from '../../src/app/orders/place-order.js';
import { DEFAULT_POLICIES } from '../../src/app/context.js';
import { dialects } from '../support/databases.js';
import {
  EACH_PRICE,
  clock,
  createCustomer,
  createSku,
  customerHeaders,
  expectConsistent,
  line,
  postOrder,
  receive,
  startOrderWorld,
  type Headers,
  type OrderWorld,
} from './order-fixtures.js';

/**
 * Order entry caches master data in process. Whatever changes it — another process on the same
 * store (here: a second store handle with its own connections and cache), or an earlier statement
 * of the same transaction — the next order must see the change; a rolled-back change must not
 * linger in the cache.
 */
describe.each(dialects)('master data cached by order entry on %s', (dialect) => {
  let world: OrderWorld;
  let other: Database;
  let sku: number;
  let shop: number;
  let shopKey: Headers;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    other = openDatabase({ url: world.api.store.url });
    sku = await createSku(world, false);
    await receive(world, sku, 1000);
    shop = await createCustomer(world, 'PS-CACHE');
    shopKey = await customerHeaders(world, shop);
  });
  afterAll(async () => {
    await other?.close();
    await world?.api.close();
  });

  const orderOne = async () => {
    const response = await postOrder(world, shopKey, { lines: [line(sku, 1)] });
    return { status: response.statusCode, body: response.json() };
  };
  const setEachPrice = (db: Database, price: number) =>
    db.write((trx) =>
      trx
        .updateTable('price_list_prices')
        .set({ unit_price_minor: price })
        .where('sku_id', '=', sku)
        .where('pack_level', '=', 'each')
        .where('min_quantity', '=', 1)
        .execute(),
    );

  it('prices the next order at a price another process just changed', async () => {
    expect((await orderOne()).body.totalMinor).toBe(EACH_PRICE);
    expect((await orderOne()).body.totalMinor).toBe(EACH_PRICE);
    await setEachPrice(other, 777);
    expect((await orderOne()).body.totalMinor).toBe(777);
    await setEachPrice(other, EACH_PRICE);
    expect((await orderOne()).body.totalMinor).toBe(EACH_PRICE);
  });

  it('holds the next order when another process puts the account on hold, and not after', async () => {
    await other.write((trx) =>
      trx.updateTable('customers').set({ on_hold: 1 }).where('id', '=', shop).execute(),
    );
    expect((await orderOne()).body.status).toBe('on_hold');
    await other.write((trx) =>
      trx.updateTable('customers').set({ on_hold: 0 }).where('id', '=', shop).execute(),
    );
    expect((await orderOne()).body.status).toBe('allocated');
  });

  it('refuses a SKU another process stopped selling', async () => {
    await other.write((trx) =>
      trx.updateTable('skus').set({ active: 0 }).where('id', '=', sku).execute(),
    );
    const refused = await orderOne();
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ORDER.SKU_INACTIVE');
    await other.write((trx) =>
      trx.updateTable('skus').set({ active: 1 }).where('id', '=', sku).execute(),
    );
    expect((await orderOne()).status).toBe(201);
  });

  it('sees a change made earlier in the same transaction, and forgets it when that rolls back', async () => {
    const database = world.api.store.database;
    const actor = { id: 'test', role: 'sales' as const, customerId: null, apiKeyId: 0 };
    const input = { customerId: shop, lines: [line(sku, 1)] };
    const inOneUnit = await database.write(async (trx) => {
      await setEachPriceIn(trx, 901);
      return placeOrder(trx, input, actor, DEFAULT_POLICIES.allocation, clock());
    });
    expect(inOneUnit.totalMinor).toBe(901);
    // Price 902 is cached by an order whose unit then fails: nothing of it may survive.
    await expect(
      database.write(async (trx) => {
        await setEachPriceIn(trx, 902);
        const placed = await placeOrder(trx, input, actor, DEFAULT_POLICIES.allocation, clock());
        expect(placed.totalMinor).toBe(902);
        throw new Error('unit fails after caching');
      }),
    ).rejects.toThrow('unit fails after caching');
    // The next change (as many changes as the rolled-back one) must not revive its numbers.
    await setEachPrice(other, 903);
    expect((await orderOne()).body.totalMinor).toBe(903);
    await setEachPrice(other, EACH_PRICE);
    expect((await orderOne()).body.totalMinor).toBe(EACH_PRICE);
    await expectConsistent(world);
  });

  function setEachPriceIn(trx: Parameters<Parameters<Database['write']>[0]>[0], price: number) {
    return trx
      .updateTable('price_list_prices')
      .set({ unit_price_minor: price })
      .where('sku_id', '=', sku)
      .where('pack_level', '=', 'each')
      .where('min_quantity', '=', 1)
      .execute();
  }
});
