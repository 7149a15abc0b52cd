import type { Tx } from '../../adapters/db/database.js';
import type { AllocationPolicy } from '../../core/orders/allocation-policy.js';
import { moveOrder, type OrderStatus } from '../../core/orders/order-status.js';
import { FailureError, must } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import { loadCustomerForOrder } from '../customers/customer-for-order.js';
import { allocateOrder } from './allocate-order.js';
import { lockOrder } from './lock-order.js';
import { recordOrderEvent } from './order-timeline.js';
import { holdReasonFor } from './credit-hold.js';

/** Roles that may approve an order held for credit or an account hold. */
export const HOLD_RELEASERS: readonly Actor['role'][] = ['admin', 'manager'];

/**
 * Confirms a draft (credit check first: it may land on hold) or approves a held order
 * (managers only), then allocates it.
 */
export async function confirmOrder(
  trx: Tx,
  orderId: number,
  actor: Actor,
  policy: AllocationPolicy,
  now: Date,
) {
  const nowIso = now.toISOString();
  const order = await lockOrder(trx, orderId, actor);
  const customer = await loadCustomerForOrder(trx, order.customer_id);
  if (!customer)
    throw new FailureError({
      code: 'CUSTOMER.NOT_FOUND',
      message: `No customer ${order.customer_id}`,
    });
  if (order.status === 'on_hold' && !HOLD_RELEASERS.includes(actor.role)) {
    throw new FailureError({
      code: 'ORDER.HOLD_RELEASE_NOT_ALLOWED',
      message: `Only ${HOLD_RELEASERS.join(' or ')} may release a held order`,
    });
  }
  const hold =
    order.status === 'draft'
      ? await holdReasonFor(trx, customer, order.total_minor, order.total_minor)
      : null;
  const next: OrderStatus = hold ? 'on_hold' : 'confirmed';
  must(moveOrder(order.status as OrderStatus, next));
  await trx
    .updateTable('orders')
    .set({ status: next, hold_reason: hold, updated_at: nowIso })
    .where('id', '=', orderId)
    .execute();
  await recordOrderEvent(
    trx,
    orderId,
    hold ? 'held' : 'confirmed',
    actor.id,
    hold ? { reason: hold } : { from: order.status },
    nowIso,
  );
  if (hold) return { id: orderId, status: next, holdReason: hold, allocation: null };
  const allocation = await allocateOrder(trx, orderId, customer, policy, actor.id, now);
  return { id: orderId, status: allocation.status, holdReason: null, allocation };
}

/**
 * Hands an allocated order to the warehouse for picking. A partly allocated order may go
 * only if the customer accepts partial shipments.
 */
export async function releaseOrder(trx: Tx, orderId: number, actor: Actor, now: Date) {
  const nowIso = now.toISOString();
  const order = await lockOrder(trx, orderId, actor);
  if (order.status === 'partially_allocated') {
    const customer = await loadCustomerForOrder(trx, order.customer_id);
    if (customer?.shipComplete) {
      throw new FailureError({
        code: 'ORDER.SHIP_COMPLETE',
        message: 'The customer takes complete shipments only; this order is not fully allocated',
      });
    }
  }
  must(moveOrder(order.status as OrderStatus, 'released'));
  await trx
    .updateTable('orders')
    .set({ status: 'released', updated_at: nowIso })
    .where('id', '=', orderId)
    .execute();
  await recordOrderEvent(trx, orderId, 'released', actor.id, {}, nowIso);
  return { id: orderId, status: 'released' as const };
}
