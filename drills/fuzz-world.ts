import type { FastifyInstance } from 'fastify';
import type { DialectName } from '../src/adapters/db/database.js';
import { buildServer } from '../src/adapters/http/server.js';
import { createApiKey } from '../src/app/auth/api-keys.js';
import { DEFAULT_POLICIES, type AppContext } from '../src/app/context.js';
import { seedDemo } from '../src/app/demo/seed-demo.js';
import type { Role } from '../src/core/shared/roles.js';
import { startDrillWorld, type DrillWorld } from './drill-world.js';
import { IdPool } from './fuzz-ids.js';
import type { FuzzRequest } from './fuzz-requests.js';

/** Staff roles besides admin, and the customer role, that some fuzz requests run as. */
export const OTHER_ROLES: readonly Role[] = [
  'manager',
  'planner',
  'sales',
  'warehouse',
  'customer',
];

/** Numbers each fuzz request, so an error the server threw can be matched to its request. */
export const FUZZ_REQUEST_HEADER = 'x-fuzz-request';

/**
 * The fuzz drill's world: the demo wholesaler (catalog, two warehouses, stock, customers and
 * an order book) on a fresh store, the whole API in-process (driven with `inject`, rate limit
 * off), one key per role and the store's real ids to aim requests at.
 */
export interface FuzzWorld {
  world: DrillWorld;
  app: FastifyInstance;
  keys: Record<Role, string>;
  ids: IdPool;
  /** Errors the server threw, by the fuzz request header, so a 5xx is reported with its cause. */
  errors: Map<string, string>;
  /**
   * The one way a request could end the run: `DELETE /api-keys/{id}` of a key the fuzzer
   * signs in with (a generated id is often small). Such an id is swapped for a spare key's.
   */
  spareOwnKeys(request: FuzzRequest): void;
  close(): Promise<void>;
}

/** Seeds the demo, builds the server and makes the keys (the customer key on a demo account). */
export async function startFuzzWorld(dialect: DialectName): Promise<FuzzWorld> {
  const world = await startDrillWorld(dialect, 1);
  const database = world.store.database;
  const ctx: AppContext = { database, now: () => new Date(), policies: DEFAULT_POLICIES };
  try {
    await seedDemo(ctx);
    const customer = await database.db
      .selectFrom('customers')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const keys = {} as Record<Role, string>;
    const keyIds: number[] = [];
    for (const role of ['admin', ...OTHER_ROLES] as Role[]) {
      const created = await createApiKey(
        database,
        { role, customerId: role === 'customer' ? customer.id : undefined },
        ctx.now(),
      );
      if (!created.ok) throw new Error(created.error.message);
      keys[role] = created.value.key;
      keyIds.push(created.value.id);
    }
    const spare = await createApiKey(database, { role: 'sales', name: 'fuzz spare' }, ctx.now());
    if (!spare.ok) throw new Error(spare.error.message);
    const ids = new IdPool({ api_keys: keyIds });
    await ids.refresh(database.db);
    const app = await buildServer(ctx, { logLevel: 'silent', rateLimitPerMinute: 0 });
    const errors = new Map<string, string>();
    app.addHook('onError', async (request, _reply, error) => {
      errors.set(String(request.headers[FUZZ_REQUEST_HEADER]), error.stack ?? error.message);
    });
    await app.ready();
    return {
      world,
      app,
      keys,
      ids,
      errors,
      spareOwnKeys(request) {
        if (request.op.path !== '/api/v1/api-keys/{id}') return;
        if (keyIds.includes(Number(request.path.id))) request.path.id = String(spare.value.id);
      },
      async close() {
        await app.close();
        await world.close();
      },
    };
  } catch (error) {
    await world.close();
    throw error;
  }
}
