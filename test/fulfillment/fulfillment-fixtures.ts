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
import { postMovement } from '../../src/app/inventory/ledger.js';
import { placeFacts, standardPlace } from '../../src/app/inventory/stock-facts.js';
import { clock, type Headers, type LineIn } from '../orders/order-fixtures.js';
import { postOrder } from '../orders/order-fixtures.js';
import { moveOrder, type OrderStatus } from '../../src/core/orders/order-status.js';
import { recordOrderEvent } from '../../src/app/orders/order-timeline.js';

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

// ---- shipped orders and returns (RMAs) ----

/** An order as shippedOrder leaves it. */
export interface ShippedOrder {
  orderId: number;
  shipmentId: number;
  /** Order lines as shipped, in line-number order. */
  lines: { id: number; skuId: number; quantityShipped: number; unitPriceMinor: number }[];
}

/**
 * An order placed through the API (priced and allocated), then picked and shipped straight
 * in the tables, as docs/FULFILLMENT.md lays the stock path out: each reservation is picked
 * bin → STAGING (type `pick`, consuming it, resolved `picked`), then STAGING → CUSTOMER (type
 * `ship`); the lines' picked and shipped quantities go up, a shipment row is written and the
 * order is `shipped`. For tests of what comes after shipping, without the wave machinery.
 */
export async function shippedOrder(
  world: OrderWorld,
  customerId: number,
  lines: LineIn[],
): Promise<ShippedOrder> {
  const placed = await placeOrderFor(world, customerId, lines);
  const nowIso = clock().toISOString();
  return world.api.store.database.write(async (trx) => {
    const allocations = await trx
      .selectFrom('allocations')
      .selectAll()
      .where('order_id', '=', placed.id)
      .where('remaining', '>', 0)
      .orderBy('id')
      .execute();
    if (allocations.length === 0) throw new Error(`order ${placed.id} holds no stock to ship`);
    const warehouseId = allocations[0]!.warehouse_id;
    const staging = await standardPlace(trx, warehouseId, 'staging');
    const customer = await standardPlace(trx, warehouseId, 'customer');
    const reference = `SO-${placed.id}`;
    const actor = 'test:fixture';
    for (const a of allocations) {
      const movement = {
        skuId: a.sku_id,
        lotId: a.lot_id,
        quantity: a.remaining,
        reference,
        actor,
      };
      const bin = await placeFacts(trx, a.location_id);
      await postMovement(
        trx,
        { ...movement, from: bin, to: staging, type: 'pick', fromAllocated: a.remaining },
        nowIso,
      );
      await postMovement(trx, { ...movement, from: staging, to: customer, type: 'ship' }, nowIso);
      await trx.updateTable('allocations').set({ remaining: 0 }).where('id', '=', a.id).execute();
      await trx
        .insertInto('allocation_resolutions')
        .values({
          allocation_id: a.id,
          kind: 'picked',
          quantity: a.remaining,
          reference,
          created_at: nowIso,
        })
        .execute();
      await trx
        .updateTable('order_lines')
        .set((eb) => ({
          quantity_picked: eb('quantity_picked', '+', a.remaining),
          quantity_shipped: eb('quantity_shipped', '+', a.remaining),
          updated_at: nowIso,
        }))
        .where('id', '=', a.order_line_id)
        .execute();
    }
    const shipment = await trx
      .insertInto('shipments')
      .values({
        order_id: placed.id,
        warehouse_id: warehouseId,
        carrier_code: 'UPS',
        service: 'ground',
        tracking_number: `1Z${placed.id}`,
        cost_minor: 0,
        status: 'shipped',
        shipped_at: nowIso,
        promised_date: null,
        delivered_at: null,
        pod_name: null,
        pod_note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('orders')
      .set({ status: 'shipped', warehouse_id: warehouseId, updated_at: nowIso })
      .where('id', '=', placed.id)
      .execute();
    const shipped = await trx
      .selectFrom('order_lines')
      .select(['id', 'sku_id', 'quantity_shipped', 'unit_price_minor'])
      .where('order_id', '=', placed.id)
      .orderBy('line_number')
      .execute();
    return {
      orderId: placed.id,
      shipmentId: shipment.id,
      lines: shipped.map((l) => ({
        id: l.id,
        skuId: l.sku_id,
        quantityShipped: l.quantity_shipped,
        unitPriceMinor: l.unit_price_minor,
      })),
    };
  });
}

/**
 * The ledger invariants after any step of fulfillment: per line shipped ≤ picked ≤ allocated
 * ≤ ordered, and what is allocated but not yet picked is exactly what open reservations hold;
 * reconcile() finds no difference between balances, movements and reservations.
 */
export async function expectLedgerSound(world: OrderWorld): Promise<void> {
  const db = world.api.store.database.db;
  const lines = await db.selectFrom('order_lines').selectAll().execute();
  const open = await db
    .selectFrom('allocations')
    .select(['order_line_id', 'remaining'])
    .where('remaining', '>', 0)
    .execute();
  const held = new Map<number, number>();
  for (const a of open) held.set(a.order_line_id, (held.get(a.order_line_id) ?? 0) + a.remaining);
  for (const l of lines) {
    const at = `line ${l.id} of order ${l.order_id}`;
    expect(l.quantity_shipped, at).toBeLessThanOrEqual(l.quantity_picked);
    expect(l.quantity_picked, at).toBeLessThanOrEqual(l.quantity_allocated);
    expect(l.quantity_allocated, at).toBeLessThanOrEqual(l.quantity_ordered);
    expect(l.quantity_allocated - l.quantity_picked, at).toBe(held.get(l.id) ?? 0);
  }
  const report = await reconcile(db);
  expect(report.differences).toEqual([]);
}

/** On hand of a SKU at one location, over all lots. */
export async function onHandAt(world: OrderWorld, locationId: number, skuId: number) {
  const rows = await world.api.store.database.db
    .selectFrom('stock_balances')
    .select('on_hand')
    .where('location_id', '=', locationId)
    .where('sku_id', '=', skuId)
    .execute();
  return rows.reduce((n, r) => n + Number(r.on_hand), 0);
}

/** An RMA as GET /returns/:id shows it. */
export interface ReturnDetail {
  id: number;
  status: string;
  reason: string;
  creditMinor: number;
  lines: {
    id: number;
    orderLineId: number;
    quantityAuthorized: number;
    quantityReceived: number;
    lotCode: string | null;
    disposition: string | null;
    locationId: number | null;
    creditMinor: number;
  }[];
}

/** POST /returns<path> as the given headers (warehouse staff unless said otherwise). */
export function returnCall(
  world: OrderWorld,
  path: string,
  payload: unknown,
  headers: Headers & Record<string, string> = world.api.as('warehouse'),
) {
  return call(world.api, 'POST', `/returns${path}`, headers, payload);
}

/** Authorizes an RMA as sales and expects it; returns the RMA as GET /returns/:id shows it. */
export async function authorizedReturn(
  world: OrderWorld,
  orderId: number,
  reason: string,
  lines: { orderLineId: number; quantity: number }[],
): Promise<ReturnDetail> {
  const response = await returnCall(world, '', { orderId, reason, lines }, world.api.as('sales'));
  expect(response.statusCode, response.body).toBe(201);
  return returnDetail(world, response.json().id as number);
}

/** GET /returns/:id as staff. */
export async function returnDetail(world: OrderWorld, returnId: number): Promise<ReturnDetail> {
  const response = await call(world.api, 'GET', `/returns/${returnId}`, world.api.as('sales'));
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ReturnDetail;
}

// ---- picked orders (packing and shipping) ----

/** An order as pickedOrder leaves it: released, every reservation picked into STAGING. */
export interface PickedOrder {
  orderId: number;
  /** Order lines in line-number order, with what was picked. */
  lines: { id: number; skuId: number; quantityPicked: number }[];
}

/**
 * An order placed through the API (priced, allocated) and released, then picked straight in
 * the tables exactly as docs/FULFILLMENT.md lays picking out: per reservation bin → STAGING
 * (type `pick`, `fromAllocated`), `allocations.remaining` down, an `allocation_resolutions`
 * row `picked`, `quantity_picked` up; then the order moves released → picked. For packing and
 * shipping tests, without the wave machinery.
 */
export async function pickedOrder(
  world: OrderWorld,
  customerId: number,
  lines: LineIn[],
  extra: { requestedShipDate?: string } = {},
): Promise<PickedOrder> {
  const placed = await postOrder(world, world.api.as('sales'), { customerId, lines, ...extra });
  expect(placed.statusCode, placed.body).toBe(201);
  const orderId = placed.json().id as number;
  const released = await call(
    world.api,
    'POST',
    `/orders/${orderId}/release`,
    world.api.as('warehouse'),
  );
  expect(released.statusCode, released.body).toBe(200);
  const nowIso = clock().toISOString();
  await world.api.store.database.write(async (trx) => {
    const allocations = await trx
      .selectFrom('allocations')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('remaining', '>', 0)
      .orderBy('id')
      .execute();
    const reference = `pick:SO-${orderId}`;
    for (const a of allocations) {
      const staging = await standardPlace(trx, a.warehouse_id, 'staging');
      const bin = await placeFacts(trx, a.location_id);
      await postMovement(
        trx,
        {
          skuId: a.sku_id,
          lotId: a.lot_id,
          from: bin,
          to: staging,
          quantity: a.remaining,
          type: 'pick',
          fromAllocated: a.remaining,
          reference,
          actor: 'test:picker',
        },
        nowIso,
      );
      await trx.updateTable('allocations').set({ remaining: 0 }).where('id', '=', a.id).execute();
      await trx
        .insertInto('allocation_resolutions')
        .values({
          allocation_id: a.id,
          kind: 'picked',
          quantity: a.remaining,
          reference,
          created_at: nowIso,
        })
        .execute();
      await trx
        .updateTable('order_lines')
        .set((eb) => ({
          quantity_picked: eb('quantity_picked', '+', a.remaining),
          updated_at: nowIso,
        }))
        .where('id', '=', a.order_line_id)
        .execute();
    }
    const order = await trx
      .selectFrom('orders')
      .select('status')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    const moved = moveOrder(order.status as OrderStatus, 'picked');
    if (!moved.ok) throw new Error(moved.error.message);
    await trx
      .updateTable('orders')
      .set({ status: 'picked', updated_at: nowIso })
      .where('id', '=', orderId)
      .execute();
    await recordOrderEvent(trx, orderId, 'picked', 'test:picker', {}, nowIso);
  });
  const picked = await world.api.store.database.db
    .selectFrom('order_lines')
    .select(['id', 'sku_id', 'quantity_picked'])
    .where('order_id', '=', orderId)
    .orderBy('line_number')
    .execute();
  return {
    orderId,
    lines: picked.map((l) => ({ id: l.id, skuId: l.sku_id, quantityPicked: l.quantity_picked })),
  };
}
