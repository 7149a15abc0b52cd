import type { Tx } from '../../adapters/db/database.js';
import { varianceOf } from '../../core/counts/count-variance.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import type { Role } from '../../core/shared/roles.js';

/** Roles that see the system's figures; every other viewer gets the blind view. */
export const SIGHTED_ROLES: readonly Role[] = ['admin', 'manager'];

export interface CountTaskFilter {
  warehouseId?: number | undefined;
  status?: string | undefined;
  reason?: string | undefined;
  /** Tasks due on or before this date. */
  dueBy?: string | undefined;
  locationId?: number | undefined;
  beforeId?: number | undefined;
  limit: number;
}

function taskQuery(db: Tx) {
  return db
    .selectFrom('count_tasks as t')
    .innerJoin('locations as l', 'l.id', 't.location_id')
    .select([
      't.id',
      't.reason',
      't.status',
      't.location_id as locationId',
      'l.code as locationCode',
      'l.warehouse_id as warehouseId',
      't.sku_id as skuId',
      't.plan_id as planId',
      't.recount_of_id as recountOfId',
      't.due_date as dueDate',
      't.reference',
      't.created_at as createdAt',
      't.started_at as startedAt',
      't.counted_by as countedBy',
      't.completed_at as completedAt',
      't.approved_by as approvedBy',
      't.approved_at as approvedAt',
    ]);
}

/** Count tasks, newest first. No quantities in it for anyone: the list is safe for counters. */
export async function listCountTasks(db: Tx, filter: CountTaskFilter) {
  let query = taskQuery(db)
    .orderBy('t.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.warehouseId !== undefined)
    query = query.where('l.warehouse_id', '=', filter.warehouseId);
  if (filter.status !== undefined) query = query.where('t.status', '=', filter.status);
  if (filter.reason !== undefined) query = query.where('t.reason', '=', filter.reason);
  if (filter.dueBy !== undefined) query = query.where('t.due_date', '<=', filter.dueBy);
  if (filter.locationId !== undefined) query = query.where('t.location_id', '=', filter.locationId);
  if (filter.beforeId !== undefined) query = query.where('t.id', '<', filter.beforeId);
  return query.execute();
}

export interface CountViewer {
  role: Role;
  /** Show which SKUs and lots the bin should hold (names only, never quantities). */
  showExpected: boolean;
}

/**
 * One task. Managers see each line's system quantity, variance and value; a counter gets the
 * blind view: the bin, optionally which SKUs and lots to look for, and what they counted —
 * never a system or expected quantity, in any field.
 */
export async function getCountTask(db: Tx, taskId: number, viewer: CountViewer) {
  const task = await taskQuery(db)
    .select(['l.barcode as locationBarcode'])
    .where('t.id', '=', taskId)
    .executeTakeFirst();
  if (!task) return notFound(taskId);
  const sighted = SIGHTED_ROLES.includes(viewer.role);
  const expected = viewer.showExpected
    ? await expectedItems(db, task.locationId, task.skuId)
    : undefined;
  const lines = await countLines(db, taskId);
  return ok({
    ...task,
    blind: !sighted,
    ...(expected ? { expectedItems: expected } : {}),
    lines: sighted
      ? lines.map((l) => {
          const variance = varianceOf(Number(l.countedQuantity), Number(l.systemQuantity));
          return { ...l, variance, varianceValueMinor: variance * Number(l.unitCostMinor) };
        })
      : lines.map((l) => ({
          skuId: l.skuId,
          skuCode: l.skuCode,
          lotCode: l.lotCode,
          countedQuantity: l.countedQuantity,
        })),
  });
}

/** What the system has on the books at the bin (SKU and lot only), for the counter to look for. */
async function expectedItems(db: Tx, locationId: number, skuId: number | null) {
  let query = db
    .selectFrom('stock_balances as b')
    .innerJoin('skus as s', 's.id', 'b.sku_id')
    .leftJoin('lots', 'lots.id', 'b.lot_id')
    .select([
      'b.sku_id as skuId',
      's.code as skuCode',
      's.name as skuName',
      's.gtin',
      'lots.code as lotCode',
    ])
    .where('b.location_id', '=', locationId)
    .where('b.on_hand', '>', 0)
    .orderBy('s.code')
    .orderBy('b.lot_id');
  if (skuId !== null) query = query.where('b.sku_id', '=', skuId);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, lotCode: r.lotCode ?? null }));
}

async function countLines(db: Tx, taskId: number) {
  const rows = await db
    .selectFrom('count_lines as c')
    .innerJoin('skus as s', 's.id', 'c.sku_id')
    .leftJoin('lots', 'lots.id', 'c.lot_id')
    .select([
      'c.sku_id as skuId',
      's.code as skuCode',
      'lots.code as lotCode',
      'c.counted_quantity as countedQuantity',
      'c.system_quantity as systemQuantity',
      'c.unit_cost_minor as unitCostMinor',
      'c.movement_id as movementId',
      'c.counted_at as countedAt',
    ])
    .where('c.count_task_id', '=', taskId)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ ...r, lotCode: r.lotCode ?? null }));
}

function notFound(taskId: number): Result<never> {
  return fail('COUNT.NOT_FOUND', `No count task ${taskId}`, { taskId });
}
