import type { Tx } from '../../../adapters/db/database.js';
import { defaultWavePolicy } from '../../../core/fulfillment/default-wave-policy.js';
import {
  DEFAULT_WAVE_LIMITS,
  type PickMode,
  type WavePolicy,
} from '../../../core/fulfillment/wave-policy.js';
import { moveOrder, type OrderStatus } from '../../../core/orders/order-status.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { recordEventsOfOrders } from '../../orders/order-timeline.js';
import { createPickTasks, openAllocationsOfWave } from './create-pick-tasks.js';
import { chunked, loadWaveCandidates, lockWaveOrders } from './wave-candidates.js';

export interface PlanWaveInput {
  warehouseId: number;
  maxOrders?: number;
  maxLines?: number;
  pickMode: PickMode;
  /** Only these orders (still grouped and capped by the policy). */
  orderIds?: number[];
}

/** A wave as planning made it. */
export interface PlannedWave {
  id: number;
  warehouseId: number;
  status: 'released';
  pickMode: PickMode;
  carrierCode: string | null;
  cutoff: string | null;
  orderIds: number[];
  tasks: number;
  units: number;
}

/**
 * Plans the next wave of a warehouse: the policy picks the most urgent group of waveable
 * orders within the caps; those not yet released are released (status → released, timeline
 * event, as releaseOrder does); the wave is stored with its pick tasks made from the orders'
 * open reservations, sequenced along the pick path, and goes straight to the floor
 * (status released). `WAVE.NO_ORDERS` when nothing is waiting.
 */
export async function planWave(
  trx: Tx,
  input: PlanWaveInput,
  actor: Actor,
  now: Date,
  policy: WavePolicy = defaultWavePolicy,
): Promise<PlannedWave> {
  const nowIso = now.toISOString();
  const candidates = await loadWaveCandidates(trx, input.warehouseId, input.orderIds);
  const limits = {
    maxOrders: input.maxOrders ?? DEFAULT_WAVE_LIMITS.maxOrders,
    maxLines: input.maxLines ?? DEFAULT_WAVE_LIMITS.maxLines,
  };
  const chosen = policy.group(candidates, limits)[0];
  const locked = chosen
    ? await lockWaveOrders(trx, chosen.orderIds, input.warehouseId)
    : new Map<number, string>();
  const orderIds = chosen?.orderIds.filter((id) => locked.has(id)) ?? [];
  if (!chosen || orderIds.length === 0) {
    throw new FailureError({
      code: 'WAVE.NO_ORDERS',
      message: `No allocated orders are waiting for a wave in warehouse ${input.warehouseId}`,
      details: { warehouseId: input.warehouseId },
    });
  }
  const wave = await trx
    .insertInto('waves')
    .values({
      warehouse_id: input.warehouseId,
      status: 'released',
      pick_mode: input.pickMode,
      carrier_code: chosen.carrierCode,
      cutoff_at: chosen.cutoff,
      created_by: actor.id,
      created_at: nowIso,
      released_at: nowIso,
      completed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const ids of chunked(orderIds, 1000)) {
    await trx
      .insertInto('wave_orders')
      .values(ids.map((orderId) => ({ wave_id: wave.id, order_id: orderId })))
      .execute();
  }
  await releaseForWave(trx, wave.id, orderIds, locked, actor, nowIso);
  const allocations = await openAllocationsOfWave(trx, wave.id, input.warehouseId);
  const tasks = await createPickTasks(trx, wave.id, allocations, input.pickMode);
  return {
    id: wave.id,
    warehouseId: input.warehouseId,
    status: 'released',
    pickMode: input.pickMode,
    carrierCode: chosen.carrierCode,
    cutoff: chosen.cutoff,
    orderIds,
    tasks: tasks.length,
    units: tasks.reduce((n, t) => n + t.quantity, 0),
  };
}

/** Releases the wave's orders that are not released yet, each with its timeline event (one insert for all). */
async function releaseForWave(
  trx: Tx,
  waveId: number,
  orderIds: readonly number[],
  statusOf: ReadonlyMap<number, string>,
  actor: Actor,
  nowIso: string,
) {
  const toRelease = orderIds.filter((id) => statusOf.get(id) !== 'released');
  for (const id of toRelease) must(moveOrder(statusOf.get(id) as OrderStatus, 'released'));
  for (const ids of chunked(toRelease)) {
    await trx
      .updateTable('orders')
      .set({ status: 'released', updated_at: nowIso })
      .where('id', 'in', ids)
      .execute();
  }
  await recordEventsOfOrders(
    trx,
    actor.id,
    toRelease.map((orderId) => ({ orderId, type: 'released', data: { waveId } })),
    nowIso,
  );
}
