import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { allocationStatus, moveOrder, type OrderStatus } from '../../core/orders/order-status.js';
import { FailureError, must } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import { cancelOrderPickTasks } from '../fulfillment/picking/cancel-pick-tasks.js';
import { recomputeTotal } from './order-total.js';
import { lockOrder } from './lock-order.js';
import { recordOrderEvent } from './order-timeline.js';
import { releaseAllocations } from './release-allocations.js';

/** Cancels a whole order before anything was picked, giving back every unit it held. */
export async function cancelOrder(
  trx: Tx,
  orderId: number,
  reason: string | undefined,
  actor: Actor,
  now: Date,
) {
  const nowIso = now.toISOString();
  const order = await lockOrder(trx, orderId, actor);
  must(moveOrder(order.status as OrderStatus, 'cancelled'));
  await refuseIfPicked(trx, orderId, 'all');
  // Open pick tasks read what the reservations still hold, so they go first.
  await cancelOrderPickTasks(trx, orderId, nowIso);
  const released = await releaseAllocations(trx, orderId, 'all', 'released', nowIso);
  await trx
    .updateTable('order_lines')
    .set({
      quantity_cancelled: sql`quantity_ordered - quantity_shipped`,
      quantity_backordered: 0,
      updated_at: nowIso,
    })
    .where('order_id', '=', orderId)
    .execute();
  await trx
    .updateTable('orders')
    .set({ status: 'cancelled', updated_at: nowIso })
    .where('id', '=', orderId)
    .execute();
  await recordOrderEvent(
    trx,
    orderId,
    'cancelled',
    actor.id,
    { reason: reason ?? null, released },
    nowIso,
  );
  return { id: orderId, status: 'cancelled' as const, released };
}

/** Cancels one line before it was picked; the order's state follows from the lines left. */
export async function cancelLine(
  trx: Tx,
  orderId: number,
  lineId: number,
  actor: Actor,
  now: Date,
) {
  const nowIso = now.toISOString();
  const order = await lockOrder(trx, orderId, actor);
  const line = await trx
    .selectFrom('order_lines')
    .selectAll()
    .where('id', '=', lineId)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  if (!line)
    throw new FailureError({
      code: 'ORDER.LINE_NOT_FOUND',
      message: `Order ${orderId} has no line ${lineId}`,
    });
  if (
    !['confirmed', 'allocated', 'partially_allocated', 'backordered', 'on_hold', 'draft'].includes(
      order.status,
    )
  ) {
    throw new FailureError({
      code: 'ORDER.ILLEGAL_TRANSITION',
      message: `Lines of a ${order.status} order cannot be cancelled`,
    });
  }
  await refuseIfPicked(trx, orderId, [lineId]);
  const released = await releaseAllocations(trx, orderId, [lineId], 'released', nowIso);
  await trx
    .updateTable('order_lines')
    .set({ quantity_cancelled: line.quantity_ordered, quantity_backordered: 0, updated_at: nowIso })
    .where('id', '=', lineId)
    .execute();
  await recomputeTotal(trx, orderId, nowIso);
  const status = await statusFromLines(trx, orderId, order.status as OrderStatus);
  await trx
    .updateTable('orders')
    .set({ status, updated_at: nowIso })
    .where('id', '=', orderId)
    .execute();
  await recordOrderEvent(trx, orderId, 'line_cancelled', actor.id, { lineId, released }, nowIso);
  return { id: orderId, status, released };
}

async function refuseIfPicked(trx: Tx, orderId: number, lineIds: readonly number[] | 'all') {
  let query = trx
    .selectFrom('order_lines')
    .select('id')
    .where('order_id', '=', orderId)
    .where('quantity_picked', '>', 0);
  if (lineIds !== 'all') query = query.where('id', 'in', [...lineIds]);
  if (await query.executeTakeFirst()) {
    throw new FailureError({
      code: 'ORDER.ALREADY_PICKED',
      message: 'Stock was already picked for this order; return it before cancelling',
    });
  }
}

/** The state an order is in after its lines changed: cancelled when nothing is left open. */
async function statusFromLines(
  trx: Tx,
  orderId: number,
  current: OrderStatus,
): Promise<OrderStatus> {
  const lines = await trx
    .selectFrom('order_lines')
    .select([
      'quantity_ordered as ordered',
      'quantity_allocated as allocated',
      'quantity_cancelled as cancelled',
    ])
    .where('order_id', '=', orderId)
    .execute();
  if (lines.every((l) => l.cancelled >= l.ordered)) return 'cancelled';
  if (current === 'draft' || current === 'on_hold') return current;
  return allocationStatus(lines);
}
