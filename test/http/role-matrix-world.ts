import { expect } from 'vitest';
import { sql } from 'kysely';
import type { DialectName } from '../../src/adapters/db/database.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/adapters/http/session-auth.js';
import { ROLES, type Role } from '../../src/core/shared/roles.js';
import { authorizedReturn, shippedOrder } from '../fulfillment/returns-fixtures.js';
import { runAndWait } from '../planning/planning-world.js';
import {
  call,
  createCustomer,
  createSku,
  customerHeaders,
  line,
  placeOrderFor,
  receive,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';

/** How a request says who it is: an API key, or a signed-in browser session with its CSRF token. */
export interface Credential {
  role: Role;
  kind: 'key' | 'session';
  headers: Record<string, string>;
}

/** A warehouse with one of most things in it, and a key and a session for every role. */
export interface RoleMatrixWorld {
  world: OrderWorld;
  credentials: Credential[];
  /** A real value for each path parameter the store has a row for, keyed `segment/:param`. */
  realValues: Map<string, string>;
}

/** An id no table reaches: a route that looked it up before authorizing would answer 404. */
export const ABSENT_ID = '999999999';

/** Where a path parameter's real value comes from, keyed by the segment before it. */
const SOURCES: Record<string, { table: string; column?: string } | { value: string }> = {
  'api-keys/:id': { table: 'api_keys' },
  'orders/:id': { table: 'orders' },
  'lines/:lineId': { table: 'order_lines' },
  'warehouses/:id': { table: 'warehouses' },
  'warehouses/:warehouseId': { table: 'warehouses' },
  'locations/:id': { table: 'locations' },
  'by-barcode/:barcode': { table: 'locations', column: 'barcode' },
  'pick-faces/:locationId': { table: 'locations' },
  'transfers/:id': { table: 'transfers' },
  'skus/:id': { table: 'skus' },
  'skus/:skuId': { table: 'skus' },
  'sku-rules/:skuId': { table: 'skus' },
  'by-code/:code': { table: 'skus', column: 'code' },
  'gtins/:gtin': { table: 'skus', column: 'gtin' },
  'customers/:id': { table: 'customers' },
  'customers/:customerId': { table: 'customers' },
  'ship-tos/:shipToId': { table: 'customer_ship_tos' },
  'price-lists/:id': { table: 'price_lists' },
  'prices/:priceId': { table: 'price_list_prices' },
  'carton-types/:id': { table: 'carton_types' },
  'cartons/:id': { table: 'cartons' },
  'shipments/:id': { table: 'shipments' },
  'invoices/:id': { table: 'invoices' },
  'waves/:id': { table: 'waves' },
  'pick-tasks/:id': { table: 'pick_tasks' },
  'returns/:id': { table: 'returns' },
  'suppliers/:id': { table: 'suppliers' },
  'purchase-orders/:id': { table: 'purchase_orders' },
  'move-tasks/:id': { table: 'move_tasks' },
  'runs/:id': { table: 'replenishment_runs' },
  'suggestions/:id': { table: 'replenishment_suggestions' },
  'count-plans/:id': { table: 'count_plans' },
  'count-tasks/:id': { table: 'count_tasks' },
  'endpoints/:id': { table: 'webhook_endpoints' },
  'deliveries/:id': { table: 'webhook_deliveries' },
  'interchanges/:id': { table: 'edi_interchanges' },
  'partners/:id': { table: 'trading_partners' },
  'items/:xrefId': { table: 'partner_item_xref' },
  'users/:id': { table: 'users' },
  'imports/:id': { table: 'import_jobs' },
  // Enumerations: a value the schema takes (an order KPI, so a customer key may read it).
  'kpis/:name': { value: 'fill-rate' },
  'imports/:kind': { value: 'products' },
  'exports/:kind': { value: 'products' },
};

/** The parameters of a route pattern, each keyed by the segment before it. */
export function pathParams(url: string): string[] {
  const segments = url.split('/');
  return segments.flatMap((s, i) => (s.startsWith(':') ? [`${segments[i - 1]}/${s}`] : []));
}

/**
 * A concrete URL for a route pattern. `real`: the store's own ids and codes where it has a
 * row (else 1); `absent`: ids and codes that match nothing (enumerations keep a valid value).
 */
export function concreteUrl(
  url: string,
  realValues: Map<string, string>,
  mode: 'real' | 'absent',
): string {
  const segments = url.split('/');
  return segments
    .map((s, i) => {
      if (!s.startsWith(':')) return s;
      const key = `${segments[i - 1]}/${s}`;
      const source = SOURCES[key];
      if (source && 'value' in source) return source.value;
      if (mode === 'absent') return source?.column ? 'NO-SUCH-CODE' : ABSENT_ID;
      return encodeURIComponent(realValues.get(key) ?? '1');
    })
    .join('/');
}

async function realValuesOf(world: OrderWorld): Promise<Map<string, string>> {
  const { db } = world.api.store.database;
  const values = new Map<string, string>();
  for (const [key, source] of Object.entries(SOURCES)) {
    if ('value' in source) {
      values.set(key, source.value);
      continue;
    }
    const column = sql.ref(source.column ?? 'id');
    const { rows } = await sql<{ v: string | number }>`select ${column} as v from ${sql.table(
      source.table,
    )} where ${column} is not null order by ${column} limit 1`.execute(db);
    if (rows[0]) values.set(key, String(rows[0].v));
  }
  return values;
}

/**
 * Builds the world through the API (stock, a customer with an open order, a shipped order and
 * an RMA, a supplier with a PO, and more), then a key and a signed-in user for every role.
 */
export async function startRoleMatrixWorld(dialect: DialectName): Promise<RoleMatrixWorld> {
  const world = await startOrderWorld(dialect);
  const { api } = world;
  const skuId = await createSku(world, false);
  await receive(world, skuId, 100, { locationId: world.reserve });
  const customerId = await createCustomer(world, 'ROLES');
  await placeOrderFor(world, customerId, [line(skuId, 2)]);
  const shipped = await shippedOrder(world, customerId, [line(skuId, 3)]);
  await authorizedReturn(world, shipped.orderId, 'wrong_item', [
    { orderLineId: shipped.lines[0]!.id, quantity: 1 },
  ]);
  await seedThroughApi(world, { skuId, customerId });
  const credentials: Credential[] = [];
  for (const role of ROLES) {
    const headers = role === 'customer' ? await customerHeaders(world, customerId) : api.as(role);
    credentials.push({ role, kind: 'key', headers });
    credentials.push({ role, kind: 'session', headers: await signedIn(world, role, customerId) });
  }
  return { world, credentials, realValues: await realValuesOf(world) };
}

/** One of each thing whose id a route takes and that the API makes in one call. */
async function seedThroughApi(world: OrderWorld, ids: { skuId: number; customerId: number }) {
  const { api } = world;
  const post = async (url: string, body: object) => {
    const created = await call(api, 'POST', url, api.as('admin'), body);
    expect(created.statusCode, `${url}: ${created.body}`).toBeLessThan(300);
    return created.json() as { id: number };
  };
  const warehouseId = world.warehouse.id;
  const supplier = await post('/suppliers', {
    code: 'ACME',
    name: 'Acme Pet Supply',
    currency: 'USD',
    leadTimeDays: 7,
  });
  await post('/purchase-orders', {
    supplierId: supplier.id,
    warehouseId,
    lines: [{ skuId: ids.skuId, quantity: 24, unitCostMinor: 300 }],
  });
  await post('/carton-types', {
    code: 'BOX-S',
    name: 'Small box',
    lengthMm: 300,
    widthMm: 200,
    heightMm: 150,
    maxWeightG: 10_000,
  });
  await post('/count-plans', {
    warehouseId,
    name: 'Zone A',
    basis: 'zone',
    zone: 'A',
    frequencyDays: 30,
  });
  // In the background: wait, so no write of it lands in the middle of the matrix.
  await runAndWait(world);
  await post('/webhooks/endpoints', { url: 'https://erp.example.com/hooks', eventTypes: ['*'] });
  await post('/edi/partners', {
    code: 'ROLES-EDI',
    customerId: ids.customerId,
    isaQualifier: 'ZZ',
    isaId: 'ROLESPET',
    gsId: 'ROLESPET',
    ourIsaQualifier: 'ZZ',
    ourIsaId: 'STOCKLINE',
    ourGsId: 'STOCKLINE',
    version: '004010',
  });
}

/** Creates a user of the role (as admin) and signs in: the session cookie and CSRF header. */
async function signedIn(world: OrderWorld, role: Role, customerId: number) {
  const { api } = world;
  const email = `${role}@roles.example`;
  const password = `a long ${role} passphrase`;
  const user = await call(api, 'POST', '/users', api.as('admin'), {
    email,
    name: `${role} user`,
    role,
    password,
    ...(role === 'customer' ? { customerId } : {}),
  });
  expect(user.statusCode, user.body).toBe(201);
  const session = await api.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password },
  });
  expect(session.statusCode, session.body).toBe(200);
  const cookie = session.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie for ${role}`);
  const csrf = (session.json() as { csrfToken: string }).csrfToken;
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, [CSRF_HEADER]: csrf };
}

/** Waits for background work a call may have started (a replenishment run) before closing. */
export async function settle(world: OrderWorld) {
  const { db } = world.api.store.database;
  for (let i = 0; i < 600; i++) {
    const running = await db
      .selectFrom('replenishment_runs')
      .select('id')
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (!running) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('a replenishment run did not finish');
}
