import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  EACH_PRICE,
  available,
  call,
  createCustomer,
  createSku,
  expectConsistent,
  line,
  orderDetail,
  placeOrderFor,
  postOrder,
  receive,
  startOrderWorld,
  type OrderWorld,
} from './order-fixtures.js';

describe.each(dialects)('credit and account holds on %s', (dialect) => {
  let world: OrderWorld;
  let sku: number;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    sku = await createSku(world, false);
    await receive(world, sku, 500);
  });
  afterAll(async () => world?.api.close());

  const confirm = (orderId: number, role: 'sales' | 'manager') =>
    call(world.api, 'POST', `/orders/${orderId}/confirm`, world.api.as(role));

  it('holds an order over the credit limit, with a reason, and reserves no stock', async () => {
    const limited = await createCustomer(world, 'CR-1', { creditLimitMinor: 10 * EACH_PRICE });
    const before = await available(world, sku);
    const placed = await placeOrderFor(world, limited, [line(sku, 11)]);
    expect(placed.status).toBe('on_hold');
    const order = await orderDetail(world, placed.id);
    expect(order.status).toBe('on_hold');
    expect(order.holdReason).toMatch(/^Credit hold/);
    expect(order.allocations).toEqual([]);
    expect(order.timeline.map((e) => e.type)).toEqual(['created', 'held']);
    expect(await available(world, sku)).toBe(before);
    await expectConsistent(world);
  });

  it('lets a manager approve a held order, which then allocates', async () => {
    const limited = await createCustomer(world, 'CR-2', { creditLimitMinor: 10 * EACH_PRICE });
    const placed = await placeOrderFor(world, limited, [line(sku, 11)]);
    const before = await available(world, sku);
    const approved = await confirm(placed.id, 'manager');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('allocated');
    const order = await orderDetail(world, placed.id);
    expect(order.lines[0]!.quantityAllocated).toBe(11);
    expect(order.timeline.map((e) => e.type)).toEqual([
      'created',
      'held',
      'confirmed',
      'allocated',
    ]);
    expect(await available(world, sku)).toBe(before - 11);
    await expectConsistent(world);
  });

  it('does not let sales approve a held order', async () => {
    const limited = await createCustomer(world, 'CR-3', { creditLimitMinor: 10 * EACH_PRICE });
    const placed = await placeOrderFor(world, limited, [line(sku, 11)]);
    const refused = await confirm(placed.id, 'sales');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('ORDER.HOLD_RELEASE_NOT_ALLOWED');
    expect((await orderDetail(world, placed.id)).status).toBe('on_hold');
  });

  it('holds every order of an account on hold', async () => {
    const held = await createCustomer(world, 'CR-4');
    const hold = await call(world.api, 'POST', `/customers/${held}/hold`, world.api.as('sales'), {
      reason: '60 days overdue',
    });
    expect(hold.statusCode, hold.body).toBe(200);
    const placed = await placeOrderFor(world, held, [line(sku, 1)]);
    expect(placed.status).toBe('on_hold');
    const order = await orderDetail(world, placed.id);
    expect(order.holdReason).toBe('Account on hold: 60 days overdue');
    expect(order.allocations).toEqual([]);
  });

  it('keeps parallel orders of one account within its credit limit', async () => {
    const limited = await createCustomer(world, 'CR-6', { creditLimitMinor: 10 * EACH_PRICE });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        postOrder(world, world.api.as('sales'), { customerId: limited, lines: [line(sku, 2)] }),
      ),
    );
    const statuses = responses.map((r) => r.json().status as string);
    expect(statuses.filter((s) => s === 'allocated')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'on_hold')).toHaveLength(5);
    await expectConsistent(world);
  });

  it('confirms a draft within the limit without counting the draft twice', async () => {
    const limited = await createCustomer(world, 'CR-5', { creditLimitMinor: 10 * EACH_PRICE });
    const draft = await postOrder(world, world.api.as('sales'), {
      customerId: limited,
      draft: true,
      lines: [line(sku, 8)],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().status).toBe('draft');
    const confirmed = await confirm(draft.json().id, 'sales');
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('allocated');
    await expectConsistent(world);
  });

  it('holds an order whose edit takes the account over its limit, releasing what it held', async () => {
    const limited = await createCustomer(world, 'CR-9', { creditLimitMinor: 10 * EACH_PRICE });
    const placed = await placeOrderFor(world, limited, [line(sku, 5)]);
    expect(placed.status).toBe('allocated');
    const before = await available(world, sku);
    const lineId = (await orderDetail(world, placed.id)).lines[0]!.id;
    const edited = await call(
      world.api,
      'POST',
      `/orders/${placed.id}/edit`,
      world.api.as('sales'),
      {
        change: [{ lineId, packLevel: 'each', packQuantity: 11 }],
      },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().status).toBe('on_hold');
    expect(await available(world, sku)).toBe(before + 5);
    await expectConsistent(world);
  });
});
