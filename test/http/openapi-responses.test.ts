import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';

type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>;
interface Operation {
  responses?: Responses;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every documented operation says what it answers: the web app's types are generated from it. */
describe('the OpenAPI document', () => {
  let api: TestApi;
  let operations: [string, Operation][];
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    const response = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = (response.json() as { paths: Record<string, Record<string, Operation>> }).paths;
    operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]),
    );
  });
  afterAll(() => api.close());

  it('lists the operations (none lost on the way)', () => {
    expect(operations.length).toBeGreaterThan(170);
  });

  it('gives every operation a success response with a schema (204 has no body)', () => {
    const missing = operations.filter(([, op]) => {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
      return !success.some(
        ([status, r]) =>
          status === '204' || Object.values(r.content ?? {}).some((c) => c.schema !== undefined),
      );
    });
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('gives every operation its problem+json answers: 400, 429, 500, and 401/403 unless public', () => {
    const open = new Set(
      api.app.routeTable
        .filter((r) => (r.config as { public?: boolean }).public)
        .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`),
    );
    const lacking = operations.flatMap(([name, op]) => {
      const isPublic = open.has(name);
      const expected = ['400', '429', '500', ...(isPublic ? [] : ['401', '403'])];
      const problem = (status: string) =>
        op.responses?.[status]?.content?.['application/problem+json']?.schema !== undefined;
      return expected.filter((s) => !problem(s)).map((s) => `${name} ${s}`);
    });
    expect(lacking).toEqual([]);
  });

  it('names the problem schema once, in components', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json() as { components: { schemas: Record<string, unknown> } };
    expect(doc.components.schemas.Problem).toMatchObject({
      required: expect.arrayContaining(['type', 'title', 'status', 'code', 'detail']),
    });
  });
});

describe('answers checked against their schemas in tests', () => {
  it('a documented shape the route does not keep fails the request; one it keeps passes', async () => {
    const { default: Fastify } = await import('fastify');
    const { Type } = await import('typebox');
    const { Shape, serveShapesAsReturned } =
      await import('../../src/adapters/http/response-shapes.js');
    const { checkResponses } = await import('../support/response-check.js');
    const app = Fastify({ logger: false });
    app.addHook('onRoute', serveShapesAsReturned);
    checkResponses(app);
    const schema = { response: { 200: Shape(Type.Object({ id: Type.Integer() })) } };
    app.get('/kept', { schema }, async () => ({ id: 1, extra: null }));
    app.get('/broken', { schema }, async () => ({ id: 'one' }));
    const kept = await app.inject({ method: 'GET', url: '/kept' });
    // Served as returned: nothing dropped, nothing coerced.
    expect(kept.json()).toEqual({ id: 1, extra: null });
    const broken = await app.inject({ method: 'GET', url: '/broken' });
    expect(broken.statusCode).toBe(500);
    await app.close();
  });
});
