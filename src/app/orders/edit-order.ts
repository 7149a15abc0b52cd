import type { Tx } from '../../adapters/db/database.js';
import type { AllocationPolicy } from '../../core/orders/allocation-policy.js';
import { isEditable, moveOrder, type OrderStatus } from '../../core/orders/order-status.js';
import type { PriceLevel } from '../../core/pricing/price-resolver.js';
import { FailureError, must } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import { loadCustomerForOrder, type CustomerForOrder } from '../customers/customer-for-order.js';
import { businessToday } from '../warehouses/warehouse-time-zones.js';
import { allocateOrder } from './allocate-order.js';
import { lockOrder } from './lock-order.js';
import { recordOrderEvent } from './order-timeline.js';
import { holdReasonFor } from './credit-hold.js';
import { insertLines } from './order-lines-insert.js';
import type { OrderLineInput } from './place-order.js';
import { priceLines } from './price-lines.js';
import { recomputeTotal } from './order-total.js';
import { releaseAllocations } from './release-allocations.js';

export interface LineChange {
  lineId: number;
  packLevel: PriceLevel;
  packQuantity: number;
  unitPriceMinor?: number | undefined;
  notes?: string | undefined;
}

export interface OrderEdit {
  add?: OrderLineInput[] | undefined;
  change?: LineChange[] | undefined;
  remove?: number[] | undefined;
}

/**
 * Adds, changes and removes lines of an order not yet released, atomically: every unit the
 * order held is given back, the lines are rewritten and repriced, and the order is allocated
 * afresh from what is available now — all in one transaction, so no other order can slip in
 * between and nothing is held twice.
 */
export async function editOrder(
  trx: Tx,
  orderId: number,
  edit: OrderEdit,
  actor: Actor,
  policy: AllocationPolicy,
  now: Date,
) {
  const nowIso = now.toISOString();
  const order = await lockOrder(trx, orderId, actor);
  if (!isEditable(order.status as OrderStatus)) {
    throw new FailureError({
      code: 'ORDER.NOT_EDITABLE',
      message: `A ${order.status} order can no longer be edited`,
    });
  }
  const customer = await loadCustomerForOrder(trx, order.customer_id);
  if (!customer)
    throw new FailureError({
      code: 'CUSTOMER.NOT_FOUND',
      message: `No customer ${order.customer_id}`,
    });
  // Repriced on the business day at the order's warehouse (the customer's before one is chosen).
  const today = await businessToday(trx, order.warehouse_id ?? customer.preferredWarehouseId, now);
  await releaseAllocations(trx, orderId, 'all', 'released', nowIso);
  const lines = await trx
    .selectFrom('order_lines')
    .select(['id', 'line_number'])
    .where('order_id', '=', orderId)
    .execute();
  const known = new Set(lines.map((l) => l.id));
  for (const id of [...(edit.remove ?? []), ...(edit.change ?? []).map((c) => c.lineId)]) {
    if (!known.has(id))
      throw new FailureError({
        code: 'ORDER.LINE_NOT_FOUND',
        message: `Order ${orderId} has no line ${id}`,
      });
  }
  await removeLines(trx, edit.remove ?? [], nowIso);
  await changeLines(trx, customer, edit.change ?? [], actor, nowIso, today);
  if (edit.add?.length) {
    const priced = await priceLines(trx, customer, edit.add, actor, today);
    await insertLines(
      trx,
      orderId,
      priced,
      edit.add,
      nowIso,
      Math.max(0, ...lines.map((l) => l.line_number)) + 1,
    );
  }
  const totalMinor = await recomputeTotal(trx, orderId, nowIso);
  await trx
    .updateTable('order_lines')
    .set({ quantity_backordered: 0 })
    .where('order_id', '=', orderId)
    .execute();
  await recordOrderEvent(
    trx,
    orderId,
    'edited',
    actor.id,
    {
      added: edit.add?.length ?? 0,
      changed: edit.change?.length ?? 0,
      removed: edit.remove?.length ?? 0,
      totalMinor,
    },
    nowIso,
  );
  // A bigger order is a new credit decision: over the limit, it waits for approval holding nothing.
  const hold =
    totalMinor > order.total_minor && !['draft', 'on_hold'].includes(order.status)
      ? await holdReasonFor(trx, customer, totalMinor, totalMinor)
      : null;
  if (hold) {
    must(moveOrder(order.status as OrderStatus, 'on_hold'));
    await trx
      .updateTable('orders')
      .set({ status: 'on_hold', hold_reason: hold, updated_at: nowIso })
      .where('id', '=', orderId)
      .execute();
    await recordOrderEvent(trx, orderId, 'held', actor.id, { reason: hold }, nowIso);
    return { id: orderId, status: 'on_hold', totalMinor, allocation: null };
  }
  const allocate = !['draft', 'on_hold'].includes(order.status);
  const allocation = allocate
    ? await allocateOrder(trx, orderId, customer, policy, actor.id, now)
    : null;
  return { id: orderId, status: allocation?.status ?? order.status, totalMinor, allocation };
}

async function removeLines(trx: Tx, lineIds: readonly number[], nowIso: string) {
  for (const id of lineIds) {
    await trx
      .updateTable('order_lines')
      .set((eb) => ({ quantity_cancelled: eb.ref('quantity_ordered'), updated_at: nowIso }))
      .where('id', '=', id)
      .execute();
  }
}

async function changeLines(
  trx: Tx,
  customer: CustomerForOrder,
  changes: readonly LineChange[],
  actor: Actor,
  nowIso: string,
  today: string,
) {
  if (changes.length === 0) return;
  const current = await trx
    .selectFrom('order_lines')
    .select(['id', 'sku_id'])
    .where(
      'id',
      'in',
      changes.map((c) => c.lineId),
    )
    .execute();
  const requests = changes.map((c) => ({
    ...c,
    skuId: current.find((l) => l.id === c.lineId)!.sku_id,
  }));
  const priced = await priceLines(trx, customer, requests, actor, today);
  for (const [i, p] of priced.entries()) {
    await trx
      .updateTable('order_lines')
      .set({
        pack_level: p.packLevel,
        pack_quantity: p.packQuantity,
        quantity_ordered: p.quantityBase,
        quantity_cancelled: 0,
        unit_price_minor: p.unitPriceMinor,
        line_total_minor: p.lineTotalMinor,
        price_source: p.priceSource,
        ...(changes[i]!.notes !== undefined ? { notes: changes[i]!.notes } : {}),
        updated_at: nowIso,
      })
      .where('id', '=', changes[i]!.lineId)
      .execute();
  }
}
