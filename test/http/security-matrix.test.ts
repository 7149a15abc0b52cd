import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/adapters/http/server.js';
import { MAX_PAGE_SIZE } from '../../src/adapters/http/pagination.js';
import { authorizedReturn, shippedOrder } from '../fulfillment/returns-fixtures.js';
import {
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
import { dialects } from '../support/databases.js';

/** One account's resources: what another account's key must never see or touch. */
interface Account {
  customerId: number;
  orderId: number;
  lineId: number;
  shipmentOrderId: number;
  returnId: number;
}

/** The id a path parameter takes for this account, by the collection it sits under. */
function urlFor(pattern: string, a: Account): string {
  return pattern
    .replace(/\/customers\/:id/, `/customers/${a.customerId}`)
    .replace(/\/orders\/:id\/shipments/, `/orders/${a.shipmentOrderId}/shipments`)
    .replace(/\/orders\/:id/, `/orders/${a.orderId}`)
    .replace(/:lineId/, String(a.lineId))
    .replace(/\/returns\/:id/, `/returns/${a.returnId}`)
    .replace(/:customerId/, String(a.customerId));
}

describe.each(dialects)('security matrix on %s', (dialect) => {
  let world: OrderWorld;
  let skuId: number;
  let mine: Account;
  let theirs: Account;
  let myKey: Headers;

  async function account(code: string): Promise<Account> {
    const customerId = await createCustomer(world, code);
    const order = await placeOrderFor(world, customerId, [line(skuId, 2)]);
    const detail = await call(world.api, 'GET', `/orders/${order.id}`, world.api.as('sales'));
    const shipped = await shippedOrder(world, customerId, [line(skuId, 3)]);
    const rma = await authorizedReturn(world, shipped.orderId, 'wrong_item', [
      { orderLineId: shipped.lines[0]!.id, quantity: 1 },
    ]);
    return {
      customerId,
      orderId: order.id,
      lineId: (detail.json() as { lines: { id: number }[] }).lines[0]!.id,
      shipmentOrderId: shipped.orderId,
      returnId: rma.id,
    };
  }

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    skuId = await createSku(world, false);
    await receive(world, skuId, 100, { locationId: world.reserve });
    mine = await account('MINE');
    theirs = await account('THEIRS');
    myKey = await customerHeaders(world, mine.customerId);
  }, 60_000);
  afterAll(async () => world?.api.close());

  const customerIdRoutes = () =>
    world.api.app.routeTable.filter(
      (r) =>
        r.url.startsWith('/api/v1') &&
        /:(id|lineId|customerId)\b/.test(r.url) &&
        (r.config.roles ?? []).includes('customer'),
    );

  it("answers 404 on every {id} route a customer may call with another account's id, and changes nothing", async () => {
    const routes = customerIdRoutes();
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/orders/:id', 'GET /api/v1/customers/:id']),
    );
    const before = await call(world.api, 'GET', `/orders/${theirs.orderId}`, world.api.as('sales'));
    const leaks: string[] = [];
    for (const route of routes) {
      const url = urlFor(route.url, theirs);
      expect(url, route.url).not.toMatch(/:/);
      const method = route.method as 'GET' | 'POST';
      const response = await call(world.api, method, url.replace('/api/v1', ''), myKey, {});
      // A write's body is valid enough ({}), so the 404 comes from the ownership check.
      if (response.statusCode !== 404) leaks.push(`${route.method} ${url}: ${response.statusCode}`);
    }
    expect(leaks).toEqual([]);
    const after = await call(world.api, 'GET', `/orders/${theirs.orderId}`, world.api.as('sales'));
    expect(after.json()).toEqual(before.json());
  });

  it('serves the same GET routes for the key holder’s own ids (so the 404s above are not blanket)', async () => {
    for (const route of customerIdRoutes().filter((r) => r.method === 'GET')) {
      const response = await call(
        world.api,
        'GET',
        urlFor(route.url, mine).replace('/api/v1', ''),
        myKey,
      );
      expect(response.statusCode, `${route.url}: ${response.body}`).toBe(200);
    }
  });

  it('refuses read-only fields in a body with 400 and writes nothing (mass assignment)', async () => {
    const count = async () =>
      Number(
        (
          await world.api.store.database.db
            .selectFrom('orders')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const ordersBefore = await count();
    for (const extra of [
      { status: 'shipped' },
      { id: 1 },
      { totalMinor: 1 },
      { createdAt: '2020-01-01' },
    ]) {
      const response = await call(world.api, 'POST', '/orders', world.api.as('sales'), {
        customerId: mine.customerId,
        lines: [line(skuId, 1)],
        ...extra,
      });
      expect(response.statusCode, JSON.stringify(extra)).toBe(400);
      expect(response.json().code).toBe('REQUEST.INVALID');
    }
    const asCustomer = await call(world.api, 'POST', '/orders', myKey, {
      customerId: theirs.customerId,
      lines: [line(skuId, 1)],
      creditLimitMinor: 1,
    });
    expect(asCustomer.statusCode).toBe(400);
    expect(await count()).toBe(ordersBefore);
  });

  it('refuses a body over the limit with 413', async () => {
    const response = await call(world.api, 'POST', '/orders', world.api.as('sales'), {
      customerId: mine.customerId,
      lines: [line(skuId, 1, 'each', { notes: 'x'.repeat(1_100_000) })],
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('REQUEST.TOO_LARGE');
  });

  it(`serves at most ${MAX_PAGE_SIZE} a page and refuses a larger page size with 400`, async () => {
    const atMax = await call(
      world.api,
      'GET',
      `/orders?limit=${MAX_PAGE_SIZE}`,
      world.api.as('sales'),
    );
    expect(atMax.statusCode).toBe(200);
    expect((atMax.json() as { items: unknown[] }).items.length).toBeLessThanOrEqual(MAX_PAGE_SIZE);
    const over = await call(
      world.api,
      'GET',
      `/orders?limit=${MAX_PAGE_SIZE + 1}`,
      world.api.as('sales'),
    );
    expect(over.statusCode).toBe(400);
    const defaulted = await call(world.api, 'GET', '/orders', world.api.as('sales'));
    expect((defaulted.json() as { items: unknown[] }).items.length).toBeLessThanOrEqual(50);
  });

  it('answers 429 with Retry-After past the per-key limit, counting each key on its own', async () => {
    const limited = await buildServer(world.api.ctx, { logLevel: 'silent', rateLimitPerMinute: 3 });
    try {
      const get = (headers: Headers) =>
        limited.inject({ method: 'GET', url: '/api/v1/orders', headers });
      for (let i = 0; i < 3; i++) expect((await get(world.api.as('sales'))).statusCode).toBe(200);
      const refused = await get(world.api.as('sales'));
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('REQUEST.RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await get(world.api.as('manager'))).statusCode).toBe(200);
      expect((await limited.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  // Issue 17, item 8: the bucket was a hash of the Authorization header, so one key spelt two
  // ways got two buckets, and every made-up key a fresh one (and a database look-up).
  it('counts the verified caller, however the key is spelt', async () => {
    const limited = await buildServer(world.api.ctx, { logLevel: 'silent', rateLimitPerMinute: 3 });
    try {
      const key = world.api.keys.sales;
      const codes: number[] = [];
      for (const authorization of [
        `Bearer ${key}`,
        `bearer ${key}`,
        `Bearer  ${key}`,
        `BEARER ${key}`,
      ])
        codes.push(
          (
            await limited.inject({
              method: 'GET',
              url: '/api/v1/orders',
              headers: { authorization },
            })
          ).statusCode,
        );
      expect(codes).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('limits sign-ins and failed keys even with the request limit off', async () => {
    const open = await buildServer(world.api.ctx, { logLevel: 'silent', rateLimitPerMinute: 0 });
    try {
      const signIns: number[] = [];
      for (let i = 0; i < 40; i++) {
        const response = await open.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email: 'nobody@example.com', password: 'guess' },
        });
        signIns.push(response.statusCode);
      }
      expect(signIns.filter((c) => c === 429).length).toBeGreaterThan(0);
      const keys: number[] = [];
      for (let i = 0; i < 40; i++) {
        const response = await open.inject({
          method: 'GET',
          url: '/api/v1/orders',
          headers: { authorization: `Bearer sl_made-up-${i}` },
        });
        keys.push(response.statusCode);
      }
      expect(keys.slice(0, 20).every((c) => c === 401)).toBe(true);
      expect(keys.slice(20).every((c) => c === 429)).toBe(true);
      // The address is refused for the rest of the minute, without a look-up per key; the
      // request limit itself is off, so other addresses are not counted at all.
      const sameAddress = await open.inject({
        method: 'GET',
        url: '/api/v1/orders',
        headers: world.api.as('manager'),
      });
      expect(sameAddress.statusCode).toBe(429);
      expect(Number(sameAddress.headers['retry-after'])).toBeGreaterThan(0);
      for (let i = 0; i < 5; i++) {
        const other = await open.inject({
          method: 'GET',
          url: '/api/v1/orders',
          headers: world.api.as('manager'),
          remoteAddress: '10.9.9.9',
        });
        expect(other.statusCode).toBe(200);
      }
    } finally {
      await open.close();
    }
  });
});
