import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/adapters/http/server.js';
import { createUser } from '../../src/app/users/users.js';
import { readConfig } from '../../src/config.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { dialects } from '../support/databases.js';

const BALANCER = '10.0.0.5';
const PASSWORD = 'correct horse battery staple';

/** Issue 17, item 9: trusted proxies and Secure cookies can be set, and do what they say. */
describe('proxy settings from the environment', () => {
  it('reads TRUST_PROXY and SECURE_COOKIES', () => {
    expect(readConfig({}).trustProxy).toBeUndefined();
    expect(readConfig({}).secureCookies).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(readConfig({ SECURE_COOKIES: '1' }).secureCookies).toBe(true);
    expect(() => readConfig({ SECURE_COOKIES: 'yes please' })).toThrow(/SECURE_COOKIES/);
  });
});

describe.each(dialects)('behind a trusted proxy on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const user = await createUser(
      api.store.database,
      { email: 'clerk@example.com', name: 'Clerk', role: 'sales', password: PASSWORD },
      new Date(),
    );
    if (!user.ok) throw new Error(user.error.message);
  });
  afterAll(async () => api?.close());

  const serve = (options: { trustProxy?: true | string[]; secureCookies?: boolean }) =>
    buildServer(api.ctx, { logLevel: 'silent', rateLimitPerMinute: 2, ...options });

  it('gives each browser behind the balancer its own bucket, and only when the balancer is trusted', async () => {
    for (const trusted of [true, false]) {
      const app = await serve(trusted ? { trustProxy: [BALANCER] } : {});
      try {
        const from = (client: string) =>
          app.inject({
            method: 'GET',
            url: '/api/openapi.json',
            remoteAddress: BALANCER,
            headers: { 'x-forwarded-for': client },
          });
        expect((await from('203.0.113.1')).statusCode).toBe(200);
        expect((await from('203.0.113.1')).statusCode).toBe(200);
        expect((await from('203.0.113.1')).statusCode).toBe(429);
        expect((await from('203.0.113.2')).statusCode).toBe(trusted ? 200 : 429);
      } finally {
        await app.close();
      }
    }
  });

  it('marks the session cookie Secure with SECURE_COOKIES, or when a trusted proxy says https', async () => {
    const cookieOf = async (
      options: { trustProxy?: true | string[]; secureCookies?: boolean },
      headers: Record<string, string> = {},
    ) => {
      const app = await serve(options);
      try {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/session',
          remoteAddress: BALANCER,
          headers,
          payload: { email: 'clerk@example.com', password: PASSWORD },
        });
        expect(response.statusCode, response.body).toBe(200);
        return String(response.headers['set-cookie']);
      } finally {
        await app.close();
      }
    };
    expect(await cookieOf({})).not.toMatch(/;\s*Secure/i);
    expect(await cookieOf({ secureCookies: true })).toMatch(/;\s*Secure/i);
    expect(await cookieOf({ trustProxy: [BALANCER] }, { 'x-forwarded-proto': 'https' })).toMatch(
      /;\s*Secure/i,
    );
    expect(await cookieOf({}, { 'x-forwarded-proto': 'https' })).not.toMatch(/;\s*Secure/i);
  });
});
