import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  CASE_PRICE,
  EACH_PRICE,
  EACH_TIER_PRICE,
  createCustomer,
  createSku,
  line,
  orderDetail,
  placeOrderFor,
  receive,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';
import {
  authorizedReturn,
  expectLedgerSound,
  returnCall,
  returnDetail,
  shippedOrder,
} from './fulfillment-fixtures.js';

describe.each(dialects)('return credits and restocking on %s', (dialect) => {
  let world: OrderWorld;
  let customer: number;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    customer = await createCustomer(world, 'CRED-1');
  });
  afterAll(async () => world?.api.close());

  it('credits each line at what the customer paid per base unit, for what arrived', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 100);
    // Eaches below the break at 5.00, eaches at the volume price 4.50, cases of 4 at 18.00.
    const order = await shippedOrder(world, customer, [
      line(sku, 10),
      line(sku, 30),
      line(sku, 5, 'case'),
    ]);
    expect(order.lines.map((l) => l.unitPriceMinor)).toEqual([
      EACH_PRICE,
      EACH_TIER_PRICE,
      CASE_PRICE,
    ]);
    const [few, many, cases] = order.lines as [
      (typeof order.lines)[0],
      (typeof order.lines)[0],
      (typeof order.lines)[0],
    ];
    const rma = await authorizedReturn(world, order.orderId, 'quality', [
      { orderLineId: few.id, quantity: 4 },
      { orderLineId: many.id, quantity: 6 },
      { orderLineId: cases.id, quantity: 7 },
    ]);
    // Authorized 4, 6 and 7; 3, 6 and 5 came back.
    const received = await returnCall(world, `/${rma.id}/receive`, {
      lines: [
        { returnLineId: rma.lines[0]!.id, quantity: 3 },
        { returnLineId: rma.lines[1]!.id, quantity: 6 },
        { returnLineId: rma.lines[2]!.id, quantity: 5 },
      ],
    });
    expect(received.statusCode, received.body).toBe(200);
    const detail = await returnDetail(world, rma.id);
    const expected = [3 * EACH_PRICE, 6 * EACH_TIER_PRICE, (5 * CASE_PRICE) / 4];
    expect(detail.lines.map((l) => l.creditMinor)).toEqual(expected);
    expect(detail.creditMinor).toBe(expected.reduce((a, b) => a + b, 0));
    await expectLedgerSound(world);
  });

  it('closes a return whose lines that received nothing need no disposition', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 10);
    const order = await shippedOrder(world, customer, [line(sku, 6), line(sku, 4)]);
    const rma = await authorizedReturn(world, order.orderId, 'wrong_quantity', [
      { orderLineId: order.lines[0]!.id, quantity: 2 },
      { orderLineId: order.lines[1]!.id, quantity: 2 },
    ]);
    await returnCall(world, `/${rma.id}/receive`, {
      lines: [{ returnLineId: rma.lines[0]!.id, quantity: 2 }],
    });
    const dispose = await returnCall(world, `/${rma.id}/dispose`, {
      lines: [
        { returnLineId: rma.lines[0]!.id, disposition: 'restock', locationId: world.reserve },
      ],
    });
    expect(dispose.statusCode, dispose.body).toBe(200);
    const closed = await returnCall(world, `/${rma.id}/close`, undefined);
    expect(closed.json()).toMatchObject({ status: 'closed', creditMinor: 2 * EACH_PRICE });
    await expectLedgerSound(world);
  });

  it('fills a waiting backorder from restocked goods', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 4);
    const shipped = await shippedOrder(world, customer, [line(sku, 4)]);
    const waiting = await placeOrderFor(world, customer, [line(sku, 3)]);
    expect(waiting.status).toBe('backordered');

    const rma = await authorizedReturn(world, shipped.orderId, 'not_wanted', [
      { orderLineId: shipped.lines[0]!.id, quantity: 4 },
    ]);
    await returnCall(world, `/${rma.id}/receive`, {
      lines: [{ returnLineId: rma.lines[0]!.id, quantity: 4 }],
    });
    expect((await orderDetail(world, waiting.id)).status).toBe('backordered');
    await expectLedgerSound(world);

    const restocked = await returnCall(world, `/${rma.id}/dispose`, {
      lines: [
        { returnLineId: rma.lines[0]!.id, disposition: 'restock', locationId: world.pickFace },
      ],
    });
    expect(restocked.statusCode, restocked.body).toBe(200);
    const filled = await orderDetail(world, waiting.id);
    expect(filled.status).toBe('allocated');
    expect(filled.lines[0]).toMatchObject({ quantityAllocated: 3, quantityBackordered: 0 });
    expect(filled.allocations[0]).toMatchObject({ locationId: world.pickFace, remaining: 3 });
    await expectLedgerSound(world);
  });

  it('does not restock quarantined goods to backorders', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 2);
    const shipped = await shippedOrder(world, customer, [line(sku, 2)]);
    const waiting = await placeOrderFor(world, customer, [line(sku, 1)]);
    const rma = await authorizedReturn(world, shipped.orderId, 'quality', [
      { orderLineId: shipped.lines[0]!.id, quantity: 2 },
    ]);
    await returnCall(world, `/${rma.id}/receive`, {
      lines: [{ returnLineId: rma.lines[0]!.id, quantity: 2 }],
    });
    await returnCall(world, `/${rma.id}/dispose`, {
      lines: [{ returnLineId: rma.lines[0]!.id, disposition: 'quarantine' }],
    });
    expect((await orderDetail(world, waiting.id)).status).toBe('backordered');
    await expectLedgerSound(world);
  });
});
