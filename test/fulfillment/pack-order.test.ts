import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packOrder } from '../../src/app/fulfillment/packing/pack-order.js';
import { runUnit } from '../../src/app/simulation/sim-units.js';
import type { Actor } from '../../src/core/shared/roles.js';
import { dialects } from '../support/databases.js';
import {
  expectLedgerSound,
  pickedOrder,
  stockedSku,
  startFulfillmentWorld,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';
import { call, clock, createCustomer, line } from '../orders/order-fixtures.js';

const PACKER: Actor = { id: 'test:packer', role: 'warehouse', customerId: null, apiKeyId: 0 };

/** Packing a whole order in one command: exactly what was picked, one carton, closed. */
describe.each(dialects)('packing a whole order at once on %s', (dialect) => {
  let world: FulfillmentWorld;
  let lotted: number;
  let plain: number;
  let shop: number;
  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    lotted = (
      await stockedSku(
        world,
        [
          [world.pickFace, 3, 'L1'],
          [world.reserve, 10, 'L2'],
        ],
        true,
      )
    ).skuId;
    plain = (await stockedSku(world, [[world.pickFace, 20]], false)).skuId;
    shop = await createCustomer(world, 'PACK-ALL');
  });
  afterAll(async () => world?.api.close());

  const pack = (orderId: number, input: Parameters<typeof packOrder>[2] = {}) =>
    runUnit(world.api.store.database, (trx) => packOrder(trx, orderId, input, PACKER, clock()));

  it('puts every picked line and lot into one closed carton and marks the order packed', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(lotted, 5), line(plain, 4)]);
    const packed = await pack(orderId);
    expect(packed.ok).toBe(true);
    if (!packed.ok) return;
    expect(packed.value.orderStatus).toBe('packed');
    const db = world.api.store.database.db;
    const contents = await db
      .selectFrom('carton_contents')
      .select(['sku_id', 'lot_id', 'quantity'])
      .where('carton_id', '=', packed.value.cartonId)
      .orderBy('sku_id')
      .orderBy('lot_id')
      .execute();
    // The policy held the line in one bin (lot L2) rather than across two.
    expect(contents.map((c) => [c.sku_id, Number(c.quantity)])).toEqual([
      [lotted, 5],
      [plain, 4],
    ]);
    const carton = await db
      .selectFrom('cartons')
      .selectAll()
      .where('id', '=', packed.value.cartonId)
      .executeTakeFirstOrThrow();
    expect(carton).toMatchObject({ status: 'closed', warehouse_id: world.warehouse.id });
    const events = await db
      .selectFrom('order_events')
      .select('type')
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type).slice(-3)).toEqual([
      'carton_opened',
      'carton_closed',
      'packed',
    ]);

    const again = await pack(orderId);
    expect(again).toMatchObject({ ok: false, code: 'PACK.NOTHING_TO_PACK' });
    const shipped = await call(
      world.api,
      'POST',
      `/orders/${orderId}/ship`,
      world.api.as('warehouse'),
      { carrierCode: 'TABLE', service: 'ground' },
    );
    expect(shipped.statusCode, shipped.body).toBe(201);
    await expectLedgerSound(world);
  });

  it('refuses a box the goods would overload, and leaves nothing behind', async () => {
    const box = await call(world.api, 'POST', '/carton-types', world.api.as('manager'), {
      code: 'TINY',
      name: 'Tiny box',
      lengthMm: 100,
      widthMm: 100,
      heightMm: 100,
      maxWeightG: 1_000,
      tareWeightG: 100,
    });
    expect(box.statusCode, box.body).toBe(201);
    const { orderId } = await pickedOrder(world, shop, [line(plain, 4)]);
    const db = world.api.store.database.db;
    const before = await db.selectFrom('cartons').select('id').execute();
    const refused = await pack(orderId, { cartonTypeId: box.json().id as number });
    expect(refused).toMatchObject({ ok: false, code: 'PACK.OVERWEIGHT' });
    expect(await db.selectFrom('cartons').select('id').execute()).toEqual(before);
    expect((await pack(orderId)).ok).toBe(true);
  });
});
