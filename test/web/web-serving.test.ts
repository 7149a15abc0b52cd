import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/adapters/http/server.js';
import { DEFAULT_POLICIES } from '../../src/app/context.js';
import { freshStore, type TestStore } from '../support/databases.js';

/**
 * How the server hands out the built app: files, index.html for the app's own paths, never a
 * file outside the build, and /api paths still answered by the API. Serving does not touch the
 * store, so SQLite alone is enough here.
 */
describe('serving the web app', () => {
  let store: TestStore;
  let app: FastifyInstance;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-web-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(webRoot, 'assets', 'index-abc.js'), 'console.log(1)');
    fs.writeFileSync(path.join(webRoot, '..', 'secret.txt'), 'not for you');
    store = await freshStore('sqlite');
    app = await buildServer(
      { database: store.database, now: () => new Date(), policies: DEFAULT_POLICIES },
      { logLevel: 'silent', webRoot },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await store?.drop();
    fs.rmSync(webRoot, { recursive: true, force: true });
    fs.rmSync(path.join(webRoot, '..', 'secret.txt'), { force: true });
  });

  it('serves index.html at / and for the app paths, uncached', async () => {
    for (const url of ['/', '/orders/12', '/warehouse/pick/3?x=1']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toContain('<title>app</title>');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
    // A malformed escape is the client's error, never a server one.
    const bad = await app.inject({ method: 'GET', url: '/bad%E0%A4%A' });
    expect(bad.statusCode).toBeLessThan(500);
  });

  // Issue 17, item 4: the fallback stat'ed the decoded path, and Node's fs throws on a NUL: a
  // 500 with an error log line for anyone, no key needed. Such a path never reaches the disk.
  it.each(['/index.html%00.js', '/foo%00bar', '/assets/index-abc.js%00', '/x%0a', '/%01'])(
    'answers %s (a control character) with 400 problem+json',
    async (url) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      // A NUL is caught by the text guard every request meets, other control characters by the
      // web app's own check: either way before the file system.
      expect(['REQUEST.INVALID', 'REQUEST.INVALID_TEXT']).toContain(response.json().code);
    },
  );

  it('serves hashed assets with a long cache and never a file outside the build', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.body, url).not.toContain('not for you');
    }
  });

  it('leaves /api, /health and the docs to their own routes', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('REQUEST.NOT_FOUND');
    const orders = await app.inject({ method: 'GET', url: '/api/v1/orders' });
    expect(orders.statusCode).toBe(401);
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.json().status).toBe('ok');
  });
});
