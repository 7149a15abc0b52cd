import type { Tx } from '../../adapters/db/database.js';
import { moveCount } from '../../core/counts/count-status.js';
import { must } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';
import { lastMovementId } from './count-figures.js';
import { lockCountTask, statusOf } from './count-store.js';

/**
 * The counter is at the bin and begins: the ledger's highest movement id is recorded, so every
 * movement after it (picks, put-aways while the count runs) can be taken out of the system
 * figure at submission. Starting again before submitting keeps the first start.
 */
export async function startCount(trx: Tx, taskId: number, actor: Actor, now: Date) {
  const task = await lockCountTask(trx, taskId);
  // Only an open task can be counted; the check is the one submission will make.
  must(moveCount(statusOf(task), 'counted'));
  if (task.started_movement_id !== null && task.started_at !== null) {
    return { id: task.id, status: task.status, startedAt: task.started_at };
  }
  const startedAt = now.toISOString();
  await trx
    .updateTable('count_tasks')
    .set({
      started_at: startedAt,
      started_movement_id: await lastMovementId(trx),
      counted_by: actor.id,
    })
    .where('id', '=', taskId)
    .execute();
  return { id: task.id, status: task.status, startedAt };
}
