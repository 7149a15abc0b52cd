import { sql } from 'kysely';
import type { DialectName } from '../src/adapters/db/database.js';
import { createApiKey } from '../src/app/auth/api-keys.js';
import { reconcile } from '../src/app/inventory/reconcile.js';
import { spawnServer, type ServerProcess } from '../test/orders-concurrency/second-server.js';
import { freshStore, type TestStore } from '../test/support/databases.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../test/support/fixtures.js';

/**
 * What every drill starts from: a fresh store (its own SQLite file or PostgreSQL schema, on the
 * shared server or on `postgresUrl`), a warehouse of three bins, a price list, a customer who
 * takes no backorders (a short order is refused with 409) and `keys` sales keys (each key has
 * its own rate-limit budget).
 */
export interface DrillWorld {
  dialect: DialectName;
  store: TestStore;
  warehouse: WarehouseFixture;
  customerId: number;
  priceListId: number;
  salesKeys: string[];
  managerKey: string;
  close(): Promise<void>;
}

export async function startDrillWorld(
  dialect: DialectName,
  keys = 32,
  postgresUrl?: string,
): Promise<DrillWorld> {
  const store = await freshStore(dialect, postgresUrl);
  const db = store.database;
  const warehouse = await insertWarehouse(db, 'DRILL', 3);
  const key = async (role: string) => {
    const created = await createApiKey(db, { role }, new Date());
    if (!created.ok) throw new Error(created.error.message);
    return created.value.key;
  };
  const salesKeys: string[] = [];
  for (let i = 0; i < keys; i++) salesKeys.push(await key('sales'));
  const managerKey = await key('manager');
  const world = { dialect, store, warehouse, salesKeys, managerKey, customerId: 0, priceListId: 0 };
  return { ...world, close: () => store.drop() };
}

/** Server processes on the world's store (`stockline serve`, no in-process shortcut). */
export async function spawnServers(world: DrillWorld, count: number): Promise<ServerProcess[]> {
  const servers: ServerProcess[] = [];
  for (let i = 0; i < count; i++) servers.push(await spawnServer(world.store.url));
  return servers;
}

export async function api(
  base: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

async function must(reply: Promise<{ status: number; body: Record<string, unknown> }>) {
  const r = await reply;
  if (r.status >= 300) throw new Error(`setup call failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The price list and the no-backorder customer, made through the API of a running server. */
export async function setUpCustomer(world: DrillWorld, base: string) {
  const list = await must(
    api(base, world.managerKey, 'POST', '/price-lists', {
      code: 'DRILL',
      name: 'Drill prices',
      currency: 'USD',
    }),
  );
  world.priceListId = list.id as number;
  const customer = await must(
    api(base, world.salesKeys[0]!, 'POST', '/customers', {
      accountNumber: 'DRILL-1',
      name: 'Drill buyer',
      billTo: { line1: '1 Main St', city: 'Columbus', postalCode: '43215', country: 'US' },
      currency: 'USD',
      priceListId: world.priceListId,
      creditLimitMinor: null,
      shipComplete: true,
      allowBackorders: false,
      minRemainingShelfLifeDays: 0,
    }),
  );
  world.customerId = customer.id as number;
}

/** A new priced SKU with `units` received over the warehouse's bins. */
export async function stockedSku(world: DrillWorld, base: string, code: string, units: number) {
  const skuId = await insertSku(world.store.database, code);
  await must(
    api(base, world.managerKey, 'PUT', `/price-lists/${world.priceListId}/prices`, {
      skuId,
      packLevel: 'each',
      prices: [{ unitPriceMinor: 1299 }],
    }),
  );
  const bins = world.warehouse.bins;
  for (const [i, bin] of bins.entries()) {
    const quantity = Math.floor(units / bins.length) + (i < units % bins.length ? 1 : 0);
    if (quantity > 0)
      await must(
        api(base, world.managerKey, 'POST', '/stock/receipts', {
          skuId,
          toLocationId: bin,
          quantity,
        }),
      );
  }
  return skuId;
}

/** Ledger checks after a drill: reconcile clean, no negative or over-reserved balance. */
export async function ledgerProblems(world: DrillWorld): Promise<string[]> {
  const report = await reconcile(world.store.database.db);
  const problems = report.differences.map((d) => `${d.kind}: ${d.message}`);
  const bad = await world.store.database.db
    .selectFrom('stock_balances')
    .select(sql<number>`count(*)`.as('n'))
    .where((eb) =>
      eb.or([
        eb('on_hand', '<', 0),
        eb('allocated', '<', 0),
        eb('allocated', '>', eb.ref('on_hand')),
      ]),
    )
    .executeTakeFirstOrThrow();
  if (Number(bad.n) > 0) problems.push(`${bad.n} negative or over-reserved balances`);
  return problems;
}
