import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  TODAY,
  call,
  createCustomer,
  customerHeaders,
  line,
  orderDetail,
  placeOrderFor,
  type Headers,
} from '../orders/order-fixtures.js';
import {
  binBarcode,
  confirmPick,
  expectLedgerSound,
  gs1Label,
  gtinsOf,
  onHandAt,
  pickList,
  postWave,
  returnDetail,
  startFulfillmentWorld,
  stockedSku,
  type FulfillmentWorld,
} from './fulfillment-fixtures.js';

const LOT = 'LOT-E2E';
/** stockedSku receives lots with this expiry. */
const EXPIRY = '2027-06-30';

/**
 * The whole path through the HTTP API, as a warehouse lives it: two pet shops order the same
 * dog food, a batch wave picks both by scanning bin and GS1 label, each order is packed into
 * a carton with an SSCC and shipped, the carrier reports delivery, one shop sends three bags
 * back and they are restocked — which fills a third shop's backorder. After every step the
 * ledger must reconcile and every line must keep shipped ≤ picked ≤ allocated ≤ ordered.
 */
describe.each(dialects)('order to restock, end to end, on %s', (dialect) => {
  let world: FulfillmentWorld;
  let skuId: number;
  let gtin: string;
  let first: { customerId: number; orderId: number; key: Headers };
  let second: { customerId: number; orderId: number };
  let waiting: number;
  const shipmentIds: number[] = [];

  beforeAll(async () => {
    world = await startFulfillmentWorld(dialect);
    const stocked = await stockedSku(world, [[world.pickFace, 12, LOT]], true);
    skuId = stocked.skuId;
    gtin = gtinsOf(stocked.n).each;
  });
  afterAll(async () => world?.api.close());

  const as = (role: 'warehouse' | 'sales') => world.api.as(role);
  const post = async (url: string, body: unknown, headers: Headers = as('warehouse')) => {
    const response = await call(world.api, 'POST', url, headers, body);
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };

  it('takes two orders that use up the stock, and backorders a third', async () => {
    const a = await createCustomer(world, 'E2E-1');
    const b = await createCustomer(world, 'E2E-2');
    const c = await createCustomer(world, 'E2E-3');
    first = {
      customerId: a,
      orderId: (await placeOrderFor(world, a, [line(skuId, 8)])).id,
      key: await customerHeaders(world, a),
    };
    second = { customerId: b, orderId: (await placeOrderFor(world, b, [line(skuId, 4)])).id };
    const third = await placeOrderFor(world, c, [line(skuId, 3)]);
    expect(third.status).toBe('backordered');
    waiting = third.id;
    await expectLedgerSound(world);
  });

  it('plans a batch wave and picks it by scanning bin and GS1 label', async () => {
    const planned = await postWave(world, { pickMode: 'batch' });
    expect(planned.statusCode, planned.body).toBe(201);
    const waveId = planned.json().id as number;
    const list = await pickList(world, waveId);
    expect(new Set(list.wave.orderIds)).toEqual(new Set([first.orderId, second.orderId]));
    for (const task of list.tasks) {
      expect(task.location.barcode).toBe(binBarcode('A-01-01'));
      const picked = await confirmPick(world, task.taskId, {
        locationScan: task.location.barcode!,
        itemScan: gs1Label(gtin, LOT, EXPIRY),
        quantity: task.remaining,
        tote: 'TOTE-1',
      });
      expect(picked.statusCode, picked.body).toBe(200);
      await expectLedgerSound(world);
    }
    for (const orderId of [first.orderId, second.orderId]) {
      const order = await orderDetail(world, orderId);
      expect(order.status).toBe('picked');
    }
    expect(await onHandAt(world, world.warehouse.place.staging!, skuId)).toBe(12);
  });

  it('packs each order into a carton with an SSCC, ships it and records delivery', async () => {
    for (const [orderId, bags] of [
      [first.orderId, 8],
      [second.orderId, 4],
    ] as const) {
      const carton = await post(`/orders/${orderId}/cartons`, {});
      expect(carton.sscc).toMatch(/^\d{18}$/);
      await post(`/cartons/${carton.id}/items`, {
        scan: gs1Label(gtin, LOT, EXPIRY),
        quantity: bags,
      });
      await post(`/cartons/${carton.id}/close`, undefined);
      await expectLedgerSound(world);
      const shipped = await post(`/orders/${orderId}/ship`, {
        carrierCode: 'TABLE',
        service: 'ground',
      });
      expect(shipped).toMatchObject({ orderId, orderStatus: 'shipped' });
      shipmentIds.push(shipped.shipmentId as number);
      await expectLedgerSound(world);
      await post(`/shipments/${shipped.shipmentId}/delivery`, {
        deliveredAt: `${TODAY}T12:00:00.000Z`,
        podName: 'Front desk',
      });
      expect((await orderDetail(world, orderId)).status).toBe('delivered');
      await expectLedgerSound(world);
    }
    expect(await onHandAt(world, world.warehouse.place.staging!, skuId)).toBe(0);
  });

  it('takes three bags back from the first shop and restocks them to its backorder', async () => {
    const order = await orderDetail(world, first.orderId);
    const orderLineId = order.lines[0]!.id;
    const rma = await post(
      '/returns',
      { orderId: first.orderId, reason: 'not_wanted', lines: [{ orderLineId, quantity: 3 }] },
      first.key,
    );
    const returnLineId = (await returnDetail(world, rma.id)).lines[0]!.id;
    await post(`/returns/${rma.id}/receive`, {
      lines: [{ returnLineId, quantity: 3, lotCode: LOT }],
    });
    expect(await onHandAt(world, world.warehouse.place.receiving!, skuId)).toBe(3);
    await expectLedgerSound(world);

    await post(`/returns/${rma.id}/dispose`, {
      lines: [{ returnLineId, disposition: 'restock', locationId: world.pickFace }],
    });
    await expectLedgerSound(world);
    const filled = await orderDetail(world, waiting);
    expect(filled.status).toBe('allocated');
    expect(filled.allocations).toEqual([
      expect.objectContaining({ locationId: world.pickFace, lotCode: LOT, remaining: 3 }),
    ]);

    const closed = await post(`/returns/${rma.id}/close`, undefined);
    expect(closed).toMatchObject({
      status: 'closed',
      creditMinor: 3 * order.lines[0]!.unitPriceMinor,
    });
    const mine = await call(world.api, 'GET', `/returns/${rma.id}`, first.key);
    expect(mine.json()).toMatchObject({ status: 'closed', creditMinor: closed.creditMinor });
    await expectLedgerSound(world);
  });
});
