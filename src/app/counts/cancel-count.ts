import type { Tx } from '../../adapters/db/database.js';
import { moveCount } from '../../core/counts/count-status.js';
import { must } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import { appendEvent } from '../events/outbox.js';
import { lockCountTask, statusOf } from './count-store.js';

/**
 * Withdraws an open task nobody needs any more (a bin emptied, a recount overtaken by a later
 * count). Nothing was posted, so nothing is undone; figures already sent stay with the task.
 */
export async function cancelCount(trx: Tx, taskId: number, actor: Actor, now: Date) {
  const nowIso = now.toISOString();
  const task = await lockCountTask(trx, taskId);
  must(moveCount(statusOf(task), 'cancelled'));
  await trx
    .updateTable('count_tasks')
    .set({ status: 'cancelled', completed_at: nowIso })
    .where('id', '=', taskId)
    .execute();
  await appendEvent(
    trx,
    {
      type: 'count.cancelled',
      aggregateType: 'count_task',
      aggregateId: task.id,
      payload: { taskId: task.id, actor: actor.id },
    },
    nowIso,
  );
  return { id: task.id, status: 'cancelled' as const };
}
