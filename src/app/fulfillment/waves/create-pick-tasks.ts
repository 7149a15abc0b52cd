import type { Tx } from '../../../adapters/db/database.js';
import {
  planPickTasks,
  type AllocationToPick,
  type PlannedPickTask,
} from '../../../core/fulfillment/pick-tasks.js';
import type { PickMode } from '../../../core/fulfillment/wave-policy.js';

/** Rows per multi-row insert: well inside SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/**
 * Open reservations of the wave's orders in its warehouse, with the bin each sits in: what
 * the wave has to pick. Read through wave_orders so that a wave of ten thousand orders needs
 * no ten-thousand-item IN list.
 */
export async function openAllocationsOfWave(
  trx: Tx,
  waveId: number,
  warehouseId: number,
): Promise<AllocationToPick[]> {
  const rows = await trx
    .selectFrom('allocations as a')
    .innerJoin('wave_orders as wo', 'wo.order_id', 'a.order_id')
    .innerJoin('locations as l', 'l.id', 'a.location_id')
    .select([
      'a.id',
      'a.order_id',
      'a.sku_id',
      'a.lot_id',
      'a.remaining',
      'l.id as location_id',
      'l.pick_sequence',
      'l.code',
      'l.zone',
    ])
    .where('wo.wave_id', '=', waveId)
    .where('a.warehouse_id', '=', warehouseId)
    .where('a.remaining', '>', 0)
    .execute();
  return rows.map(toPick);
}

/** Open reservations by id (new allocations made while short-picking). */
export async function allocationsToPick(
  trx: Tx,
  allocationIds: readonly number[],
): Promise<AllocationToPick[]> {
  if (allocationIds.length === 0) return [];
  const rows = await trx
    .selectFrom('allocations as a')
    .innerJoin('locations as l', 'l.id', 'a.location_id')
    .select([
      'a.id',
      'a.order_id',
      'a.sku_id',
      'a.lot_id',
      'a.remaining',
      'l.id as location_id',
      'l.pick_sequence',
      'l.code',
      'l.zone',
    ])
    .where('a.id', 'in', [...allocationIds])
    .where('a.remaining', '>', 0)
    .execute();
  return rows.map(toPick);
}

function toPick(r: {
  id: number;
  order_id: number;
  sku_id: number;
  lot_id: number;
  remaining: number;
  location_id: number;
  pick_sequence: number;
  code: string;
  zone: string | null;
}): AllocationToPick {
  return {
    allocationId: r.id,
    orderId: r.order_id,
    skuId: r.sku_id,
    lotId: r.lot_id,
    quantity: r.remaining,
    zone: r.zone,
    stop: { locationId: r.location_id, pickSequence: r.pick_sequence, code: r.code },
  };
}

/**
 * Plans and stores the pick tasks for these reservations in the wave, numbered along the pick
 * path after the wave's last task, with one pick_task_allocations row per reservation served
 * (discrete tasks have exactly one). Returns the tasks as planned.
 */
export async function createPickTasks(
  trx: Tx,
  waveId: number,
  allocations: readonly AllocationToPick[],
  mode: PickMode,
): Promise<PlannedPickTask[]> {
  const last = await trx
    .selectFrom('pick_tasks')
    .select((eb) => eb.fn.max('sequence').as('n'))
    .where('wave_id', '=', waveId)
    .executeTakeFirst();
  const first = Number(last?.n ?? 0) + 1;
  const tasks = planPickTasks(allocations, mode, first);
  for (let i = 0; i < tasks.length; i += CHUNK) {
    await trx
      .insertInto('pick_tasks')
      .values(
        tasks.slice(i, i + CHUNK).map((t) => ({
          wave_id: waveId,
          order_id: t.orderId,
          sku_id: t.skuId,
          lot_id: t.lotId,
          location_id: t.locationId,
          zone: t.zone,
          sequence: t.sequence,
          quantity: t.quantity,
          status: 'open',
          short_reason: null,
          tote: null,
          picker: null,
          completed_at: null,
        })),
      )
      .execute();
  }
  // Sequences are unique within a wave, so they find the new ids whatever order RETURNING gives.
  const ids = await trx
    .selectFrom('pick_tasks')
    .select(['id', 'sequence'])
    .where('wave_id', '=', waveId)
    .where('sequence', '>=', first)
    .execute();
  const idBySequence = new Map(ids.map((r) => [r.sequence, r.id]));
  const parts = tasks.flatMap((t) =>
    t.parts.map((p) => ({
      pick_task_id: idBySequence.get(t.sequence)!,
      allocation_id: p.allocationId,
      order_id: p.orderId,
      quantity: p.quantity,
    })),
  );
  for (let i = 0; i < parts.length; i += CHUNK * 2) {
    await trx
      .insertInto('pick_task_allocations')
      .values(parts.slice(i, i + CHUNK * 2))
      .execute();
  }
  return tasks;
}
