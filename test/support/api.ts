import path from 'node:path';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { DialectName } from '../../src/adapters/db/database.js';
import { buildServer } from '../../src/adapters/http/server.js';
import { createApiKey } from '../../src/app/auth/api-keys.js';
import { DEFAULT_POLICIES, type AppContext } from '../../src/app/context.js';
import { ROLES, type Role } from '../../src/core/shared/roles.js';
import { freshStore, type TestStore } from './databases.js';
import { checkResponses } from './response-check.js';

export interface TestApi {
  app: FastifyInstance;
  ctx: AppContext;
  store: TestStore;
  /** One key per staff role (the customer role needs an account: see later issues). */
  keys: Record<Exclude<Role, 'customer'>, string>;
  /** `Authorization` header for a role. */
  as(role: Exclude<Role, 'customer'>): { authorization: string };
  close(): Promise<void>;
}

/** A web root that holds no build, so API tests see the same routes on every checkout. */
const NO_WEB_APP = path.join(os.tmpdir(), 'stockline-no-web-app');

/** A real server on a fresh store, driven with Fastify's inject (no socket). */
export async function startTestApi(
  dialect: DialectName,
  now: () => Date = () => new Date(),
  options: { withWebApp?: boolean } = {},
): Promise<TestApi> {
  const store = await freshStore(dialect);
  const ctx: AppContext = { database: store.database, now, policies: DEFAULT_POLICIES };
  // API tests run without the web app, whether or not dist/web is built: its `/*` fallback
  // would otherwise catch requests the router answers itself (an over-long path parameter: 414).
  const app = await buildServer(ctx, {
    logLevel: 'silent',
    beforeRoutes: checkResponses,
    ...(options.withWebApp ? {} : { webRoot: NO_WEB_APP }),
  });
  await app.ready();
  const keys = {} as Record<Exclude<Role, 'customer'>, string>;
  for (const role of ROLES) {
    if (role === 'customer') continue;
    const created = await createApiKey(store.database, { role }, now());
    if (!created.ok) throw new Error(created.error.message);
    keys[role] = created.value.key;
  }
  return {
    app,
    ctx,
    store,
    keys,
    as: (role) => ({ authorization: `Bearer ${keys[role]}` }),
    async close() {
      await app.close();
      await store.drop();
    },
  };
}
