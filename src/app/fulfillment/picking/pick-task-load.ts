import type { Selectable } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import { fixedSql, runSql } from '../../../adapters/db/fixed-sql.js';
import type { Tables } from '../../../adapters/db/schema.js';
import type { OpenPart } from '../../../core/fulfillment/pick-tasks.js';
import type { WaveStatus } from '../../../core/fulfillment/wave-status.js';
import { STANDARD_LOCATIONS } from '../../../core/inventory/location-types.js';
import { FailureError } from '../../../core/shared/result.js';

const STAGING = STANDARD_LOCATIONS.find((s) => s.type === 'staging')!;

/**
 * The task's wave locked (a no-op update), with whether another task of it is open: with the
 * wave locked, no pick can change that.
 */
const LOCK_WAVE_OF_TASK = fixedSql(
  'pick.lock-wave-of-task',
  `update waves set status = status
   where id = (select wave_id from pick_tasks where id = ?)
   returning id, status,
     (select count(*) from (select 1 from pick_tasks o where o.wave_id = waves.id
        and o.status = 'open' and o.id <> ? limit 1) as other) as others_open`,
);

/**
 * The task with its bin (as scanning and the ledger check it), its SKU's each GTIN, and the
 * warehouse's STAGING location the units go to: one read.
 */
const TASK_FOR_PICK = fixedSql(
  'pick.task',
  `select t.*, l.code as location_code, l.barcode as location_barcode, l.warehouse_id,
     l.type as location_type, s.code as sku_code, s.gtin as sku_gtin, lots.code as lot_code,
     st.id as staging_id
   from pick_tasks t
   join locations l on l.id = t.location_id
   join skus s on s.id = t.sku_id
   left join lots on lots.id = t.lot_id
   left join locations st on st.warehouse_id = l.warehouse_id
     and st.code = '${STAGING.code}' and st.type = '${STAGING.type}'
   where t.id = ?`,
);

type TaskRow = Selectable<Tables['pick_tasks']> & {
  location_code: string;
  location_barcode: string | null;
  warehouse_id: number;
  location_type: string;
  sku_code: string;
  sku_gtin: string | null;
  lot_code: string | null;
  staging_id: number | null;
};

/**
 * Takes the task's wave for this transaction (a row lock on PostgreSQL; SQLite writers are
 * serial) and returns the task as it is now, with its bin, SKU and lot. Picks of one wave are
 * serialized so that exactly one of them sees the last task close and completes the wave.
 */
export async function lockTaskForPick(trx: Tx, taskId: number) {
  const [wave] = await runSql<{ id: number; status: string; others_open: number }>(
    trx,
    LOCK_WAVE_OF_TASK,
    [taskId, taskId],
  );
  if (!wave) {
    throw new FailureError({ code: 'PICK.TASK_NOT_FOUND', message: `No pick task ${taskId}` });
  }
  const [task] = await runSql<TaskRow>(trx, TASK_FOR_PICK, [taskId]);
  if (!task)
    throw new FailureError({ code: 'PICK.TASK_NOT_FOUND', message: `No pick task ${taskId}` });
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
  const rows = await runSql<{
    allocation_id: number;
    order_id: number;
    priority: number;
    remaining: number;
    order_line_id: number;
  }>(trx, OPEN_PARTS, [taskId]);
  return rows.map((r) => ({
    allocationId: r.allocation_id,
    orderId: r.order_id,
    priority: r.priority,
    open: r.remaining,
    orderLineId: r.order_line_id,
  }));
}

const OPEN_PARTS = fixedSql(
  'pick.open-parts',
  `select p.allocation_id, p.order_id, o.priority, a.remaining, a.order_line_id
   from pick_task_allocations p
   join allocations a on a.id = p.allocation_id
   join orders o on o.id = p.order_id
   where p.pick_task_id = ? and a.remaining > 0`,
);
