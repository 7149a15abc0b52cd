import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import { distribute } from '../../../core/fulfillment/pick-tasks.js';
import {
  taskStatusAfter,
  type PickTaskStatus,
  type WaveStatus,
} from '../../../core/fulfillment/wave-status.js';
import type { AllocationPolicy } from '../../../core/orders/allocation-policy.js';
import { FailureError } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { unreserve } from '../../inventory/ledger.js';
import { recordOrderEvent } from '../../orders/order-timeline.js';
import { allocationsToPick, createPickTasks } from '../waves/create-pick-tasks.js';
import { lockTaskForPick, openPartsOf, type TaskForPick } from './pick-task-load.js';
import {
  advanceWave,
  settleOrders,
  takeOffAllocation,
  type OrderPickState,
} from './pick-progress.js';
import { reallocateShort } from './reallocate-short.js';
import { insertCountTask, lockBinForCount, pendingCountAt } from '../../counts/count-store.js';
import { businessToday } from '../../warehouses/warehouse-time-zones.js';

export interface ShortPickInput {
  /** Eaches not found in the bin. */
  quantity: number;
  reason: string;
}

export interface ShortPickResult {
  taskId: number;
  waveId: number;
  taskStatus: PickTaskStatus;
  shortQuantity: number;
  countTaskId: number;
  /** Units held again from other bins: new pick tasks in the same wave. */
  reallocated: number;
  backordered: number;
  newTaskIds: number[];
  waveStatus: WaveStatus;
  orders: OrderPickState[];
}

/**
 * The picker did not find everything in the bin. In one transaction: the task records the
 * short; the reservations give up the missing units (resolution `released`; the least urgent
 * orders of a batch lose first); a count task is raised for the bin; each order affected gets
 * the missing quantity re-allocated from other bins (new tasks in the same wave) or
 * backordered. No stock moves: the count will correct the bin.
 */
export async function shortPick(
  trx: Tx,
  taskId: number,
  input: ShortPickInput,
  actor: Actor,
  policy: AllocationPolicy,
  now: Date,
): Promise<ShortPickResult> {
  const nowIso = now.toISOString();
  const task = await lockTaskForPick(trx, taskId);
  if (
    !Number.isSafeInteger(input.quantity) ||
    input.quantity <= 0 ||
    input.quantity > task.remaining
  ) {
    throw new FailureError({
      code: 'PICK.INVALID_SHORT',
      message: `Short quantity must be 1 to ${task.remaining}, what is left to pick here`,
      details: { remaining: task.remaining, quantity: input.quantity },
    });
  }
  const shortQuantity = task.short_quantity + input.quantity;
  const taskStatus = taskStatusAfter(task.quantity, task.picked_quantity, shortQuantity);
  await trx
    .updateTable('pick_tasks')
    .set({
      short_quantity: shortQuantity,
      short_reason: input.reason,
      status: taskStatus,
      picker: actor.id,
      completed_at: taskStatus === 'open' ? null : nowIso,
    })
    .where('id', '=', taskId)
    .execute();
  const reference = `wave:${task.wave_id}/task:${taskId}/short`;
  const lost = await releaseMissing(trx, task, input.quantity, reference, nowIso);
  const count = { id: await countTaskForShort(trx, task, reference, nowIso) };
  let reallocated = 0;
  let backordered = 0;
  const newAllocations: number[] = [];
  for (const [orderId, lines] of lost) {
    const again = await reallocateShort(
      trx,
      orderId,
      [...lines.keys()],
      {
        warehouseId: task.warehouse_id,
        locationId: task.location_id,
        skuId: task.sku_id,
        lotId: task.lot_id,
      },
      policy,
      nowIso,
    );
    reallocated += again.reallocated;
    backordered += again.backordered;
    newAllocations.push(...again.allocationIds);
    const missing = [...lines.values()].reduce((n, q) => n + q, 0);
    await recordOrderEvent(
      trx,
      orderId,
      'short_picked',
      actor.id,
      {
        waveId: task.wave_id,
        taskId,
        missing,
        reason: input.reason,
        reallocated: again.reallocated,
        backordered: again.backordered,
      },
      nowIso,
    );
  }
  const created = await createPickTasks(
    trx,
    task.wave_id,
    await allocationsToPick(trx, newAllocations),
    'discrete',
  );
  const newTasks = await trx
    .selectFrom('pick_tasks')
    .select('id')
    .where('wave_id', '=', task.wave_id)
    .where('sequence', 'in', created.length ? created.map((t) => t.sequence) : [-1])
    .execute();
  const orders = await settleOrders(
    trx,
    [...lost.keys()],
    actor.id,
    { waveId: task.wave_id },
    nowIso,
  );
  const waveStatus = await advanceWave(trx, task.wave_id, task.wave_status, false, nowIso);
  return {
    taskId,
    waveId: task.wave_id,
    taskStatus,
    shortQuantity,
    countTaskId: count.id,
    reallocated,
    backordered,
    newTaskIds: newTasks.map((t) => t.id),
    waveStatus,
    orders,
  };
}

/**
 * Gives back the reservation of the missing units and takes them off the order lines'
 * allocated quantity. Returns, per order, the units lost per line.
 */
async function releaseMissing(
  trx: Tx,
  task: TaskForPick,
  quantity: number,
  reference: string,
  nowIso: string,
): Promise<Map<number, Map<number, number>>> {
  const parts = await openPartsOf(trx, task.id);
  const shares = distribute(parts, quantity, 'short');
  const lost = new Map<number, Map<number, number>>();
  for (const s of shares) {
    const orderLineId = parts.find((p) => p.allocationId === s.allocationId)!.orderLineId;
    await takeOffAllocation(trx, { ...s, orderLineId });
    await unreserve(
      trx,
      {
        locationId: task.location_id,
        skuId: task.sku_id,
        lotId: task.lot_id,
        quantity: s.quantity,
      },
      nowIso,
    );
    await trx
      .insertInto('allocation_resolutions')
      .values({
        allocation_id: s.allocationId,
        kind: 'released',
        quantity: s.quantity,
        reference,
        created_at: nowIso,
      })
      .execute();
    await trx
      .updateTable('order_lines')
      .set({ quantity_allocated: sql`quantity_allocated - ${s.quantity}`, updated_at: nowIso })
      .where('id', '=', orderLineId)
      .execute();
    const lines = lost.get(s.orderId) ?? new Map<number, number>();
    lines.set(orderLineId, (lines.get(orderLineId) ?? 0) + s.quantity);
    lost.set(s.orderId, lines);
  }
  return lost;
}

/**
 * The count that checks the bin after a short pick: one not yet counted there (another short
 * pick, a cycle count, an ad-hoc request), or a new one due today. One bin, one open task, so the
 * handheld's count list never shows the same bin twice; a count already taken (awaiting
 * approval) was of the bin before it came up short, so it does not stand in for a new one.
 */
async function countTaskForShort(
  trx: Tx,
  task: TaskForPick,
  reference: string,
  nowIso: string,
): Promise<number> {
  await lockBinForCount(trx, task.location_id);
  const pending = await pendingCountAt(trx, task.location_id, ['open']);
  if (pending !== undefined) return pending;
  return insertCountTask(
    trx,
    {
      locationId: task.location_id,
      warehouseId: task.warehouse_id,
      skuId: task.sku_id,
      reason: 'short_pick',
      planId: null,
      recountOfId: null,
      dueDate: await businessToday(trx, task.warehouse_id, new Date(nowIso)),
      reference,
    },
    nowIso,
  );
}
