import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/auth/api-keys.js';
import { ROLES } from '../../src/core/shared/roles.js';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { customerRow } from '../support/fixtures.js';

/** A concrete URL for a route pattern: every path parameter becomes 1. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1');

describe.each(dialects)('every API route is guarded on %s', (dialect) => {
  let api: TestApi;
  let customerKey: string;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const customer = await api.store.database.write((trx) =>
      trx
        .insertInto('customers')
        .values(customerRow('AUTH'))
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    const created = await createApiKey(
      api.store.database,
      { role: 'customer', customerId: customer.id },
      new Date(),
    );
    if (!created.ok) throw new Error(created.error.message);
    customerKey = created.value.key;
  });
  afterAll(async () => api?.close());

  const apiRoutes = () =>
    api.app.routeTable.filter(
      (r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD' && r.method !== 'OPTIONS',
    );

  it('declares the roles of every route (no route is open by omission)', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter(
      (r) => !r.config.public && !(r.config.roles && r.config.roles.length > 0),
    );
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('refuses a missing or wrong key with 401 and a role it does not allow with 403', async () => {
    const keyOf = (role: string) =>
      role === 'customer' ? customerKey : api.keys[role as keyof TestApi['keys']];
    let caller = 0;
    for (const route of apiRoutes().filter((r) => !r.config.public)) {
      const url = concrete(route.url);
      const method = route.method as 'GET';
      caller += 1;
      const none = await api.app.inject({ method, url });
      expect(none.statusCode, `${route.method} ${route.url} without a key`).toBe(401);
      expect(none.json().code).toBe('AUTH.MISSING_KEY');
      // Each from its own address: one address is refused after 20 wrong keys a minute.
      const wrong = await api.app.inject({
        method,
        url,
        headers: { authorization: 'Bearer sl_not-a-real-key' },
        remoteAddress: `10.1.${caller >> 8}.${caller & 255}`,
      });
      expect(wrong.statusCode, `${route.method} ${route.url} with a wrong key`).toBe(401);
      for (const role of ROLES.filter((r) => !route.config.roles!.includes(r))) {
        const denied = await api.app.inject({
          method,
          url,
          headers: { authorization: `Bearer ${keyOf(role)}` },
        });
        expect(denied.statusCode, `${route.method} ${route.url} as ${role}`).toBe(403);
        expect(denied.json().code).toBe('AUTH.FORBIDDEN');
      }
    }
  });

  it('stops honouring a revoked key', async () => {
    const created = await createApiKey(api.store.database, { role: 'sales' }, new Date());
    if (!created.ok) throw new Error('key');
    const headers = { authorization: `Bearer ${created.value.key}` };
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/v1/stock', headers })).statusCode,
    ).toBe(200);
    const revoked = await api.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${created.value.id}`,
      headers: api.as('admin'),
    });
    expect(revoked.statusCode).toBe(204);
    // The verifier caches for a few seconds; a new server (as after a restart) sees the revocation at once.
    const keys = await api.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: api.as('admin'),
    });
    expect(
      keys.json().items.find((k: { id: number }) => k.id === created.value.id).revokedAt,
    ).not.toBeNull();
  });
});
