import type { Selectable } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import type { ReturnLineTable, ReturnTable } from '../../../adapters/db/schema.js';
import type { ReturnStatus } from '../../../core/fulfillment/return-rules.js';
import { FailureError } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { lockOrder } from '../../orders/lock-order.js';
import { recordOrderEvent } from '../../orders/order-timeline.js';

export type ReturnRow = Selectable<ReturnTable>;
export type ReturnLineRow = Selectable<ReturnLineTable>;

/** An RMA with its lines, as loaded under its order's lock. */
export interface LockedReturn {
  rma: ReturnRow;
  lines: ReturnLineRow[];
}

/** `RETURN.NOT_FOUND`: no such RMA, or not the caller's (a customer key sees only its own). */
export function returnNotFound(returnId: number): FailureError {
  return new FailureError({
    code: 'RETURN.NOT_FOUND',
    message: `No return ${returnId}`,
    details: { returnId },
  });
}

/**
 * Takes an RMA for a change: locks its order first (every change to an order's returns is
 * serialized with every other change to the order, so two receipts or two authorizations of
 * one line cannot both pass their checks), then reads the RMA as it is now.
 */
export async function lockReturn(
  trx: Tx,
  returnId: number,
  actor: Pick<Actor, 'customerId'>,
): Promise<LockedReturn> {
  const head = await trx
    .selectFrom('returns')
    .select(['order_id', 'customer_id'])
    .where('id', '=', returnId)
    .executeTakeFirst();
  if (!head || (actor.customerId !== null && head.customer_id !== actor.customerId)) {
    throw returnNotFound(returnId);
  }
  await lockOrder(trx, head.order_id, { customerId: null });
  const rma = await trx
    .selectFrom('returns')
    .selectAll()
    .where('id', '=', returnId)
    .executeTakeFirstOrThrow();
  const lines = await trx
    .selectFrom('return_lines')
    .selectAll()
    .where('return_id', '=', returnId)
    .orderBy('id')
    .execute();
  return { rma, lines };
}

/** The RMA's status, typed. */
export function statusOf(rma: ReturnRow): ReturnStatus {
  return rma.status as ReturnStatus;
}

/** Moves the RMA to a new status (already checked by moveReturn) and records it on the order. */
export async function saveReturnStatus(
  trx: Tx,
  rma: ReturnRow,
  status: ReturnStatus,
  changes: { credit_minor?: number; closed_at?: string },
  event: { type: string; actor: string; data: Record<string, unknown> },
  nowIso: string,
): Promise<void> {
  await trx
    .updateTable('returns')
    .set({ status, ...changes })
    .where('id', '=', rma.id)
    .where('status', '=', rma.status)
    .execute();
  await recordOrderEvent(
    trx,
    rma.order_id,
    event.type,
    event.actor,
    { returnId: rma.id, ...event.data },
    nowIso,
  );
}

/**
 * The warehouse goods come back to: the one that shipped the order (its latest shipment), or
 * the order's own warehouse when no shipment record exists.
 */
export async function returnWarehouse(trx: Tx, orderId: number): Promise<number> {
  const shipment = await trx
    .selectFrom('shipments')
    .select('warehouse_id')
    .where('order_id', '=', orderId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (shipment) return shipment.warehouse_id;
  const order = await trx
    .selectFrom('orders')
    .select('warehouse_id')
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  if (order.warehouse_id === null) {
    throw new FailureError({
      code: 'RETURN.NO_WAREHOUSE',
      message: `Order ${orderId} has no shipment and no warehouse to receive the return at`,
      details: { orderId },
    });
  }
  return order.warehouse_id;
}
