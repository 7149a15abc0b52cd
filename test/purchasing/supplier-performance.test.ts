import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import type { Tx } from '../../src/adapters/db/database.js';
import {
  observedLeadTime,
  observedLeadTimes,
} from '../../src/app/purchasing/observed-lead-time.js';
import { call, createSku, startOrderWorld, type OrderWorld } from '../orders/order-fixtures.js';
import { dialects } from '../support/databases.js';
import {
  createDraftPurchaseOrder,
  createSupplier,
  sendPurchaseOrder,
  type PoLineFields,
} from './purchasing-fixtures.js';
import { bookPoReceipt, poLineIds } from './receipt-fixtures.js';

/*
 * A month of deliveries from one supplier, worked out by hand (window 2026-03-01 … 03-31):
 *
 *   PO  sent            due    receipts (line: qty @ time)          finished  on time  in full
 *   1   02-20 12:00     03-05  dog 10/10 @ 03-03 12:00 (11 d)       received  yes      yes
 *   2   02-22 12:00     03-05  dog 10/10 @ 03-04 12:00 (10 d),      received  no       yes
 *                              litter 5/5 @ 03-08 12:00 (14 d)
 *   3   02-25 00:00     03-10  dog 12/20 @ 03-07 00:00 (10 d)       closed    yes      no (8 short)
 *   4   02-01 00:00     02-15  dog 6/6 @ 02-20 00:00 (19 d)         received  in February: outside
 *   5   03-01 00:00     03-20  dog 3/8 @ 03-05 00:00 (4 d)          still open: not scored
 *
 * Scored: POs 1–3. On time 2/3, in full 2/3, OTIF 1/3 (PO 1).
 * Lead time of the scored POs' lines: 11, 10, 14, 10 → mean 11.25, sd √(10.75 / 3) = 1.893.
 * Observed lead time over every line: 11, 10, 14, 10, 19, 4 → mean 11.3333, sd 4.9666;
 * for dog food alone 11, 10, 10, 19, 4 → mean 10.8, sd 5.3572; litter has 1 sample: null.
 */
describe.each(dialects)('supplier performance (%s)', (dialect) => {
  let world: OrderWorld;
  let supplierId: number;
  let dog: number;
  let litter: number;

  async function po(sentAt: string, due: string, lines: PoLineFields[]) {
    const database = world.api.store.database;
    const { id } = await createDraftPurchaseOrder(database, {
      supplierId,
      warehouseId: world.warehouse.id,
      expectedDate: due,
      lines,
    });
    await sendPurchaseOrder(database, id, sentAt);
    return { id, lines: await poLineIds(database, id) };
  }
  const receipt = (lineId: number, quantity: number, at: string) =>
    bookPoReceipt(world.api.store.database, lineId, quantity, at);

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    supplierId = await createSupplier(world.api, { leadTimeDays: 12 });
    dog = await createSku(world, false);
    litter = await createSku(world, false);

    const po1 = await po('2026-02-20T12:00:00.000Z', '2026-03-05', [{ skuId: dog, quantity: 10 }]);
    await receipt(po1.lines[0]!, 10, '2026-03-03T12:00:00.000Z');
    const po2 = await po('2026-02-22T12:00:00.000Z', '2026-03-05', [
      { skuId: dog, quantity: 10 },
      { skuId: litter, quantity: 5 },
    ]);
    await receipt(po2.lines[0]!, 10, '2026-03-04T12:00:00.000Z');
    await receipt(po2.lines[1]!, 5, '2026-03-08T12:00:00.000Z');
    const po3 = await po('2026-02-25T00:00:00.000Z', '2026-03-10', [{ skuId: dog, quantity: 20 }]);
    await receipt(po3.lines[0]!, 12, '2026-03-07T00:00:00.000Z');
    const close = await call(
      world.api,
      'POST',
      `/purchase-orders/${po3.id}/close`,
      world.api.as('planner'),
    );
    expect(close.statusCode, close.body).toBe(200);
    const po4 = await po('2026-02-01T00:00:00.000Z', '2026-02-15', [{ skuId: dog, quantity: 6 }]);
    await receipt(po4.lines[0]!, 6, '2026-02-20T00:00:00.000Z');
    const po5 = await po('2026-03-01T00:00:00.000Z', '2026-03-20', [{ skuId: dog, quantity: 8 }]);
    await receipt(po5.lines[0]!, 3, '2026-03-05T00:00:00.000Z');

    // Another supplier's late, short delivery must not leak into these figures.
    const other = await createSupplier(world.api);
    const { id } = await createDraftPurchaseOrder(world.api.store.database, {
      supplierId: other,
      warehouseId: world.warehouse.id,
      expectedDate: '2026-03-01',
      lines: [{ skuId: dog, quantity: 9 }],
    });
    await sendPurchaseOrder(world.api.store.database, id, '2026-02-01T00:00:00.000Z');
    const [otherLine] = await poLineIds(world.api.store.database, id);
    await receipt(otherLine!, 9, '2026-03-15T00:00:00.000Z');
  });
  afterAll(() => world.api.close());

  it('scores on time, in full and OTIF over POs finished in the window', async () => {
    const response = await call(
      world.api,
      'GET',
      `/suppliers/${supplierId}/performance?from=2026-03-01&to=2026-04-01`,
      world.api.as('manager'),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      supplierId,
      from: '2026-03-01',
      to: '2026-04-01',
      purchaseOrders: 3,
      onTime: 2,
      inFull: 2,
      otif: 1,
      onTimeRate: 0.6667,
      inFullRate: 0.6667,
      otifRate: 0.3333,
      leadTime: { samples: 4, meanDays: 11.25, sdDays: 1.893 },
    });
  });

  it('ends the window before its `to` day: PO 2, finished on 03-08, is left out', async () => {
    const response = await call(
      world.api,
      'GET',
      `/suppliers/${supplierId}/performance?from=2026-03-03&to=2026-03-08`,
      world.api.as('manager'),
    );
    // POs 1 and 3: both on time, only PO 1 in full. Samples 11 and 10 days.
    expect(response.json()).toMatchObject({
      purchaseOrders: 2,
      onTime: 2,
      inFull: 1,
      otif: 1,
      otifRate: 0.5,
      leadTime: { samples: 2, meanDays: 10.5 },
    });
  });

  it('scores nothing in a window without finished POs', async () => {
    const response = await call(
      world.api,
      'GET',
      `/suppliers/${supplierId}/performance?from=2026-01-01&to=2026-02-01`,
      world.api.as('manager'),
    );
    expect(response.json()).toMatchObject({ purchaseOrders: 0, onTimeRate: null, leadTime: null });
  });

  it('gives the nightly run the same per-SKU figures from running totals, one row a pair', async () => {
    let rows = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        rows += args.result.rows.length;
        return args.result;
      },
    };
    const db = world.api.store.database.db.withPlugin(counter) as unknown as Tx;
    const seen = await observedLeadTimes(db, [
      { supplierId, skuId: dog },
      { supplierId, skuId: litter },
    ]);
    expect(seen.get(`${supplierId}/${dog}`)).toEqual({
      samples: 5,
      meanDays: 10.8,
      sdDays: 5.3572,
    });
    expect(seen.get(`${supplierId}/${litter}`)).toBeNull();
    // Not the six PO lines received: the totals of the two pairs.
    expect(rows).toBe(2);
  });

  it('observes lead time per supplier, and per SKU once there are enough receipts', async () => {
    const db = world.api.store.database.db;
    expect(await observedLeadTime(db, supplierId)).toEqual({
      samples: 6,
      meanDays: 11.3333,
      sdDays: 4.9666,
    });
    expect(await observedLeadTime(db, supplierId, dog)).toEqual({
      samples: 5,
      meanDays: 10.8,
      sdDays: 5.3572,
    });
    expect(await observedLeadTime(db, supplierId, litter)).toBeNull();
    const response = await call(
      world.api,
      'GET',
      `/suppliers/${supplierId}/lead-time?skuId=${dog}`,
      world.api.as('planner'),
    );
    expect(response.json()).toEqual({
      supplierId,
      skuId: dog,
      statedDays: 12,
      observed: { samples: 5, meanDays: 10.8, sdDays: 5.3572 },
    });
  });
});
