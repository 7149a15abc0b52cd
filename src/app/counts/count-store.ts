import type { Selectable } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { CountTaskTable } from '../../adapters/db/schema.js';
import { DEFAULT_THRESHOLDS, type RecountThresholds } from '../../core/counts/count-variance.js';
import {
  ACTIVE_COUNT_STATUSES,
  type CountReason,
  type CountStatus,
} from '../../core/counts/count-status.js';
import { FailureError } from '../../core/shared/result.js';

export type CountTaskRow = Selectable<CountTaskTable>;

/** A task as the use cases need it: the row plus its location's warehouse. */
export interface LockedCountTask extends CountTaskRow {
  /** Short-pick tasks carry no warehouse of their own: taken from the location. */
  warehouseId: number;
}

export function countNotFound(taskId: number): FailureError {
  return new FailureError({
    code: 'COUNT.NOT_FOUND',
    message: `No count task ${taskId}`,
    details: { taskId },
  });
}

/**
 * Takes the task for this transaction: a no-op update is a row lock on PostgreSQL (SQLite
 * writers are serial anyway), so two submissions or an approval racing a reject cannot both
 * pass their status check. Returns the row as it is now.
 */
export async function lockCountTask(trx: Tx, taskId: number): Promise<LockedCountTask> {
  const row = await trx
    .updateTable('count_tasks')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', taskId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw countNotFound(taskId);
  const location = await trx
    .selectFrom('locations')
    .select('warehouse_id')
    .where('id', '=', row.location_id)
    .executeTakeFirstOrThrow();
  return { ...row, warehouseId: row.warehouse_id ?? location.warehouse_id };
}

export function statusOf(task: CountTaskRow): CountStatus {
  return task.status as CountStatus;
}

/**
 * Serializes the creation of counts of one bin (a no-op update: a row lock on PostgreSQL),
 * so an ad-hoc request and the generator cannot both find the bin free and both add a task.
 * Callers lock several bins in ascending id order.
 */
export async function lockBinForCount(trx: Tx, locationId: number): Promise<void> {
  await trx
    .updateTable('locations')
    .set((eb) => ({ active: eb.ref('active') }))
    .where('id', '=', locationId)
    .execute();
}

/** The id of a task at the location in one of `statuses` (default: open or counted), if any. */
export async function pendingCountAt(
  trx: Tx,
  locationId: number,
  statuses: readonly CountStatus[] = ACTIVE_COUNT_STATUSES,
): Promise<number | undefined> {
  const row = await trx
    .selectFrom('count_tasks')
    .select('id')
    .where('location_id', '=', locationId)
    .where('status', 'in', [...statuses])
    .executeTakeFirst();
  return row?.id;
}

/** What a new task needs; the rest starts empty. */
export interface NewCountTask {
  locationId: number;
  warehouseId: number;
  skuId: number | null;
  reason: CountReason;
  planId: number | null;
  recountOfId: number | null;
  dueDate: string;
  reference: string | null;
}

export async function insertCountTask(trx: Tx, task: NewCountTask, nowIso: string) {
  const row = await trx
    .insertInto('count_tasks')
    .values({
      location_id: task.locationId,
      warehouse_id: task.warehouseId,
      sku_id: task.skuId,
      reason: task.reason,
      status: 'open',
      reference: task.reference,
      plan_id: task.planId,
      recount_of_id: task.recountOfId,
      due_date: task.dueDate,
      created_at: nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The plan's thresholds, or the defaults for ad-hoc and short-pick counts. */
export async function thresholdsFor(trx: Tx, task: CountTaskRow): Promise<RecountThresholds> {
  if (task.plan_id === null) return DEFAULT_THRESHOLDS;
  const plan = await trx
    .selectFrom('count_plans')
    .select(['recount_threshold_pct', 'recount_threshold_units'])
    .where('id', '=', task.plan_id)
    .executeTakeFirst();
  if (!plan) return DEFAULT_THRESHOLDS;
  return { pct: Number(plan.recount_threshold_pct), units: Number(plan.recount_threshold_units) };
}

/**
 * Sends a task back for a second blind count: it ends as `recount` and a new open task of
 * reason `recount` (same location, SKU and plan; due today) carries the count on.
 */
export async function openRecount(
  trx: Tx,
  task: LockedCountTask,
  today: string,
  nowIso: string,
): Promise<number> {
  await trx
    .updateTable('count_tasks')
    .set({ status: 'recount', completed_at: task.completed_at ?? nowIso })
    .where('id', '=', task.id)
    .execute();
  return insertCountTask(
    trx,
    {
      locationId: task.location_id,
      warehouseId: task.warehouseId,
      skuId: task.sku_id,
      reason: 'recount',
      planId: task.plan_id,
      recountOfId: task.id,
      dueDate: today,
      reference: `count:${task.id}/recount`,
    },
    nowIso,
  );
}
