import type { Tx } from '../../adapters/db/database.js';
import { moveCount } from '../../core/counts/count-status.js';
import { checkApproval, varianceOf } from '../../core/counts/count-variance.js';
import { checkPutInto } from '../../core/inventory/movement.js';
import { FailureError, must } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import { appendEvents, type DomainEvent } from '../events/outbox.js';
import { balanceAt, postMovement } from '../inventory/ledger.js';
import { placeFacts, standardPlace } from '../inventory/stock-facts.js';
import { lockCountTask, openRecount, statusOf, type LockedCountTask } from './count-store.js';
import { businessToday } from '../warehouses/warehouse-time-zones.js';

/** One variance posted to the ledger by an approval. */
export interface PostedVariance {
  skuId: number;
  lotId: number;
  variance: number;
  movementId: number;
}

/**
 * A manager accepts the figures: each line's variance becomes an adjustment (reason `count`)
 * from or to the warehouse's ADJUSTMENT location, and the line records its movement. The
 * bin ends at the count plus whatever moved since the count started. Refused as a whole
 * (`COUNT.ALLOCATED_CONFLICT`) when a line would leave less than orders hold there: release
 * or short-pick those reservations first, then approve.
 */
export async function approveCount(trx: Tx, taskId: number, actor: Actor, now: Date) {
  const nowIso = now.toISOString();
  const task = await lockCountTask(trx, taskId);
  must(moveCount(statusOf(task), 'approved'));
  const lines = await trx
    .selectFrom('count_lines')
    .selectAll()
    .where('count_task_id', '=', taskId)
    .orderBy('sku_id')
    .orderBy('lot_id')
    .execute();
  await refuseIfRecountedMeanwhile(trx, task, [...new Set(lines.map((l) => l.sku_id))]);
  const bin = await placeFacts(trx, task.location_id);
  const adjustment = await standardPlace(trx, task.warehouseId, 'adjustment');
  const posted: PostedVariance[] = [];
  for (const line of lines) {
    const variance = varianceOf(Number(line.counted_quantity), Number(line.system_quantity));
    if (variance === 0) continue;
    const balance = await balanceAt(trx, task.location_id, line.sku_id, line.lot_id);
    const check = checkApproval(balance.onHand, balance.allocated, variance);
    if (!check.allowed) {
      throw new FailureError({
        code: 'COUNT.ALLOCATED_CONFLICT',
        message: `Orders hold ${balance.allocated} of SKU ${line.sku_id} here; the count leaves ${check.target}. Release or short-pick the reservations first.`,
        details: {
          skuId: line.sku_id,
          lotId: line.lot_id,
          allocated: balance.allocated,
          target: check.target,
        },
      });
    }
    if (variance > 0) must(checkPutInto(bin));
    const movementId = await postMovement(
      trx,
      {
        skuId: line.sku_id,
        lotId: line.lot_id,
        from: variance > 0 ? adjustment : bin,
        to: variance > 0 ? bin : adjustment,
        quantity: Math.abs(variance),
        type: 'adjustment',
        reasonCode: 'count',
        reference: `count:${task.id}`,
        actor: actor.id,
      },
      nowIso,
    );
    await trx
      .updateTable('count_lines')
      .set({ movement_id: movementId })
      .where('id', '=', line.id)
      .execute();
    posted.push({ skuId: line.sku_id, lotId: line.lot_id, variance, movementId });
  }
  await trx
    .updateTable('count_tasks')
    .set({ status: 'approved', approved_by: actor.id, approved_at: nowIso })
    .where('id', '=', taskId)
    .execute();
  await appendEvents(trx, approvalEvents(task, posted), nowIso);
  return {
    id: task.id,
    status: 'approved' as const,
    adjustments: posted,
    /** SKUs that gained sellable stock: waiting backorders may take it. */
    foundSkuIds: [...new Set(posted.filter((p) => p.variance > 0).map((p) => p.skuId))],
  };
}

/**
 * Two counts of one bin that overlap must not both post: the second's system figures were
 * taken before the first's adjustment. When another count of one of its SKUs was posted at
 * this bin after this one started, approval is refused and the task must be counted again.
 */
async function refuseIfRecountedMeanwhile(trx: Tx, task: LockedCountTask, skuIds: number[]) {
  if (skuIds.length === 0) return;
  const other = await trx
    .selectFrom('stock_movements')
    .select('id')
    .where('id', '>', task.started_movement_id ?? 0)
    .where('reason_code', '=', 'count')
    .where('sku_id', 'in', skuIds)
    .where((eb) =>
      eb.or([
        eb('to_location_id', '=', task.location_id),
        eb('from_location_id', '=', task.location_id),
      ]),
    )
    .executeTakeFirst();
  if (other) {
    throw new FailureError({
      code: 'COUNT.OVERLAP_CONFLICT',
      message:
        'Another count of this bin was posted after this one started: reject it for a recount',
      details: { taskId: task.id, movementId: other.id },
    });
  }
}

function approvalEvents(task: LockedCountTask, posted: PostedVariance[]): DomainEvent[] {
  const adjusted: DomainEvent[] = posted.map((p) => ({
    type: 'stock.adjusted',
    aggregateType: 'sku',
    aggregateId: p.skuId,
    payload: {
      movementIds: [p.movementId],
      skuId: p.skuId,
      lotId: p.lotId,
      locationId: task.location_id,
      delta: p.variance,
      reasonCode: 'count',
    },
  }));
  return [
    ...adjusted,
    {
      type: 'count.approved',
      aggregateType: 'count_task',
      aggregateId: task.id,
      payload: { taskId: task.id, locationId: task.location_id, adjustments: posted.length },
    },
  ];
}

/** A manager does not accept the figures: the task goes to recount and a new blind task opens. */
export async function rejectCount(trx: Tx, taskId: number, actor: Actor, now: Date) {
  const nowIso = now.toISOString();
  const task = await lockCountTask(trx, taskId);
  must(moveCount(statusOf(task), 'recount'));
  if (statusOf(task) === 'open') {
    throw new FailureError({
      code: 'COUNT.NOT_COUNTED',
      message: 'Only submitted figures can be rejected',
      details: { taskId },
    });
  }
  const today = await businessToday(trx, task.warehouse_id, new Date(nowIso));
  const recountTaskId = await openRecount(trx, task, today, nowIso);
  await appendEvents(
    trx,
    [
      {
        type: 'count.rejected',
        aggregateType: 'count_task',
        aggregateId: task.id,
        payload: { taskId: task.id, recountTaskId, actor: actor.id },
      },
    ],
    nowIso,
  );
  return { id: task.id, status: 'recount' as const, recountTaskId };
}
