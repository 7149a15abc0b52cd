import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/adapters/http/server.js';
import { ROLES } from '../../src/core/shared/roles.js';
import { dialects } from '../support/databases.js';
import {
  concreteUrl,
  pathParams,
  settle,
  startRoleMatrixWorld,
  type RoleMatrixWorld,
} from './role-matrix-world.js';
import { changedTables, storeFingerprint } from './store-fingerprint.js';

/**
 * Routes anyone may call without a key or a session. A route that becomes public fails the
 * first test below until someone adds it here on purpose.
 */
/** Public to keys and sessions, authenticated by a signature instead (401 without one). */
const SIGNED_ROUTES = [
  // EasyPost's tracker webhook: an HMAC of the body keyed with EASYPOST_WEBHOOK_SECRET.
  'POST /api/v1/carrier-webhooks/easypost',
];
const PUBLIC_ROUTES = [
  'GET /health',
  'HEAD /health',
  'GET /metrics',
  'HEAD /metrics',
  'GET /',
  'HEAD /',
  'GET /api/openapi.json',
  'HEAD /api/openapi.json',
  'GET /api/docs',
  'HEAD /api/docs',
  'HEAD /api/docs/',
  'GET /api/docs/json',
  'HEAD /api/docs/json',
  'GET /api/docs/yaml',
  'HEAD /api/docs/yaml',
  'GET /api/docs/static/index.html',
  'HEAD /api/docs/static/index.html',
  'GET /api/docs/static/swagger-initializer.js',
  'HEAD /api/docs/static/swagger-initializer.js',
  'GET /api/docs/static/*',
  'HEAD /api/docs/static/*',
  'POST /api/v1/session',
  ...SIGNED_ROUTES,
];
/** Public only where the web app is built (dist/web): its files and the index.html fallback. */
const PUBLIC_WHEN_WEB_BUILT = ['GET /*', 'HEAD /*'];

const named = (r: RouteEntry) => `${r.method} ${r.url}`;
/** Statuses that would mean an allowed caller was stopped at the door. */
const REFUSED = [401, 403, 429];

/** Why a response is not the refusal the guard owes a role outside the route's list, or null. */
function notForbidden(route: RouteEntry, response: LightMyRequestResponse): string | null {
  if (response.statusCode !== 403) return `${response.statusCode} ${response.body.slice(0, 160)}`;
  if (!String(response.headers['content-type']).startsWith('application/problem+json'))
    return `content-type ${response.headers['content-type']}`;
  if (route.method === 'HEAD') return null; // HEAD answers carry no body to read
  const body = response.json() as { code: string; allowedRoles: unknown };
  if (body.code !== 'AUTH.FORBIDDEN') return `code ${body.code}`;
  if (JSON.stringify(body.allowedRoles) !== JSON.stringify(route.config.roles))
    return `allowedRoles ${JSON.stringify(body.allowedRoles)}`;
  return null;
}

describe.each(dialects)('role × route matrix on %s', (dialect) => {
  let m: RoleMatrixWorld;
  const figures = {
    routes: 0,
    publicRoutes: 0,
    guardedRoutes: 0,
    deniedPairs: 0,
    allowedPairs: 0,
    refusalCalls: 0,
    forbidden403: 0,
    allowedCalls: 0,
    paramsWithRealValue: 0,
    paramsWithoutRow: [] as string[],
    tables: 0,
    rows: 0,
    mostCallsPerRateBucket: 0,
    /** Status → count over the allowed calls: what the routes answer once past the guard. */
    allowedStatuses: {} as Record<number, number>,
  };
  const callsPerBucket = new Map<string, number>();
  let requestNo = 0;

  beforeAll(async () => {
    m = await startRoleMatrixWorld(dialect);
  }, 120_000);
  afterAll(async () => {
    figures.mostCallsPerRateBucket = Math.max(0, ...callsPerBucket.values());
    if (process.env.DRILL_FIGURES) console.log(JSON.stringify({ dialect, ...figures }));
    if (m) await settle(m.world);
    await m?.world.api.close();
  });

  const routes = () => m.world.api.app.routeTable;
  const guarded = () => routes().filter((r) => !r.config.public);

  /** Calls a route: writes send an empty JSON body and an Idempotency-Key. */
  function send(route: RouteEntry, headers: Record<string, string>, url: string) {
    // The rate limit counts per key, or per client address without one (sessions, public).
    const bucket = headers.authorization ?? 'address';
    callsPerBucket.set(bucket, (callsPerBucket.get(bucket) ?? 0) + 1);
    const write = route.method !== 'GET' && route.method !== 'HEAD';
    const body = ['POST', 'PUT', 'PATCH'].includes(route.method);
    return m.world.api.app.inject({
      method: route.method as 'GET',
      url,
      headers: write ? { ...headers, 'idempotency-key': `role-matrix-${++requestNo}` } : headers,
      ...(body ? { payload: {} } : {}),
    });
  }

  it('lists every public route on purpose; every other route names the roles it allows', async () => {
    const open = routes().filter((r) => r.config.public);
    figures.routes = routes().length;
    figures.publicRoutes = open.length;
    figures.guardedRoutes = guarded().length;
    const unlisted = open.map(named).filter((n) => !PUBLIC_ROUTES.includes(n));
    expect(unlisted.filter((n) => !PUBLIC_WHEN_WEB_BUILT.includes(n))).toEqual([]);
    expect(PUBLIC_ROUTES.filter((n) => !open.map(named).includes(n))).toEqual([]);
    // A route with neither is closed to everyone: harmless, but surely a mistake.
    expect(
      guarded()
        .filter((r) => !r.config.roles?.length)
        .map(named),
    ).toEqual([]);
    expect(open.filter((r) => r.config.roles).map(named)).toEqual([]);
    for (const route of open.filter((r) => !SIGNED_ROUTES.includes(named(r)))) {
      const response = await send(route, {}, route.url.replace('*', 'index.html'));
      expect(REFUSED, `${named(route)}: ${response.statusCode}`).not.toContain(response.statusCode);
    }
  });

  it('refuses every role outside a route’s list with 403 AUTH.FORBIDDEN, by key or session, for real and absent ids, and writes nothing', async () => {
    const { database } = m.world.api.store;
    const before = await storeFingerprint(database);
    const wrong: string[] = [];
    for (const route of guarded()) {
      const denied = ROLES.filter((role) => !route.config.roles!.includes(role));
      figures.deniedPairs += denied.length;
      const modes = pathParams(route.url).length > 0 ? (['real', 'absent'] as const) : ['real'];
      for (const credential of m.credentials.filter((c) => denied.includes(c.role))) {
        for (const mode of modes) {
          const url = concreteUrl(route.url, m.realValues, mode as 'real' | 'absent');
          const response = await send(route, credential.headers, url);
          figures.refusalCalls++;
          const why = notForbidden(route, response);
          if (why)
            wrong.push(`${named(route)} as ${credential.role} ${credential.kind} ${url}: ${why}`);
          else figures.forbidden403++;
        }
      }
    }
    expect(wrong).toEqual([]);
    // Every table, the outbox and the idempotency records included, exactly as before.
    const after = await storeFingerprint(database);
    expect(changedTables(before, after)).toEqual([]);
    figures.tables = Object.keys(after).length;
    figures.rows = Object.values(after).reduce((sum, t) => sum + t.rows, 0);
    expect(figures.rows).toBeGreaterThan(0);
  });

  it('lets every allowed role past the guard (no 401, 403 or 429), so the refusals are not blanket', async () => {
    const keys = m.credentials.filter((c) => c.kind === 'key');
    const wrong: string[] = [];
    const params = new Set(guarded().flatMap((r) => pathParams(r.url)));
    figures.paramsWithRealValue = [...params].filter((p) => m.realValues.has(p)).length;
    figures.paramsWithoutRow = [...params].filter((p) => !m.realValues.has(p));
    for (const route of guarded()) {
      figures.allowedPairs += route.config.roles!.length;
      // Absent ids, so no allowed call changes what later calls find (nor revokes a key).
      const url = concreteUrl(route.url, m.realValues, 'absent');
      for (const credential of keys.filter((c) => route.config.roles!.includes(c.role))) {
        const response = await send(route, credential.headers, url);
        figures.allowedCalls++;
        const seen = figures.allowedStatuses[response.statusCode] ?? 0;
        figures.allowedStatuses[response.statusCode] = seen + 1;
        if (REFUSED.includes(response.statusCode))
          wrong.push(
            `${named(route)} as ${credential.role}: ${response.statusCode} ${response.body}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });
});
