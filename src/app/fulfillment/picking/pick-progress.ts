import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import { moveWave, type WaveStatus } from '../../../core/fulfillment/wave-status.js';
import { moveOrder, type OrderStatus } from '../../../core/orders/order-status.js';
import { FailureError, must } from '../../../core/shared/result.js';
import { lockOrder } from '../../orders/lock-order.js';
import { recordOrderEvent } from '../../orders/order-timeline.js';

/** One reservation's share of a pick or a short. */
export interface Share {
  allocationId: number;
  orderId: number;
  orderLineId: number;
  quantity: number;
}

/**
 * Takes `quantity` off a reservation, once: a conditional update that fails if another request
 * already resolved those units. `PICK.CONFLICT` (the whole pick rolls back) when it does.
 */
export async function takeOffAllocation(trx: Tx, share: Share): Promise<void> {
  const done = await trx
    .updateTable('allocations')
    .set({ remaining: sql`remaining - ${share.quantity}` })
    .where('id', '=', share.allocationId)
    .where('remaining', '>=', share.quantity)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) {
    throw new FailureError({
      code: 'PICK.CONFLICT',
      message: 'This reservation changed while picking; scan again',
      details: { allocationId: share.allocationId },
    });
  }
}

/** Resolves picked units: the reservation, its resolution row, the order line and the task's share. */
export async function resolvePicked(
  trx: Tx,
  taskId: number,
  share: Share,
  reference: string,
  nowIso: string,
): Promise<void> {
  await takeOffAllocation(trx, share);
  await trx
    .insertInto('allocation_resolutions')
    .values({
      allocation_id: share.allocationId,
      kind: 'picked',
      quantity: share.quantity,
      reference,
      created_at: nowIso,
    })
    .execute();
  await trx
    .updateTable('order_lines')
    .set({ quantity_picked: sql`quantity_picked + ${share.quantity}`, updated_at: nowIso })
    .where('id', '=', share.orderLineId)
    .execute();
  await trx
    .updateTable('pick_task_allocations')
    .set({ picked_quantity: sql`picked_quantity + ${share.quantity}` })
    .where('pick_task_id', '=', taskId)
    .where('allocation_id', '=', share.allocationId)
    .execute();
}

/** Where an order stands after a pick. */
export interface OrderPickState {
  orderId: number;
  status: OrderStatus;
  allocated: number;
  picked: number;
}

/**
 * Moves each order whose allocated quantity is now all picked to `picked` (with its timeline
 * event); the others stay released. Orders are locked in id order.
 */
export async function settleOrders(
  trx: Tx,
  orderIds: readonly number[],
  actor: string,
  data: Record<string, unknown>,
  nowIso: string,
): Promise<OrderPickState[]> {
  const states: OrderPickState[] = [];
  for (const orderId of [...new Set(orderIds)].sort((a, b) => a - b)) {
    const order = await lockOrder(trx, orderId, { customerId: null });
    const sums = await trx
      .selectFrom('order_lines')
      .select([
        sql<number>`coalesce(sum(quantity_allocated), 0)`.as('allocated'),
        sql<number>`coalesce(sum(quantity_picked), 0)`.as('picked'),
      ])
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    const allocated = Number(sums.allocated);
    const picked = Number(sums.picked);
    let status = order.status as OrderStatus;
    if (status === 'released' && allocated > 0 && picked >= allocated) {
      status = must(moveOrder(status, 'picked'));
      await trx
        .updateTable('orders')
        .set({ status, updated_at: nowIso })
        .where('id', '=', orderId)
        .execute();
      await recordOrderEvent(trx, orderId, 'picked', actor, { ...data, picked }, nowIso);
    }
    states.push({ orderId, status, allocated, picked });
  }
  return states;
}

/**
 * Moves the wave on after work on its tasks: released → picking at the first pick, and
 * → completed once no task is open. Returns the wave's status now.
 */
export async function advanceWave(
  trx: Tx,
  waveId: number,
  current: WaveStatus,
  picked: boolean,
  nowIso: string,
): Promise<WaveStatus> {
  let status = current;
  if (picked && status === 'released') status = must(moveWave(status, 'picking'));
  const open = await trx
    .selectFrom('pick_tasks')
    .select('id')
    .where('wave_id', '=', waveId)
    .where('status', '=', 'open')
    .limit(1)
    .executeTakeFirst();
  if (!open && (status === 'released' || status === 'picking')) {
    status = must(moveWave(status, 'completed'));
  }
  if (status !== current) {
    await trx
      .updateTable('waves')
      .set({ status, ...(status === 'completed' ? { completed_at: nowIso } : {}) })
      .where('id', '=', waveId)
      .execute();
  }
  return status;
}
