import type { Tx } from '../../../adapters/db/database.js';
import { fixedSql, runSql } from '../../../adapters/db/fixed-sql.js';
import { checkPick } from '../../../core/fulfillment/pick-check.js';
import { distribute } from '../../../core/fulfillment/pick-tasks.js';
import {
  taskStatusAfter,
  type PickTaskStatus,
  type WaveStatus,
} from '../../../core/fulfillment/wave-status.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { postMovement } from '../../inventory/ledger.js';
import { binPlace, stagingPlace } from './pick-places.js';
import { lockTaskForPick, openPartsOf } from './pick-task-load.js';
import { advanceWave, resolvePicked, settleOrders, type OrderPickState } from './pick-progress.js';
import { resolveScans, type PickScans } from './resolve-scans.js';

const COUNT_PICKED_ON_TASK = fixedSql(
  'pick.task-picked',
  `update pick_tasks set picked_quantity = picked_quantity + ?, status = ?, tote = ?, picker = ?,
     completed_at = ?
   where id = ? and status = 'open'`,
);

export interface PickConfirmation extends PickScans {
  /** The tote or cart position the units went into. */
  tote?: string;
}

/** What one confirmed pick did, for the handheld and for packing. */
export interface PickResult {
  taskId: number;
  waveId: number;
  /** Eaches this confirmation moved to staging. */
  quantity: number;
  taskStatus: PickTaskStatus;
  pickedQuantity: number;
  remaining: number;
  waveStatus: WaveStatus;
  /** Each order that received units: `picked` once all it has allocated is picked, else still `released`. */
  orders: (OrderPickState & { received: number })[];
}

/**
 * Confirms a pick by scan. Refused before anything changes when the bin, SKU or lot is wrong
 * or more is scanned than is left. Otherwise, in one transaction: the units move bin →
 * STAGING (type `pick`, consuming the reservation), each reservation served gives up the
 * units with a `picked` resolution (batch tasks serve the most urgent orders first), the order
 * lines count them as picked, the task closes when complete, orders fully picked become
 * `picked`, and the wave moves to picking / completed.
 */
export async function confirmPick(
  trx: Tx,
  taskId: number,
  input: PickConfirmation,
  actor: Actor,
  now: Date,
): Promise<PickResult> {
  const nowIso = now.toISOString();
  const task = await lockTaskForPick(trx, taskId);
  const scan = await resolveScans(trx, input, now, {
    locationId: task.location_id,
    locationCode: task.location_code,
    locationBarcode: task.location_barcode,
    skuId: task.sku_id,
    skuCode: task.sku_code,
    skuGtin: task.sku_gtin,
  });
  const quantity = must(
    checkPick(
      {
        taskId,
        locationId: task.location_id,
        locationCode: task.location_code,
        locationBarcode: task.location_barcode,
        skuId: task.sku_id,
        skuCode: task.sku_code,
        lotCode: task.lot_code,
        remaining: task.remaining,
      },
      scan,
    ),
  );
  const pickedQuantity = task.picked_quantity + quantity;
  const taskStatus = taskStatusAfter(task.quantity, pickedQuantity, task.short_quantity);
  await runSql(trx, COUNT_PICKED_ON_TASK, [
    quantity,
    taskStatus,
    input.tote ?? task.tote,
    actor.id,
    taskStatus === 'open' ? null : nowIso,
    taskId,
  ]);
  const reference = `wave:${task.wave_id}/task:${taskId}`;
  await postMovement(
    trx,
    {
      skuId: task.sku_id,
      lotId: task.lot_id,
      from: binPlace(task),
      to: await stagingPlace(trx, task),
      quantity,
      type: 'pick',
      reference,
      actor: actor.id,
      fromAllocated: quantity,
    },
    nowIso,
  );
  const parts = await openPartsOf(trx, taskId);
  const shares = distribute(parts, quantity, 'picked');
  if (shares.reduce((n, s) => n + s.quantity, 0) !== quantity) {
    throw new FailureError({
      code: 'PICK.CONFLICT',
      message: 'The orders of this task hold less than was picked; the task changed, reload it',
      details: { taskId },
    });
  }
  const lineOf = new Map(parts.map((p) => [p.allocationId, p.orderLineId]));
  await resolvePicked(
    trx,
    taskId,
    shares.map((s) => ({ ...s, orderLineId: lineOf.get(s.allocationId)! })),
    reference,
    nowIso,
  );
  const states = await settleOrders(
    trx,
    shares.map((s) => s.orderId),
    actor.id,
    { waveId: task.wave_id },
    nowIso,
  );
  const waveStatus = await advanceWave(
    trx,
    task.wave_id,
    task.wave_status,
    true,
    nowIso,
    taskStatus === 'open' || task.other_tasks_open,
  );
  return {
    taskId,
    waveId: task.wave_id,
    quantity,
    taskStatus,
    pickedQuantity,
    remaining: task.quantity - pickedQuantity - task.short_quantity,
    waveStatus,
    orders: states.map((s) => ({
      ...s,
      received: shares.filter((x) => x.orderId === s.orderId).reduce((n, x) => n + x.quantity, 0),
    })),
  };
}
