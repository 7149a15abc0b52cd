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
});
