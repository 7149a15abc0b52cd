import { expect } from 'vitest';
import type { DialectName } from '../../src/adapters/db/database.js';
import { createApiKey } from '../../src/app/auth/api-keys.js';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { dogFood } from '../catalog/catalog-fixtures.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

/** The day every order test runs on: the server clock is fixed to noon UTC of it. */
export const TODAY = '2026-03-02';
export const clock = () => new Date(`${TODAY}T12:00:00Z`);
/** Lot expiries: 91 days after TODAY, and 274 days after. */
export const EARLY_EXPIRY = '2026-06-01';
export const LATE_EXPIRY = '2026-12-01';

/** List prices every SKU gets: eaches at 5.00, 4.50 from 24 eaches, cases of 4 at 18.00. */
export const EACH_PRICE = 500;
export const EACH_TIER_PRICE = 450;
export const EACH_TIER_BREAK = 24;
export const CASE_PRICE = 1800;
export const CASE_SIZE = 4;

export type Headers = { authorization: string };

/**
 * One server on a fresh store with what order tests need: a warehouse whose first bin is a
 * pick face and the other two are reserve (storage), and a price list.
 */
export interface OrderWorld {
  api: TestApi;
  warehouse: WarehouseFixture;
  pickFace: number;
  reserve: number;
  reserve2: number;
  priceListId: number;
  skuCount: number;
}

export async function startOrderWorld(dialect: DialectName): Promise<OrderWorld> {
  const api = await startTestApi(dialect, clock);
  const warehouse = await insertWarehouse(api.store.database, 'MAIN', 3);
  const [pickFace, reserve, reserve2] = warehouse.bins as [number, number, number];
  const list = await call(api, 'POST', '/price-lists', api.as('manager'), {
    code: 'TRADE',
    name: 'Trade prices',
    currency: 'USD',
  });
  expect(list.statusCode, list.body).toBe(201);
  return {
    api,
    warehouse,
    pickFace,
    reserve,
    reserve2,
    priceListId: list.json().id as number,
    skuCount: 0,
  };
}

/** An API call as the given headers; `url` without the `/api/v1` prefix. */
export function call(
  api: TestApi,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  headers: Headers & Record<string, string>,
  payload?: unknown,
) {
  return api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/**
 * A dog-food SKU (cases of 4) priced on the world's list: each, each from the volume break,
 * case. Lot-tracked by default; `lotTracked: false` gives one without lots.
 */
export async function createSku(world: OrderWorld, lotTracked = true): Promise<number> {
  const { api } = world;
  const n = ++world.skuCount;
  const payload = lotTracked ? dogFood(n) : dogFood(n, { lotTracked: false, shelfLifeDays: null });
  const sku = await call(api, 'POST', '/skus', api.as('manager'), payload);
  expect(sku.statusCode, sku.body).toBe(201);
  const skuId = sku.json().id as number;
  const prices: [string, object[]][] = [
    [
      'each',
      [
        { unitPriceMinor: EACH_PRICE },
        { minQuantity: EACH_TIER_BREAK, unitPriceMinor: EACH_TIER_PRICE },
      ],
    ],
    ['case', [{ unitPriceMinor: CASE_PRICE }]],
  ];
  for (const [packLevel, rows] of prices) {
    const put = await call(
      api,
      'PUT',
      `/price-lists/${world.priceListId}/prices`,
      api.as('manager'),
      { skuId, packLevel, prices: rows },
    );
    expect(put.statusCode, put.body).toBe(200);
  }
  return skuId;
}

export interface CustomerSettings {
  priority?: number;
  allowBackorders?: boolean;
  shipComplete?: boolean;
  creditLimitMinor?: number | null;
  minRemainingShelfLifeDays?: number;
  preferredWarehouseId?: number | null;
}

/** Opens a pet-shop account on the world's price list (as sales); returns its id. */
export async function createCustomer(
  world: OrderWorld,
  accountNumber: string,
  settings: CustomerSettings = {},
): Promise<number> {
  const { api } = world;
  const response = await call(api, 'POST', '/customers', api.as('sales'), {
    accountNumber,
    name: `Pet shop ${accountNumber}`,
    billTo: { line1: '1 Main St', city: 'Columbus', postalCode: '43215', country: 'US' },
    currency: 'USD',
    priceListId: world.priceListId,
    creditLimitMinor: null,
    priority: 5,
    allowBackorders: true,
    shipComplete: false,
    minRemainingShelfLifeDays: 0,
    ...settings,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as number;
}

/** An order world with two accounts: one taking any lot, one (a vet) wanting 200 days left. */
export async function startShelfLifeWorld(dialect: DialectName) {
  const world = await startOrderWorld(dialect);
  const anyLot = await createCustomer(world, 'ANY-1', { minRemainingShelfLifeDays: 0 });
  const picky = await createCustomer(world, 'VET-1', { minRemainingShelfLifeDays: 200 });
  return { world, anyLot, picky };
}

/** Headers of a fresh customer-role key bound to the account. */
export async function customerHeaders(world: OrderWorld, customerId: number): Promise<Headers> {
  const key = await createApiKey(
    world.api.store.database,
    { role: 'customer', customerId },
    clock(),
  );
  if (!key.ok) throw new Error(key.error.message);
  return { authorization: `Bearer ${key.value.key}` };
}

export interface ReceiptOptions {
  locationId?: number;
  lotCode?: string;
  expiryDate?: string;
}

/** Receives stock through POST /stock/receipts (which fills waiting backorders first). */
export async function receive(
  world: OrderWorld,
  skuId: number,
  quantity: number,
  options: ReceiptOptions = {},
) {
  const response = await call(world.api, 'POST', '/stock/receipts', world.api.as('warehouse'), {
    skuId,
    toLocationId: options.locationId ?? world.pickFace,
    quantity,
    ...(options.lotCode ? { lotCode: options.lotCode } : {}),
    ...(options.expiryDate ? { expiryDate: options.expiryDate } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export interface LineIn {
  skuId: number;
  packLevel: 'each' | 'case' | 'pallet';
  packQuantity: number;
  unitPriceMinor?: number;
  notes?: string;
}

/** An order line of `packQuantity` packs (eaches unless said otherwise). */
export function line(
  skuId: number,
  packQuantity: number,
  packLevel: LineIn['packLevel'] = 'each',
  extra: Partial<LineIn> = {},
): LineIn {
  return { skuId, packLevel, packQuantity, ...extra };
}

/** POST /orders; staff name the customer in the body, a customer key need not. */
export function postOrder(
  world: OrderWorld,
  headers: Headers,
  body: { customerId?: number; lines: LineIn[]; [field: string]: unknown },
  idempotencyKey?: string,
) {
  return call(
    world.api,
    'POST',
    '/orders',
    idempotencyKey ? { ...headers, 'idempotency-key': idempotencyKey } : headers,
    body,
  );
}

/** Places an order as sales for a customer and expects it to be taken. */
export async function placeOrderFor(world: OrderWorld, customerId: number, lines: LineIn[]) {
  const response = await postOrder(world, world.api.as('sales'), { customerId, lines });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; status: string; totalMinor: number };
}

export interface OrderDetail {
  id: number;
  status: string;
  holdReason: string | null;
  totalMinor: number;
  lines: {
    id: number;
    skuId: number;
    packLevel: string;
    packQuantity: number;
    quantityOrdered: number;
    quantityAllocated: number;
    quantityBackordered: number;
    quantityCancelled: number;
    unitPriceMinor: number;
    lineTotalMinor: number;
    priceSource: string;
    notes: string | null;
  }[];
  allocations: {
    lineId: number;
    skuId: number;
    locationId: number;
    locationCode: string;
    lotCode: string | null;
    expiryDate: string | null;
    quantity: number;
    remaining: number;
  }[];
  timeline: { type: string; data: Record<string, unknown> }[];
}

/** GET /orders/:id as staff. */
export async function orderDetail(world: OrderWorld, orderId: number): Promise<OrderDetail> {
  const response = await call(world.api, 'GET', `/orders/${orderId}`, world.api.as('sales'));
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as OrderDetail;
}

/** Open reservations of an order, summed per (bin, lot code). */
export function heldByBinAndLot(order: OrderDetail): Record<string, number> {
  const held: Record<string, number> = {};
  for (const a of order.allocations) {
    if (a.remaining === 0) continue;
    const key = `${a.locationCode}/${a.lotCode ?? '-'}`;
    held[key] = (held[key] ?? 0) + a.remaining;
  }
  return held;
}

/** Units of a SKU on sellable shelves and not reserved, over every bin and lot. */
export async function available(world: OrderWorld, skuId: number): Promise<number> {
  const rows = await world.api.store.database.db
    .selectFrom('stock_balances')
    .select(['on_hand', 'allocated'])
    .where('sku_id', '=', skuId)
    .where('location_id', 'in', world.warehouse.bins)
    .execute();
  return rows.reduce((n, r) => n + Number(r.on_hand) - Number(r.allocated), 0);
}

/** How many rows a table holds. */
export async function countRows(
  world: OrderWorld,
  table: 'orders' | 'order_lines' | 'allocations' | 'order_events',
): Promise<number> {
  const row = await world.api.store.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * What must hold after any scenario, read straight from the tables: per line shipped ≤ picked
 * ≤ allocated ≤ ordered, backordered + allocated + cancelled ≤ ordered, and allocated equal
 * to what its open reservations hold; no balance negative or reserved beyond what is on hand;
 * and reconcile() finds no difference between balances, movements and reservations.
 */
export async function expectConsistent(world: OrderWorld): Promise<void> {
  const db = world.api.store.database.db;
  const lines = await db.selectFrom('order_lines').selectAll().execute();
  const open = await db
    .selectFrom('allocations')
    .select(['order_line_id', 'remaining'])
    .where('remaining', '>', 0)
    .execute();
  const heldPerLine = new Map<number, number>();
  for (const a of open)
    heldPerLine.set(a.order_line_id, (heldPerLine.get(a.order_line_id) ?? 0) + a.remaining);
  for (const l of lines) {
    const at = `line ${l.id} of order ${l.order_id}`;
    expect(l.quantity_shipped, at).toBeLessThanOrEqual(l.quantity_picked);
    expect(l.quantity_picked, at).toBeLessThanOrEqual(l.quantity_allocated);
    expect(l.quantity_allocated, at).toBeLessThanOrEqual(l.quantity_ordered);
    expect(l.quantity_allocated, at).toBeGreaterThanOrEqual(0);
    expect(l.quantity_backordered, at).toBeGreaterThanOrEqual(0);
    expect(
      l.quantity_backordered + l.quantity_allocated + l.quantity_cancelled,
      at,
    ).toBeLessThanOrEqual(l.quantity_ordered);
    // Allocated counts what is still reserved plus what was already picked against it.
    expect(l.quantity_allocated, at).toBe((heldPerLine.get(l.id) ?? 0) + l.quantity_picked);
  }
  const balances = await db.selectFrom('stock_balances').selectAll().execute();
  for (const b of balances) {
    const at = `balance of SKU ${b.sku_id} at ${b.location_id}, lot ${b.lot_id}`;
    expect(b.on_hand, at).toBeGreaterThanOrEqual(0);
    expect(b.allocated, at).toBeGreaterThanOrEqual(0);
    expect(b.allocated, at).toBeLessThanOrEqual(b.on_hand);
  }
  const report = await reconcile(db);
  expect(report.differences).toEqual([]);
}
