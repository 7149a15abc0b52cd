import { expect } from 'vitest';
import type { DialectName } from '../../src/adapters/db/database.js';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { gtin13, gtin14 } from '../catalog/catalog-fixtures.js';
import {
  call,
  createCustomer,
  createSku,
  line,
  placeOrderFor,
  receive,
  startOrderWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';

/**
 * Shared by the fulfillment tests (waves, picking, packing, shipping, returns). Builds on the
 * order fixtures: warehouse MAIN with bins A-01-01 (pick face, walk 1), A-01-02 (walk 2) and
 * A-01-03 (walk 3), barcodes `MAIN-<code>`, and dog-food SKUs in cases of 4.
 */
export type FulfillmentWorld = OrderWorld;

export async function startFulfillmentWorld(dialect: DialectName): Promise<FulfillmentWorld> {
  return startOrderWorld(dialect);
}

/** The printed barcode of one of the world's bins (A-01-0n → MAIN-A-01-0n). */
export const binBarcode = (code: string) => `MAIN-${code}`;

/** Each GTIN (13 digits) and case GTIN (14) of the n-th SKU the world created. */
export function gtinsOf(n: number): { each: string; case: string } {
  const body = `590123${String(n).padStart(6, '0')}`;
  return { each: gtin13(body), case: gtin14(1, body) };
}

/** A GS1-128 element string as a human-readable scan: (01) GTIN, (10) lot, (17) expiry, (37) count. */
export function gs1Label(gtin: string, lot?: string, expiry?: string, count?: number): string {
  const yymmdd = expiry ? expiry.slice(2).replaceAll('-', '') : undefined;
  return [
    `(01)${gtin.padStart(14, '0')}`,
    lot ? `(10)${lot}` : '',
    yymmdd ? `(17)${yymmdd}` : '',
    count ? `(37)${count}` : '',
  ].join('');
}

/** A SKU stocked in bins: `stock` is [bin id, quantity, lot code?][]. Returns the SKU id and its n. */
export async function stockedSku(
  world: FulfillmentWorld,
  stock: [number, number, string?][],
  lotTracked = false,
): Promise<{ skuId: number; n: number }> {
  const skuId = await createSku(world, lotTracked);
  for (const [locationId, quantity, lotCode] of stock) {
    await receive(world, skuId, quantity, {
      locationId,
      ...(lotCode ? { lotCode, expiryDate: '2027-06-30' } : {}),
    });
  }
  return { skuId, n: world.skuCount };
}

/** Places an allocated order of `[skuId, eaches][]` for a new pet shop; returns the order id. */
export async function allocatedOrder(
  world: FulfillmentWorld,
  account: string,
  lines: [number, number][],
  priority = 5,
): Promise<number> {
  const customerId = await createCustomer(world, account, { priority });
  const order = await placeOrderFor(
    world,
    customerId,
    lines.map(([skuId, q]) => line(skuId, q)),
  );
  expect(order.status).toBe('allocated');
  return order.id;
}

/** POST /waves as the warehouse. */
export function postWave(world: FulfillmentWorld, body: Record<string, unknown>, key?: string) {
  const headers = world.api.as('warehouse');
  return call(world.api, 'POST', '/waves', key ? { ...headers, 'idempotency-key': key } : headers, {
    warehouseId: world.warehouse.id,
    ...body,
  });
}

export interface PickListBody {
  wave: { id: number; status: string; pickMode: string; orderIds: number[] };
  tasks: {
    taskId: number;
    sequence: number;
    status: string;
    location: { id: number; code: string; barcode: string | null };
    sku: { id: number; code: string; gtin: string | null };
    lot: { code: string; expiryDate: string | null } | null;
    quantity: number;
    pickedQuantity: number;
    shortQuantity: number;
    remaining: number;
    cases: number;
    eaches: number;
    orders: { orderId: number; quantity: number; pickedQuantity: number }[];
  }[];
}

export async function pickList(world: FulfillmentWorld, waveId: number): Promise<PickListBody> {
  const response = await call(
    world.api,
    'GET',
    `/waves/${waveId}/pick-list`,
    world.api.as('warehouse'),
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PickListBody;
}

/** POST /pick-tasks/:id/confirm as the warehouse. */
export function confirmPick(
  world: FulfillmentWorld,
  taskId: number,
  body: Record<string, unknown>,
  key?: string,
) {
  const headers = world.api.as('warehouse');
  return call(
    world.api,
    'POST',
    `/pick-tasks/${taskId}/confirm`,
    key ? { ...headers, 'idempotency-key': key } : headers,
    body,
  );
}

/** POST /pick-tasks/:id/short as the warehouse. */
export function shortPick(
  world: FulfillmentWorld,
  taskId: number,
  quantity: number,
  reason = 'not in bin',
) {
  return call(world.api, 'POST', `/pick-tasks/${taskId}/short`, world.api.as('warehouse'), {
    quantity,
    reason,
  });
}

/** Everything a refused pick must leave untouched. */
export async function pickState(world: FulfillmentWorld) {
  const db = world.api.store.database.db;
  return {
    balances: await db
      .selectFrom('stock_balances')
      .selectAll()
      .orderBy('location_id')
      .orderBy('sku_id')
      .orderBy('lot_id')
      .execute(),
    movements: await db.selectFrom('stock_movements').select('id').orderBy('id').execute(),
    allocations: await db
      .selectFrom('allocations')
      .select(['id', 'remaining'])
      .orderBy('id')
      .execute(),
    lines: await db.selectFrom('order_lines').selectAll().orderBy('id').execute(),
    tasks: await db.selectFrom('pick_tasks').selectAll().orderBy('id').execute(),
    orders: await db.selectFrom('orders').select(['id', 'status']).orderBy('id').execute(),
  };
}

/**
 * What must hold after every fulfillment step: per line picked ≤ allocated ≤ ordered and
 * allocated = what open reservations hold + what was picked; per open task, what its
 * reservations still hold = what is left to pick; and reconcile() finds no difference.
 */
export async function expectPickConsistent(world: FulfillmentWorld): Promise<void> {
  const db = world.api.store.database.db;
  const open = await db.selectFrom('allocations').select(['order_line_id', 'remaining']).execute();
  const held = new Map<number, number>();
  for (const a of open) held.set(a.order_line_id, (held.get(a.order_line_id) ?? 0) + a.remaining);
  for (const l of await db.selectFrom('order_lines').selectAll().execute()) {
    const at = `line ${l.id} of order ${l.order_id}`;
    expect(l.quantity_shipped, at).toBeLessThanOrEqual(l.quantity_picked);
    expect(l.quantity_picked, at).toBeLessThanOrEqual(l.quantity_allocated);
    expect(l.quantity_allocated, at).toBeLessThanOrEqual(l.quantity_ordered);
    expect(
      l.quantity_backordered + l.quantity_allocated + l.quantity_cancelled,
      at,
    ).toBeLessThanOrEqual(l.quantity_ordered);
    expect(l.quantity_allocated, at).toBe((held.get(l.id) ?? 0) + l.quantity_picked);
  }
  const tasks = await db
    .selectFrom('pick_tasks')
    .selectAll()
    .where('status', '=', 'open')
    .execute();
  for (const t of tasks) {
    const parts = await db
      .selectFrom('pick_task_allocations as p')
      .innerJoin('allocations as a', 'a.id', 'p.allocation_id')
      .select('a.remaining')
      .where('p.pick_task_id', '=', t.id)
      .execute();
    expect(
      parts.reduce((n, p) => n + p.remaining, 0),
      `task ${t.id}`,
    ).toBe(t.quantity - t.picked_quantity - t.short_quantity);
  }
  const report = await reconcile(db);
  expect(report.differences).toEqual([]);
}
