import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoUsers } from '../../src/app/users/demo-users.js';
import { createUser } from '../../src/app/users/users.js';
import { ROLES } from '../../src/core/shared/roles.js';
import { SIGN_INS_PER_MINUTE } from '../../src/adapters/http/routes/users.routes.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApi, type TestApi } from '../support/api.js';
import { dialects } from '../support/databases.js';

const PASSWORD = 'correct horse battery';

/** Signs in through the API; returns the cookie header to send back and the CSRF token. */
async function signIn(api: TestApi, email: string, password = PASSWORD) {
  const response = await api.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password },
  });
  const setCookie = String(response.headers['set-cookie'] ?? '');
  return {
    response,
    setCookie,
    cookie: setCookie.split(';')[0] ?? '',
    csrf: response.statusCode === 200 ? (response.json().csrfToken as string) : '',
  };
}

describe.each(dialects)('web sign-in and cookie sessions (%s)', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    for (const role of ['sales', 'admin', 'warehouse'] as const) {
      const made = await createUser(
        api.store.database,
        { email: `${role}@example.com`, name: role, role, password: PASSWORD },
        new Date(),
      );
      if (!made.ok) throw new Error(made.error.message);
    }
  });
  afterAll(async () => api?.close());

  it('stores only an argon2id hash and sets an httpOnly SameSite=Lax cookie', async () => {
    const row = await api.store.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'sales@example.com')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    const { response, setCookie } = await signIn(api, 'SALES@example.com');
    expect(response.statusCode, response.body).toBe(200);
    expect(setCookie).toMatch(/^sl_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(response.json().user).toMatchObject({ role: 'sales', email: 'sales@example.com' });
    const sessions = await api.store.database.db.selectFrom('sessions').select('id').execute();
    const token = setCookie.split(';')[0]!.split('=')[1]!;
    expect(sessions.map((s) => s.id)).not.toContain(token);
  });

  it('refuses a wrong password and an unknown e-mail alike (401, one code)', async () => {
    const wrong = await signIn(api, 'sales@example.com', 'not the password');
    const unknown = await signIn(api, 'nobody@example.com');
    for (const r of [wrong.response, unknown.response]) {
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('AUTH.SIGN_IN_REFUSED');
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });

  it('acts with the role of the user: reads work, unsafe calls need the CSRF token', async () => {
    const { cookie, csrf } = await signIn(api, 'sales@example.com');
    const me = await api.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(csrf);
    const read = await api.app.inject({
      method: 'GET',
      url: '/api/v1/orders',
      headers: { cookie },
    });
    expect(read.statusCode).toBe(200);
    const customer = {
      accountNumber: 'C-WEB-1',
      name: 'Web pet shop',
      billTo: { line1: '1 Main St', city: 'Columbus', postalCode: '43215', country: 'US' },
      currency: 'USD',
    };
    for (const header of [{}, { 'x-csrf-token': 'forged' }, { 'x-csrf-token': `${csrf}x` }]) {
      const refused = await api.app.inject({
        method: 'POST',
        url: '/api/v1/customers',
        headers: { cookie, ...header },
        payload: customer,
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('AUTH.CSRF_FAILED');
    }
    const count = await api.store.database.db.selectFrom('customers').select('id').execute();
    expect(count).toHaveLength(0);
    const made = await api.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: customer,
    });
    expect(made.statusCode, made.body).toBe(201);
    const forbidden = await api.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('exempts Bearer requests from CSRF and keeps idempotency keys apart from API keys', async () => {
    const bearer = await api.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...api.as('admin'), 'idempotency-key': 'same-key' },
      payload: { email: 'planner@example.com', name: 'P', role: 'planner', password: PASSWORD },
    });
    expect(bearer.statusCode, bearer.body).toBe(201);
    const { cookie, csrf } = await signIn(api, 'admin@example.com');
    // The same Idempotency-Key from a signed-in admin is a different scope: not a replay.
    const user = await api.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie, 'x-csrf-token': csrf, 'idempotency-key': 'same-key' },
      payload: { email: 'planner2@example.com', name: 'P2', role: 'planner', password: PASSWORD },
    });
    expect(user.statusCode, user.body).toBe(201);
    expect(user.headers['idempotent-replayed']).toBeUndefined();
    const scopes = await api.store.database.db
      .selectFrom('idempotency_keys')
      .select('api_key_id')
      .where('key', '=', 'same-key')
      .execute();
    expect(scopes.map((s) => Number(s.api_key_id) < 0).sort()).toEqual([false, true]);
  });

  it('ends sessions on sign-out and when an admin deactivates the user', async () => {
    const first = await signIn(api, 'warehouse@example.com');
    const out = await api.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await api.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: first.cookie },
    });
    expect(after.statusCode).toBe(401);

    const second = await signIn(api, 'warehouse@example.com');
    const users = await api.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: api.as('admin'),
    });
    const id = (users.json().items as { id: number; email: string }[]).find(
      (u) => u.email === 'warehouse@example.com',
    )!.id;
    const off = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: api.as('admin'),
      payload: { active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    const refused = await api.app.inject({
      method: 'GET',
      url: '/api/v1/orders',
      headers: { cookie: second.cookie },
    });
    expect(refused.statusCode).toBe(401);
    expect((await signIn(api, 'warehouse@example.com')).response.statusCode).toBe(401);
  });

  it('limits sign-in attempts per client address (429 before any password is checked)', async () => {
    const limited = await startTestApi(dialect);
    try {
      const codes: number[] = [];
      for (let i = 0; i <= SIGN_INS_PER_MINUTE; i++)
        codes.push((await signIn(limited, 'nobody@example.com', 'guess')).response.statusCode);
      expect(codes.slice(0, SIGN_INS_PER_MINUTE).every((c) => c === 401)).toBe(true);
      expect(codes[SIGN_INS_PER_MINUTE]).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('creates one demo user per role once, and writes their sign-ins 0600', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-demo-users-'));
    const fresh = await startTestApi(dialect);
    try {
      const lines: string[] = [];
      const made = await ensureDemoUsers(fresh.ctx, dir, (l) => lines.push(l));
      // No customer account exists in a fresh store, so the customer role is left out.
      expect(made.map((u) => u.role).sort()).toEqual(ROLES.filter((r) => r !== 'customer').sort());
      const file = path.join(dir, 'demo-users.txt');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      for (const u of made) expect(fs.readFileSync(file, 'utf8')).toContain(u.password);
      expect(lines.join('\n')).toContain(made[0]!.password);
      expect(await ensureDemoUsers(fresh.ctx, dir, (l) => lines.push(l))).toEqual([]);
      const signedIn = await signIn(fresh, made[0]!.email, made[0]!.password);
      expect(signedIn.response.statusCode).toBe(200);
    } finally {
      await fresh.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
