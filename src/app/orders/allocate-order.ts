import type { Tx } from '../../adapters/db/database.js';
import {
  earliestAcceptableExpiry,
  effectiveShelfLifeDays,
} from '../../core/customers/shelf-life.js';
import {
  withinWarehouse,
  type AllocationLine,
  type AllocationPiece,
  type AllocationPolicy,
} from '../../core/orders/allocation-policy.js';
import { allocationStatus, moveOrder, type OrderStatus } from '../../core/orders/order-status.js';
import { settleShortfalls } from '../../core/orders/shortfall.js';
import { must } from '../../core/shared/result.js';
import type { CustomerForOrder } from '../customers/customer-for-order.js';
import { businessToday } from '../warehouses/warehouse-time-zones.js';
import { skuShelfLifeRules } from '../customers/sku-rules.js';
import { allocateLines } from './allocate-lines.js';
import { lockOrder } from './lock-order.js';
import { recomputeTotal } from './order-total.js';
import { recordOrderEvents, type OrderEvent } from './order-timeline.js';

export interface AllocationOutcome {
  status: OrderStatus;
  allocated: number;
  backordered: number;
  cancelled: number;
}

/** An order line as allocation reads it. */
export interface OpenLine {
  id: number;
  sku_id: number;
  quantity_ordered: number;
  quantity_allocated: number;
  quantity_cancelled: number;
  quantity_backordered: number;
}

/** An order the caller already holds in this transaction, with its lines in line order. */
export interface HeldOrder {
  id: number;
  status: string;
  lines: readonly OpenLine[];
  /** The warehouse the order already holds stock in (null before its first allocation). */
  warehouseId?: number | null;
}

/**
 * Holds stock for everything an order still needs, then settles what could not be held as
 * the customer's settings say (backorder, cancel, or refuse the order), and moves the order
 * to allocated, partially allocated or backordered. Runs inside the caller's transaction.
 */
export async function allocateOrder(
  trx: Tx,
  orderId: number,
  customer: CustomerForOrder,
  policy: AllocationPolicy,
  actor: string,
  now: Date,
): Promise<AllocationOutcome> {
  const order = await lockOrder(trx, orderId, { customerId: null });
  const lines = await openLines(trx, orderId);
  const { outcome, event } = await allocateHeldOrder(
    trx,
    { id: orderId, status: order.status, lines, warehouseId: order.warehouse_id },
    customer,
    policy,
    now,
  );
  if (event) await recordOrderEvents(trx, orderId, actor, [event], now.toISOString());
  return outcome;
}

/**
 * `allocateOrder` for an order the caller already holds: locked in this transaction (or
 * created in it, which no one else can see before the commit), with its lines as they are
 * now. Returns the timeline event to record (none if nothing changed) instead of recording
 * it, so the caller can write it together with its own.
 */
export async function allocateHeldOrder(
  trx: Tx,
  order: HeldOrder,
  customer: CustomerForOrder,
  policy: AllocationPolicy,
  now: Date,
): Promise<{ outcome: AllocationOutcome; event: OrderEvent | null; totalMinor: number | null }> {
  const nowIso = now.toISOString();
  const { lines } = order;
  const rules = await skuShelfLifeRules(
    trx,
    customer.id,
    lines.map((l) => l.sku_id),
  );
  const today = await businessToday(trx, customer.preferredWarehouseId, now);
  const wanted = wantedLines(lines, customer, rules, today);
  // A ship-complete order leaves in one shipment: once it holds stock in a warehouse, its
  // backorders are filled from that warehouse only (never split across two).
  const planner =
    customer.shipComplete && order.warehouseId != null
      ? withinWarehouse(policy, order.warehouseId)
      : policy;
  const held = await allocateLines(trx, order.id, wanted, customer, planner, nowIso);
  const { settled, status, warehouseId, outcome, event } = settleHold(order, held, customer);
  for (const s of settled) {
    const line = lines.find((l) => l.id === s.lineId)!;
    if (line.quantity_backordered === s.backordered && line.quantity_cancelled === s.cancelled)
      continue;
    await trx
      .updateTable('order_lines')
      .set({
        quantity_backordered: s.backordered,
        quantity_cancelled: s.cancelled,
        updated_at: nowIso,
      })
      .where('id', '=', s.lineId)
      .execute();
  }
  await trx
    .updateTable('orders')
    .set({ status, updated_at: nowIso, ...(warehouseId ? { warehouse_id: warehouseId } : {}) })
    .where('id', '=', order.id)
    .execute();
  // A shortfall cancelled rather than backordered is no longer sold: the order is worth less.
  const totalMinor = outcome.cancelled > 0 ? await recomputeTotal(trx, order.id, nowIso) : null;
  return { outcome, event, totalMinor };
}

/**
 * What allocation should hold for each line: what is still open, no lot expiring before the
 * customer's minimum remaining shelf life (the SKU's rule overriding the account's).
 */
export function wantedLines(
  lines: readonly OpenLine[],
  customer: CustomerForOrder,
  rules: ReadonlyMap<number, number>,
  today: string,
): AllocationLine[] {
  return lines.map((l) => ({
    lineId: l.id,
    skuId: l.sku_id,
    quantity: l.quantity_ordered - l.quantity_allocated - l.quantity_cancelled,
    minExpiryDate: earliestAcceptableExpiry(
      today,
      effectiveShelfLifeDays(customer.minRemainingShelfLifeDays, rules.get(l.sku_id)),
    ),
  }));
}

/** A line after a hold: what it now has allocated, backordered and cancelled. */
export interface SettledLine {
  lineId: number;
  allocated: number;
  backordered: number;
  cancelled: number;
}

/**
 * How an order stands once `held` was reserved for it (pure): what becomes of each line's
 * shortfall as the customer's settings say (backorder, cancel, or refuse the order — thrown),
 * the order's new status, its warehouse, the outcome and the timeline event (null when nothing
 * changed).
 */
export function settleHold(
  order: HeldOrder,
  held: readonly AllocationPiece[],
  customer: CustomerForOrder,
): {
  settled: SettledLine[];
  status: OrderStatus;
  warehouseId: number | null;
  outcome: AllocationOutcome;
  event: OrderEvent | null;
} {
  const heldPerLine = new Map<number, number>();
  for (const p of held) heldPerLine.set(p.lineId, (heldPerLine.get(p.lineId) ?? 0) + p.quantity);
  const after = order.lines.map((l) => ({
    lineId: l.id,
    ordered: l.quantity_ordered,
    allocated: l.quantity_allocated + (heldPerLine.get(l.id) ?? 0),
    cancelled: l.quantity_cancelled,
  }));
  const settled = must(settleShortfalls(after, customer)).map((s, i) => ({
    ...s,
    allocated: after[i]!.allocated,
  }));
  const status = allocationStatus(
    settled.map((l, i) => ({
      ordered: after[i]!.ordered,
      allocated: l.allocated,
      cancelled: l.cancelled,
    })),
  );
  if (status !== order.status) must(moveOrder(order.status as OrderStatus, status));
  const outcome = {
    status,
    allocated: held.reduce((n, p) => n + p.quantity, 0),
    backordered: settled.reduce((n, s) => n + s.backordered, 0),
    cancelled:
      settled.reduce((n, s) => n + s.cancelled, 0) -
      order.lines.reduce((n, l) => n + l.quantity_cancelled, 0),
  };
  const event =
    outcome.allocated > 0 || status !== order.status
      ? {
          type: status === 'backordered' ? 'backordered' : 'allocated',
          data: { ...outcome, pieces: held.length },
        }
      : null;
  return { settled, status, warehouseId: held[0]?.warehouseId ?? null, outcome, event };
}

async function openLines(trx: Tx, orderId: number): Promise<OpenLine[]> {
  return trx
    .selectFrom('order_lines')
    .select([
      'id',
      'sku_id',
      'quantity_ordered',
      'quantity_allocated',
      'quantity_cancelled',
      'quantity_backordered',
    ])
    .where('order_id', '=', orderId)
    .orderBy('line_number')
    .execute();
}
