import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import type { OpenPart } from '../../../core/fulfillment/pick-tasks.js';
import type { WaveStatus } from '../../../core/fulfillment/wave-status.js';
import { STANDARD_LOCATIONS } from '../../../core/inventory/location-types.js';
import { FailureError } from '../../../core/shared/result.js';

const STAGING = STANDARD_LOCATIONS.find((s) => s.type === 'staging')!;

/**
 * Takes the task's wave for this transaction (a row lock on PostgreSQL; SQLite writers are
 * serial) and returns the task as it is now, with its bin, SKU and lot. Picks of one wave are
 * serialized so that exactly one of them sees the last task close and completes the wave.
 */
export async function lockTaskForPick(trx: Tx, taskId: number) {
  const wave = await trx
    .updateTable('waves')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', (eb) =>
      eb.selectFrom('pick_tasks').select('wave_id').where('id', '=', taskId),
    )
    .returning(['id', 'status'])
    // Whether another task of the wave is open: with the wave locked, no pick can change that.
    .returning(
      sql<number>`(select count(*) from (select 1 from pick_tasks o where o.wave_id = waves.id
        and o.status = 'open' and o.id <> ${taskId} limit 1) as other)`.as('others_open'),
    )
    .executeTakeFirst();
  if (!wave) {
    throw new FailureError({ code: 'PICK.TASK_NOT_FOUND', message: `No pick task ${taskId}` });
  }
  // The task with its bin (as scanning and the ledger check it), its SKU's each GTIN, and the
  // warehouse's STAGING location the units go to: one read.
  const task = await trx
    .selectFrom('pick_tasks as t')
    .innerJoin('locations as l', 'l.id', 't.location_id')
    .innerJoin('skus as s', 's.id', 't.sku_id')
    .leftJoin('lots', 'lots.id', 't.lot_id')
    .leftJoin('locations as st', (join) =>
      join
        .onRef('st.warehouse_id', '=', 'l.warehouse_id')
        .on('st.code', '=', STAGING.code)
        .on('st.type', '=', STAGING.type),
    )
    .selectAll('t')
    .select([
      'l.code as location_code',
      'l.barcode as location_barcode',
      'l.warehouse_id',
      'l.type as location_type',
      's.code as sku_code',
      's.gtin as sku_gtin',
      'lots.code as lot_code',
      'st.id as staging_id',
    ])
    .where('t.id', '=', taskId)
    .executeTakeFirstOrThrow();
  if (task.status !== 'open') {
    throw new FailureError({
      code: 'PICK.TASK_CLOSED',
      message: `Pick task ${taskId} is ${task.status}: nothing is left to pick there`,
      details: { taskId, status: task.status },
    });
  }
  return {
    ...task,
    lot_code: task.lot_id === 0 ? null : (task.lot_code ?? null),
    wave_status: wave.status as WaveStatus,
    /** Whether another task of the wave was open when the wave was locked. */
    other_tasks_open: Number(wave.others_open) > 0,
    remaining: task.quantity - task.picked_quantity - task.short_quantity,
  };
}

export type TaskForPick = Awaited<ReturnType<typeof lockTaskForPick>>;

/** Row-locks a wave and returns it; `WAVE.NOT_FOUND` when there is none. */
export async function lockWave(trx: Tx, waveId: number) {
  const wave = await trx
    .updateTable('waves')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', waveId)
    .returning(['id', 'status', 'warehouse_id', 'pick_mode'])
    .executeTakeFirst();
  if (!wave) throw new FailureError({ code: 'WAVE.NOT_FOUND', message: `No wave ${waveId}` });
  return wave;
}

/** A task's share per reservation, with what each reservation still holds and its order's priority. */
export async function openPartsOf(
  trx: Tx,
  taskId: number,
): Promise<(OpenPart & { orderLineId: number })[]> {
  const rows = await trx
    .selectFrom('pick_task_allocations as p')
    .innerJoin('allocations as a', 'a.id', 'p.allocation_id')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .select(['p.allocation_id', 'p.order_id', 'o.priority', 'a.remaining', 'a.order_line_id'])
    .where('p.pick_task_id', '=', taskId)
    .where('a.remaining', '>', 0)
    .execute();
  return rows.map((r) => ({
    allocationId: r.allocation_id,
    orderId: r.order_id,
    priority: r.priority,
    open: r.remaining,
    orderLineId: r.order_line_id,
  }));
}
