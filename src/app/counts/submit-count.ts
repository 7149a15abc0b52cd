import type { Tx } from '../../adapters/db/database.js';
import { moveCount } from '../../core/counts/count-status.js';
import { needsRecount, systemAtStart, varianceOf } from '../../core/counts/count-variance.js';
import { FailureError, must } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import { appendEvent } from '../events/outbox.js';
import { binFigures } from './count-figures.js';
import {
  lockCountTask,
  openRecount,
  statusOf,
  thresholdsFor,
  type LockedCountTask,
} from './count-store.js';
import { countedItems, type CountedItemIn, type TagReads } from './counted-items.js';
import { businessToday } from '../warehouses/warehouse-time-zones.js';

export interface CountSubmission {
  /** The bin's barcode (or code) as scanned: proves the counter stood at the right bin. */
  locationScan?: string | undefined;
  lines: CountedItemIn[];
}

/** A line as stored: what was counted against the system at the count's start. */
interface LineFigures {
  skuId: number;
  lotId: number;
  counted: number;
  system: number;
}

/**
 * The counter's figures arrive. For every SKU × lot counted, or on the system's books at the
 * bin when counting started, a count line records the count (zero for expected items not
 * found) and the system quantity at the start (on hand now less what moved since). A task
 * outside its thresholds goes to recount with a new blind task; a recount's own figures are
 * final. The reply is blind: it says what happens next, never what the system expected.
 */
export async function submitCount(
  trx: Tx,
  taskId: number,
  input: CountSubmission,
  actor: Actor,
  now: Date,
) {
  const nowIso = now.toISOString();
  const task = await lockCountTask(trx, taskId);
  must(moveCount(statusOf(task), 'counted'));
  if (task.started_movement_id === null) {
    throw new FailureError({
      code: 'COUNT.NOT_STARTED',
      message: 'Start the count at the bin before sending figures',
      details: { taskId },
    });
  }
  if (input.locationScan !== undefined) await checkLocationScan(trx, task, input.locationScan);
  const { lines, tags } = await lineFigures(trx, task, input.lines, nowIso);
  await insertLines(trx, task.id, lines, nowIso);
  const thresholds = await thresholdsFor(trx, task);
  const outside = lines.filter((l) =>
    needsRecount(varianceOf(l.counted, l.system), l.system, thresholds),
  ).length;
  await trx
    .updateTable('count_tasks')
    .set({ status: 'counted', completed_at: nowIso, counted_by: actor.id })
    .where('id', '=', task.id)
    .execute();
  const recountTaskId =
    outside > 0 && task.reason !== 'recount'
      ? await openRecount(
          trx,
          task,
          await businessToday(trx, task.warehouse_id, new Date(nowIso)),
          nowIso,
        )
      : null;
  const status = recountTaskId === null ? 'counted' : 'recount';
  await appendEvent(
    trx,
    {
      type: 'count.submitted',
      aggregateType: 'count_task',
      aggregateId: task.id,
      payload: { taskId: task.id, locationId: task.location_id, status, recountTaskId },
    },
    nowIso,
  );
  return { id: task.id, status, linesCounted: lines.length, recountTaskId, tagReads: tags };
}

async function checkLocationScan(trx: Tx, task: LockedCountTask, scan: string) {
  const location = await trx
    .selectFrom('locations')
    .select(['code', 'barcode'])
    .where('id', '=', task.location_id)
    .executeTakeFirstOrThrow();
  const read = scan.trim();
  if (read !== location.barcode && read !== location.code) {
    throw new FailureError({
      code: 'COUNT.WRONG_LOCATION',
      message: `This task counts ${location.code}; the scan is another location`,
      details: { expected: location.code },
    });
  }
}

async function lineFigures(
  trx: Tx,
  task: LockedCountTask,
  input: CountedItemIn[],
  nowIso: string,
): Promise<{ lines: LineFigures[]; tags: TagReads }> {
  const { items: counted, tags } = await countedItems(trx, task.id, input, nowIso);
  const inScope = (skuId: number) => task.sku_id === null || task.sku_id === skuId;
  for (const item of counted.values()) {
    if (!inScope(item.skuId)) {
      throw new FailureError({
        code: 'COUNT.SKU_NOT_IN_TASK',
        message: 'This task counts one SKU at the bin; the line is another',
        details: { skuId: item.skuId, taskSkuId: task.sku_id },
      });
    }
  }
  const figures = await binFigures(trx, task.location_id, task.started_movement_id!);
  const keys = new Set([...counted.keys(), ...figures.keys()]);
  const lines: LineFigures[] = [];
  for (const key of keys) {
    const figure = figures.get(key);
    const item = counted.get(key);
    const system = figure ? systemAtStart(figure.onHand, figure.netInSinceStart) : 0;
    const skuId = item?.skuId ?? figure!.skuId;
    if (!inScope(skuId) || (item === undefined && system === 0)) continue;
    lines.push({
      skuId,
      lotId: item?.lotId ?? figure!.lotId,
      counted: item?.quantity ?? 0,
      system,
    });
  }
  return { lines: lines.sort((a, b) => a.skuId - b.skuId || a.lotId - b.lotId), tags };
}

async function insertLines(trx: Tx, taskId: number, lines: LineFigures[], nowIso: string) {
  if (lines.length === 0) return;
  const costs = await trx
    .selectFrom('skus')
    .select(['id', 'standard_cost_minor'])
    .where('id', 'in', [...new Set(lines.map((l) => l.skuId))])
    .execute();
  const costOf = new Map(costs.map((c) => [c.id, Number(c.standard_cost_minor)]));
  await trx
    .insertInto('count_lines')
    .values(
      lines.map((l) => ({
        count_task_id: taskId,
        sku_id: l.skuId,
        lot_id: l.lotId,
        counted_quantity: l.counted,
        system_quantity: l.system,
        unit_cost_minor: costOf.get(l.skuId) ?? 0,
        movement_id: null,
        counted_at: nowIso,
      })),
    )
    .execute();
}
