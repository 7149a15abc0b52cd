import { expect } from 'vitest';
import type { Database, Tx } from '../../src/adapters/db/database.js';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { createPurchaseOrder } from '../../src/app/purchasing/create-purchase-order.js';
import { receivingCeiling } from '../../src/core/receiving/receipt-rules.js';
import { dogFood } from '../catalog/catalog-fixtures.js';
import { NOW } from '../support/fixtures.js';
import {
  call,
  clock,
  startOrderWorld,
  type Headers,
  type OrderWorld,
} from '../orders/order-fixtures.js';
import type { DialectName } from '../../src/adapters/db/database.js';

/** An order world (pick face + two reserve bins) with a supplier to buy from. */
export interface ReceivingWorld extends OrderWorld {
  supplierId: number;
}

let suppliers = 0;

/** Inserts an active USD supplier straight into the table; returns its id. */
export async function insertSupplier(database: Database): Promise<number> {
  const n = ++suppliers;
  const row = await database.write((trx) =>
    trx
      .insertInto('suppliers')
      .values({
        code: `RCV-SUP-${process.pid}-${n}`,
        name: `Acme Pet Foods ${n}`,
        contact_name: null,
        email: null,
        phone: null,
        currency: 'USD',
        lead_time_days: 7,
        min_order_value_minor: 0,
        min_order_quantity: 0,
        active: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

export async function startReceivingWorld(dialect: DialectName): Promise<ReceivingWorld> {
  const world = await startOrderWorld(dialect);
  return Object.assign(world, { supplierId: await insertSupplier(world.api.store.database) });
}

/** The GTINs the n-th SKU of a world carries (see createSku / dogFood): each and case of 4. */
export function gtinsOf(n: number) {
  const sku = dogFood(n);
  return { each: sku.gtin, case: sku.packs[0]!.gtin };
}

/** A PO created and marked sent in one transaction; returns its id and line ids in order. */
export async function sentPurchaseOrder(
  database: Database,
  supplierId: number,
  warehouseId: number,
  lines: { skuId: number; quantity: number }[],
): Promise<{ id: number; lineIds: number[] }> {
  return database.write(async (trx: Tx) => {
    const po = await createPurchaseOrder(trx, { supplierId, warehouseId, lines }, 'test', NOW);
    await trx
      .updateTable('purchase_orders')
      .set({ status: 'sent', sent_at: NOW })
      .where('id', '=', po.id)
      .execute();
    const rows = await trx
      .selectFrom('purchase_order_lines')
      .select('id')
      .where('purchase_order_id', '=', po.id)
      .orderBy('line_number')
      .execute();
    return { id: po.id, lineIds: rows.map((r) => r.id) };
  });
}

/** A GS1-128 string as a handheld types it, in the bracketed form. */
export function gs1(gtin14: string, fields: { lot?: string; expiry?: string; count?: number }) {
  const expiry = fields.expiry ? `(17)${fields.expiry.slice(2).replaceAll('-', '')}` : '';
  const count = fields.count === undefined ? '' : `(37)${fields.count}`;
  const lot = fields.lot ? `(10)${fields.lot}` : '';
  return `(01)${gtin14}${expiry}${count}${lot}`;
}

export function receiveOnPo(
  world: OrderWorld,
  purchaseOrderId: number,
  body: Record<string, unknown>,
  headers: Headers = world.api.as('warehouse'),
) {
  return call(world.api, 'POST', `/purchase-orders/${purchaseOrderId}/receipts`, headers, body);
}

export interface TaskView {
  id: number;
  kind: string;
  status: string;
  skuId: number;
  lotId: number;
  quantity: number;
  fromLocationId: number;
  suggestedLocationId: number | null;
  toLocationId: number | null;
}

/** GET /move-tasks of a warehouse (the world's MAIN unless told), open ones unless `query` says. */
export async function moveTasks(
  world: OrderWorld,
  query = '',
  warehouseId = world.warehouse.id,
): Promise<TaskView[]> {
  const response = await call(
    world.api,
    'GET',
    `/move-tasks?warehouseId=${warehouseId}${query}`,
    world.api.as('warehouse'),
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as TaskView[];
}

export function confirmTask(world: OrderWorld, taskId: number, scan: string) {
  return call(world.api, 'POST', `/move-tasks/${taskId}/confirm`, world.api.as('warehouse'), {
    scan,
  });
}

/** The barcode insertWarehouse printed on a location of the world's MAIN warehouse. */
export const barcodeOf = (code: string) => `MAIN-${code}`;

/** On hand of a SKU at one location, all lots. */
export async function onHandAt(db: Database['db'], locationId: number, skuId: number) {
  const rows = await db
    .selectFrom('stock_balances')
    .select('on_hand')
    .where('location_id', '=', locationId)
    .where('sku_id', '=', skuId)
    .execute();
  return rows.reduce((n, r) => n + Number(r.on_hand), 0);
}

/** Row counts of every table a receipt or put-away writes: equal before and after a refusal. */
export async function writtenRows(db: Database['db']) {
  const count = async (
    table: 'receipts' | 'stock_movements' | 'move_tasks' | 'outbox_events' | 'lots',
  ) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const lines = await db
    .selectFrom('purchase_order_lines')
    .select(['id', 'quantity_received', 'quantity_damaged'])
    .orderBy('id')
    .execute();
  const balances = await db
    .selectFrom('stock_balances')
    .select(['location_id', 'sku_id', 'lot_id', 'on_hand'])
    .orderBy('location_id')
    .orderBy('sku_id')
    .orderBy('lot_id')
    .execute();
  return {
    receipts: await count('receipts'),
    movements: await count('stock_movements'),
    tasks: await count('move_tasks'),
    events: await count('outbox_events'),
    lots: await count('lots'),
    lines: lines.map((l) => [l.id, Number(l.quantity_received), Number(l.quantity_damaged)]),
    balances: balances.map((b) => [b.location_id, b.sku_id, b.lot_id, Number(b.on_hand)]),
  };
}

/**
 * What receiving must never break: reconcile clean (balances = movements), nothing negative,
 * every PO line within ordered × (1 + tolerance) and damaged ≤ received, each line's received
 * equal to its receipts, and each receipt's open + done put-away equal to its good quantity.
 */
export async function expectReceivingConsistent(db: Database['db'], tolerancePct = 10) {
  expect((await reconcile(db)).differences).toEqual([]);
  const balances = await db.selectFrom('stock_balances').selectAll().execute();
  for (const b of balances) expect(Number(b.on_hand)).toBeGreaterThanOrEqual(0);
  const lines = await db.selectFrom('purchase_order_lines').selectAll().execute();
  const receipts = await db.selectFrom('receipts').selectAll().execute();
  for (const l of lines) {
    const line = {
      quantityOrdered: Number(l.quantity_ordered),
      quantityReceived: Number(l.quantity_received),
      quantityCancelled: Number(l.quantity_cancelled),
    };
    expect(line.quantityReceived).toBeLessThanOrEqual(receivingCeiling(line, tolerancePct));
    expect(Number(l.quantity_damaged)).toBeLessThanOrEqual(line.quantityReceived);
    const booked = receipts
      .filter((r) => r.purchase_order_line_id === l.id)
      .reduce((n, r) => n + Number(r.quantity), 0);
    expect(booked).toBe(line.quantityReceived);
  }
  const tasks = await db
    .selectFrom('move_tasks')
    .select(['receipt_id', 'quantity', 'status'])
    .where('kind', '=', 'putaway')
    .execute();
  for (const r of receipts) {
    const planned = tasks
      .filter((t) => t.receipt_id === r.id && t.status !== 'cancelled')
      .reduce((n, t) => n + Number(t.quantity), 0);
    expect(planned).toBe(r.damaged ? 0 : Number(r.quantity));
  }
}

export { call, clock };
