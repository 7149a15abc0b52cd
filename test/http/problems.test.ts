import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import { startTestApi, type TestApi } from '../support/api.js';

describe.each(dialects)('HTTP edge on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api?.close());

  it('serves health, metrics and the OpenAPI document without a key', async () => {
    const health = await api.app.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toEqual({ status: 'ok', database: dialect });
    const metrics = await api.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('stockline_http_request_duration_seconds');
    const openapi = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(openapi.json().openapi).toBe('3.1.0');
    const docs = await api.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBeLessThan(400);
  });

  it('answers unknown routes and unknown fields with problem+json', async () => {
    const missing = await api.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: api.as('admin'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().code).toBe('REQUEST.NOT_FOUND');

    const unknownField = await api.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: api.as('admin'),
      payload: { role: 'sales', colour: 'blue' },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json()).toMatchObject({ code: 'REQUEST.INVALID', status: 400 });
    expect(unknownField.json().errors[0].unknownField).toBe('colour');
    expect(unknownField.body).not.toContain(' at ');
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { ...api.as('admin'), 'content-type': 'application/json' },
      payload: JSON.stringify({ role: 'sales', name: 'x'.repeat(2_000_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('REQUEST.TOO_LARGE');
  });

  // Found by the fuzz drill: the router answered these itself, in Fastify's JSON shape.
  it('answers an over-long path parameter and a broken %-escape with problem+json', async () => {
    const long = await api.app.inject({
      method: 'GET',
      url: `/api/v1/skus/${'x'.repeat(300)}`,
      headers: api.as('admin'),
    });
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json()).toMatchObject({ code: 'REQUEST.URI_TOO_LONG', status: 414 });
    const broken = await api.app.inject({
      method: 'GET',
      url: '/api/v1/skus/%E0%A4%A',
      headers: api.as('admin'),
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    expect(broken.json()).toMatchObject({ code: 'REQUEST.INVALID', status: 400 });
  });

  // Found by the fuzz drill: these passed validation (Ajv coerces `1e999` to an "integer"
  // Infinity, under any maximum) and the store refused them with a 500. PostgreSQL refuses
  // NUL bytes too, where SQLite finds no such row.
  it.each([
    ['/api/v1/warehouses?limit=1e999', 400, 400],
    ['/api/v1/count-plans?warehouseId=1e999', 400, 400],
    ['/api/v1/pick-faces?warehouseId=1e308', 400, 400],
    ['/api/v1/carton-types/99999999999999999999', 400, 400],
    ['/api/v1/locations/by-barcode/%00', 400, 400],
    ['/api/v1/skus?q=a%00b', 400, 400],
  ])('answers %s without a 500 (SQLite %i, PostgreSQL %i)', async (url, sqlite, postgres) => {
    const response = await api.app.inject({ method: 'GET', url, headers: api.as('admin') });
    expect(response.statusCode, response.body).toBe(dialect === 'postgres' ? postgres : sqlite);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it.each([{ toLocationId: 1e20 }, { quantity: 1e308 }, { skuId: -1e300 }])(
    'refuses a body number beyond 2^53 (%o) with 400 on both stores',
    async (change) => {
      const response = await api.app.inject({
        method: 'POST',
        url: '/api/v1/stock/receipts',
        headers: api.as('admin'),
        payload: { skuId: 1, toLocationId: 1, quantity: 1, ...change },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toBe('REQUEST.INVALID');
    },
  );

  // Issue 17, item 14: SQLite stored a NUL (and lone surrogates), PostgreSQL refused it with a
  // 500. Now both refuse it at the edge with the field named, and store nothing.
  it.each([
    ['a NUL', 'Shop\\u0000Name'],
    ['a lone high surrogate', 'Shop \\ud800'],
    ['a lone low surrogate', '\\udc00 Shop'],
  ])('refuses %s in a text field with 400 on both stores', async (_kind, escaped) => {
    const before = await api.store.database.db.selectFrom('api_keys').select('id').execute();
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { ...api.as('admin'), 'content-type': 'application/json' },
      // JSON escapes: the text reaches the server as sent, not re-encoded by the client.
      payload: `{"role":"sales","name":"${escaped}"}`,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'REQUEST.INVALID_TEXT', field: 'body/name' });
    const after = await api.store.database.db.selectFrom('api_keys').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('keeps text with real astral characters (a surrogate pair)', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: `/api/v1/skus?q=${encodeURIComponent('🐕')}`,
      headers: api.as('admin'),
    });
    expect(response.statusCode, response.body).toBe(200);
  });
});
