import { isPostgres, type Tx } from '../../adapters/db/database.js';
import { isSellable } from '../../core/inventory/location-types.js';
import { fail, must } from '../../core/shared/result.js';
import { appendEvent } from '../events/outbox.js';
import { postMovement } from '../inventory/ledger.js';
import { placeFacts } from '../inventory/stock-facts.js';
import { binForTask } from './move-task-bin.js';

/** A finished put-away or replenishment: where the goods went, and whether they can now sell. */
export interface ConfirmedTask {
  taskId: number;
  kind: string;
  skuId: number;
  lotId: number;
  quantity: number;
  fromLocationId: number;
  suggestedLocationId: number | null;
  toLocationId: number;
  movementIds: number[];
  /** True when the stock became sellable with this move (put-away into a bin). */
  madeAvailable: boolean;
}

async function openTask(trx: Tx, taskId: number) {
  let query = trx.selectFrom('move_tasks').selectAll().where('id', '=', taskId);
  if (isPostgres(trx)) query = query.forUpdate();
  const task = await query.executeTakeFirst();
  if (!task) must(fail('RECEIVING.TASK_NOT_FOUND', `No move task ${taskId}`, { taskId }));
  if (task!.status !== 'open') {
    must(
      fail('RECEIVING.TASK_ILLEGAL_TRANSITION', `Move task ${taskId} is ${task!.status}`, {
        taskId,
        status: task!.status,
      }),
    );
  }
  return task!;
}

/**
 * Confirms a put-away or replenishment task by the bin barcode the worker scanned. Another
 * valid bin than the suggested one is accepted (and recorded): the worker sees the shelf.
 * The stock moves by the ledger (type `putaway` or `replenish`) and the task is done.
 */
export async function confirmMoveTask(
  trx: Tx,
  taskId: number,
  scan: string,
  actor: string,
  nowIso: string,
): Promise<ConfirmedTask> {
  const task = await openTask(trx, taskId);
  const bin = await binForTask(
    trx,
    {
      id: task.id,
      warehouseId: task.warehouse_id,
      skuId: task.sku_id,
      lotId: task.lot_id,
      kind: task.kind,
      quantity: Number(task.quantity),
      fromLocationId: task.from_location_id,
    },
    scan,
  );
  const from = await placeFacts(trx, task.from_location_id);
  const movementId = await postMovement(
    trx,
    {
      skuId: task.sku_id,
      lotId: task.lot_id,
      from,
      to: await placeFacts(trx, bin.id),
      quantity: Number(task.quantity),
      type: task.kind === 'replenish' ? 'replenish' : 'putaway',
      reference: `move-task:${task.id}`,
      actor,
    },
    nowIso,
  );
  await trx
    .updateTable('move_tasks')
    .set({ status: 'done', to_location_id: bin.id, completed_at: nowIso, completed_by: actor })
    .where('id', '=', task.id)
    .where('status', '=', 'open')
    .execute();
  const confirmed: ConfirmedTask = {
    taskId: task.id,
    kind: task.kind,
    skuId: task.sku_id,
    lotId: task.lot_id,
    quantity: Number(task.quantity),
    fromLocationId: task.from_location_id,
    suggestedLocationId: task.suggested_location_id,
    toLocationId: bin.id,
    movementIds: [movementId],
    madeAvailable: !isSellable(from.type) && isSellable(bin.type),
  };
  await appendEvent(
    trx,
    {
      type: 'move_task.done',
      aggregateType: 'move_task',
      aggregateId: task.id,
      payload: { ...confirmed },
    },
    nowIso,
  );
  return confirmed;
}
