import { postPick } from './pick-posting.js';
import { expect } from 'vitest';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { call, placeOrderFor, type OrderWorld } from '../orders/order-fixtures.js';
import { postMovement } from '../../src/app/inventory/ledger.js';
import { standardPlace } from '../../src/app/inventory/stock-facts.js';
import { clock, type Headers, type LineIn } from '../orders/order-fixtures.js';

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
      const quantity = a.remaining;
      await postPick(trx, a, reference, actor, nowIso);
      await postMovement(
        trx,
        {
          skuId: a.sku_id,
          lotId: a.lot_id,
          quantity,
          reference,
          actor,
          from: staging,
          to: customer,
          type: 'ship',
        },
        nowIso,
      );
      await trx
        .updateTable('order_lines')
        .set((eb) => ({
          quantity_shipped: eb('quantity_shipped', '+', quantity),
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
