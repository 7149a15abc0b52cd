import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/adapters/db/database.js';
import { buildServer, type RouteEntry } from '../src/adapters/http/server.js';
import { DEFAULT_POLICIES } from '../src/app/context.js';
import type { Operation } from './fuzz-operations.js';

/**
 * Issue 17, item 13: a role outside a route's declared roles (or a caller with no key, or a
 * forged one, on a guarded route) must never get past the guard. Returns why an answer is
 * wrong, or null. `who` is a role, `nobody` or `forged`.
 */
export function guardProblem(
  routes: readonly RouteEntry[],
  op: Operation,
  who: string,
  status: number,
): string | null {
  if (status >= 400) return null;
  const url = op.path.replace(/\{(\w+)\}/g, ':$1');
  const route = routes.find((r) => r.method === op.method && r.url === url);
  if (!route || route.config.public) return null;
  const roles = route.config.roles ?? [];
  if (roles.includes(who as never)) return null;
  return `${op.name} answered ${status} to ${who}, outside its roles ${JSON.stringify(roles)}`;
}

/**
 * Issue 17, item 4: paths with a NUL or another control byte, outside and inside the API, with
 * and without a key, against a server that serves a web app (its file fallback is where a NUL
 * reached the file system). Statuses by count; any 5xx is a failure.
 */
export async function fuzzRawPaths(
  database: Database,
  adminKey: string,
): Promise<{ statuses: Record<number, number>; failures: string[] }> {
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-fuzz-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(webRoot, 'assets', 'x.js'), 'export {};');
  let app: FastifyInstance | undefined;
  const statuses: Record<number, number> = {};
  const failures: string[] = [];
  try {
    app = await buildServer(
      { database, now: () => new Date(), policies: DEFAULT_POLICIES },
      { logLevel: 'silent', rateLimitPerMinute: 0, webRoot },
    );
    await app.ready();
    const bytes = ['%00', '%01', '%0a', '%0d', '%1f', '%7f'];
    const shapes = [
      '/index.html{b}.js',
      '/foo{b}bar',
      '/assets/x{b}.js',
      '/assets/x.js{b}',
      '/{b}',
    ];
    const apiShapes = ['/api/v1/orders/{b}', '/api/v1/skus?q=a{b}b', '/api/v1{b}/orders'];
    for (const shape of [...shapes, ...apiShapes])
      for (const b of bytes)
        for (const headers of [{}, { authorization: `Bearer ${adminKey}` }]) {
          const url = shape.replace('{b}', b);
          const reply = await app.inject({ method: 'GET', url, headers });
          statuses[reply.statusCode] = (statuses[reply.statusCode] ?? 0) + 1;
          if (reply.statusCode >= 500) failures.push(`GET ${url}: ${reply.statusCode}`);
        }
  } finally {
    await app?.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  }
  return { statuses, failures };
}
