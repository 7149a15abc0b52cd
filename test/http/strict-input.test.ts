import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  countRows,
  createCustomer,
  createSku,
  line,
  placeOrderFor,
  receive,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';
import { dialects } from '../support/databases.js';

/** Issue 17, item 1: a value of the wrong JSON type is a 400 naming the field, never converted. */
describe.each(dialects)('strict input types on %s', (dialect) => {
  let world: OrderWorld;
  let skuId: number;
  let customerId: number;
  let orderId: number;

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    skuId = await createSku(world, false);
    await receive(world, skuId, 100, { locationId: world.reserve });
    customerId = await createCustomer(world, 'STRICT');
    orderId = (await placeOrderFor(world, customerId, [line(skuId, 1)])).id;
  }, 60_000);
  afterAll(async () => world?.api.close());

  const expectFieldRefused = (
    response: { statusCode: number; json(): unknown; body: string },
    field: string,
  ) => {
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json() as { code: string; errors?: { field: string }[] };
    expect(problem.code).toBe('REQUEST.INVALID');
    expect(response.body).toContain(field);
    expect(response.body).not.toContain(' at ');
  };

  it.each([['0x10'], ['1e1'], [' 7 '], [[5]], [true], ['16'], [null]])(
    'refuses packQuantity %j and writes nothing',
    async (packQuantity) => {
      const before = await countRows(world, 'orders');
      const response = await call(world.api, 'POST', '/orders', world.api.as('sales'), {
        customerId,
        lines: [{ skuId, packLevel: 'each', packQuantity }],
      });
      expectFieldRefused(response, 'packQuantity');
      expect(await countRows(world, 'orders')).toBe(before);
    },
  );

  it('refuses a flag sent as a string or a number', async () => {
    const draft = await call(world.api, 'POST', '/orders', world.api.as('sales'), {
      customerId,
      draft: 'true',
      lines: [line(skuId, 1)],
    });
    expectFieldRefused(draft, 'draft');
    const backorders = await call(
      world.api,
      'PATCH',
      `/customers/${customerId}`,
      world.api.as('manager'),
      {
        allowBackorders: 0,
      },
    );
    expectFieldRefused(backorders, 'allowBackorders');
    const customer = await call(
      world.api,
      'GET',
      `/customers/${customerId}`,
      world.api.as('manager'),
    );
    expect(customer.json().allowBackorders).toBe(true);
  });

  it.each(['0x10', '1e3', '%2010', '+1', '1.0', `${'0'.repeat(3)}x1`])(
    'refuses the path id %s (only decimal digits are a number)',
    async (id) => {
      const response = await call(world.api, 'GET', `/orders/${id}`, world.api.as('sales'));
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: 'REQUEST.INVALID', field: 'id' });
    },
  );

  it('still reads plain decimal numbers in the path and the query', async () => {
    const order = await call(world.api, 'GET', `/orders/${orderId}`, world.api.as('sales'));
    expect(order.statusCode).toBe(200);
    const page = await call(world.api, 'GET', '/orders?limit=1', world.api.as('sales'));
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(1);
    const hex = await call(world.api, 'GET', '/orders?limit=0x1', world.api.as('sales'));
    expect(hex.statusCode).toBe(400);
    expect(hex.json()).toMatchObject({ code: 'REQUEST.INVALID', field: 'limit' });
  });
});
