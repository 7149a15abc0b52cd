import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  TODAY,
  call,
  createCustomer,
  createSku,
  customerHeaders,
  line,
  placeOrderFor,
  receive,
  startOrderWorld,
  type Headers,
  type OrderWorld,
} from '../orders/order-fixtures.js';
import {
  authorizedReturn,
  expectLedgerSound,
  returnCall,
  shippedOrder,
  type ShippedOrder,
} from './fulfillment-fixtures.js';

describe.each(dialects)('authorizing returns on %s', (dialect) => {
  let world: OrderWorld;
  let mine: number;
  let theirs: number;
  let myKey: Headers;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    mine = await createCustomer(world, 'AUTH-1');
    theirs = await createCustomer(world, 'AUTH-2');
    myKey = await customerHeaders(world, mine);
  });
  afterAll(async () => world?.api.close());

  /** 8 eaches of an untracked SKU shipped to the customer. */
  async function shippedEaches(customerId = mine, quantity = 8): Promise<ShippedOrder> {
    const sku = await createSku(world, false);
    await receive(world, sku, quantity);
    return shippedOrder(world, customerId, [line(sku, quantity)]);
  }

  const ask = (order: ShippedOrder, quantity: number, headers = world.api.as('sales')) =>
    returnCall(
      world,
      '',
      {
        orderId: order.orderId,
        reason: 'not_wanted',
        lines: [{ orderLineId: order.lines[0]!.id, quantity }],
      },
      headers,
    );

  it('refuses to authorize more than shipped less what other RMAs of the line hold', async () => {
    const order = await shippedEaches();
    expect((await ask(order, 5)).statusCode).toBe(201);
    const over = await ask(order, 4);
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'RETURN.OVER_AUTHORIZED', returnable: 3 });
    expect((await ask(order, 3)).statusCode).toBe(201);
    expect((await ask(order, 1)).json().code).toBe('RETURN.OVER_AUTHORIZED');
  });

  it('gives units back to authorize when an RMA is cancelled, but not when closed', async () => {
    const order = await shippedEaches();
    const first = await authorizedReturn(world, order.orderId, 'quality', [
      { orderLineId: order.lines[0]!.id, quantity: 8 },
    ]);
    const cancelled = await returnCall(world, `/${first.id}/cancel`, {
      reason: 'customer kept them',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await ask(order, 8)).statusCode).toBe(201);
    const late = await returnCall(world, `/${first.id}/receive`, {
      lines: [{ returnLineId: first.lines[0]!.id, quantity: 8 }],
    });
    expect(late.json().code).toBe('RETURN.ILLEGAL_TRANSITION');
  });

  it('refuses lines not shipped yet, and lines of another order', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 5);
    const open = await placeOrderFor(world, mine, [line(sku, 5)]);
    const detail = await call(world.api, 'GET', `/orders/${open.id}`, world.api.as('sales'));
    const lineId = detail.json().lines[0].id as number;
    const unshipped = await returnCall(
      world,
      '',
      { orderId: open.id, reason: 'wrong_item', lines: [{ orderLineId: lineId, quantity: 1 }] },
      world.api.as('sales'),
    );
    expect(unshipped.json()).toMatchObject({ code: 'RETURN.OVER_AUTHORIZED', returnable: 0 });
    const other = await shippedEaches();
    const wrongOrder = await returnCall(
      world,
      '',
      {
        orderId: other.orderId,
        reason: 'wrong_item',
        lines: [{ orderLineId: lineId, quantity: 1 }],
      },
      world.api.as('sales'),
    );
    expect(wrongOrder.statusCode).toBe(404);
  });

  it('lets a customer key ask for and read its own returns only', async () => {
    const own = await shippedEaches(mine);
    const other = await shippedEaches(theirs);
    const created = await ask(own, 2, myKey);
    expect(created.statusCode, created.body).toBe(201);
    expect((await ask(other, 2, myKey)).statusCode).toBe(404);
    const theirRma = await ask(other, 2);
    expect((await call(world.api, 'GET', `/returns/${theirRma.json().id}`, myKey)).statusCode).toBe(
      404,
    );
    const list = await call(world.api, 'GET', '/returns', myKey);
    expect(list.statusCode).toBe(200);
    const customers = (list.json().items as { customerId: number }[]).map((r) => r.customerId);
    expect(new Set(customers)).toEqual(new Set([mine]));
    const receive = await returnCall(world, `/${created.json().id}/receive`, { lines: [] }, myKey);
    expect(receive.statusCode).toBe(403);
  });

  it('receives no more than authorized, with the lot a lot-tracked SKU needs', async () => {
    const sku = await createSku(world);
    await receive(world, sku, 4, { lotCode: 'LT', expiryDate: '2026-12-01' });
    const order = await shippedOrder(world, mine, [line(sku, 4)]);
    const rma = await authorizedReturn(world, order.orderId, 'quality', [
      { orderLineId: order.lines[0]!.id, quantity: 2 },
    ]);
    const returnLineId = rma.lines[0]!.id;
    const receiveAs = (body: object) => returnCall(world, `/${rma.id}/receive`, { lines: [body] });
    expect((await receiveAs({ returnLineId, quantity: 3, lotCode: 'LT' })).json().code).toBe(
      'RETURN.OVER_RECEIVED',
    );
    expect((await receiveAs({ returnLineId, quantity: 2 })).json().code).toBe(
      'INVENTORY.LOT_REQUIRED',
    );
    expect((await receiveAs({ returnLineId, quantity: 0, lotCode: 'LT' })).json().code).toBe(
      'RETURN.NOTHING_RECEIVED',
    );
    expect((await returnCall(world, `/${rma.id}/close`, undefined)).statusCode).toBe(409);
    expect((await receiveAs({ returnLineId, quantity: 2, lotCode: 'LT' })).statusCode).toBe(200);
    expect((await receiveAs({ returnLineId, quantity: 2, lotCode: 'LT' })).statusCode).toBe(409);
    const early = await returnCall(world, `/${rma.id}/close`, undefined);
    expect(early.json().code).toBe('RETURN.TRANSITION_REFUSED');
    expect((await returnCall(world, `/${rma.id}/cancel`, {})).statusCode).toBe(409);
    await expectLedgerSound(world);
  });

  it('replays a retried authorization instead of making a second RMA', async () => {
    const order = await shippedEaches();
    const headers = { ...world.api.as('sales'), 'idempotency-key': `rma-${order.orderId}` };
    const first = await ask(order, 8, headers);
    const retry = await ask(order, 8, headers);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('lists wrong-item and wrong-quantity returns for order accuracy', async () => {
    const wrongItem = await shippedEaches();
    const wrongQty = await shippedEaches();
    const unwanted = await shippedEaches();
    const withdrawn = await shippedEaches();
    const rmaFor = (order: ShippedOrder, reason: string) =>
      authorizedReturn(world, order.orderId, reason, [
        { orderLineId: order.lines[0]!.id, quantity: 2 },
      ]);
    await rmaFor(wrongItem, 'wrong_item');
    await rmaFor(wrongQty, 'wrong_quantity');
    await rmaFor(wrongQty, 'wrong_quantity');
    await rmaFor(unwanted, 'not_wanted');
    const cancelled = await rmaFor(withdrawn, 'wrong_item');
    await returnCall(world, `/${cancelled.id}/cancel`, {});

    const tomorrow = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const response = await call(
      world.api,
      'GET',
      `/returns/accuracy?from=${TODAY}&to=${tomorrow}`,
      world.api.as('manager'),
    );
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { orderId: number; returns: number; units: number }[];
    const byOrder = new Map(items.map((i) => [i.orderId, i]));
    expect(byOrder.get(wrongItem.orderId)).toMatchObject({ returns: 1, units: 2 });
    expect(byOrder.get(wrongQty.orderId)).toMatchObject({ returns: 2, units: 4 });
    expect(byOrder.has(unwanted.orderId)).toBe(false);
    expect(byOrder.has(withdrawn.orderId)).toBe(false);
    const yesterday = await call(
      world.api,
      'GET',
      `/returns/accuracy?from=2026-01-01&to=${TODAY}`,
      world.api.as('manager'),
    );
    expect(yesterday.json().items).toEqual([]);
  });
});
