import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import { taskStatusAfter, type WaveStatus } from '../../../core/fulfillment/wave-status.js';
import { lockWave } from './pick-task-load.js';

/**
 * Takes a cancelled order out of its open pick tasks, before its reservations are released
 * (call it with the order locked, nothing of it picked): its own discrete tasks are
 * cancelled; a batch task serving it shrinks by what the order still held there, and is
 * cancelled if nothing is left. A wave with no open task left is completed. Returns the
 * number of tasks changed.
 */
export async function cancelOrderPickTasks(
  trx: Tx,
  orderId: number,
  nowIso: string,
): Promise<number> {
  const shares = await trx
    .selectFrom('pick_task_allocations as p')
    .innerJoin('pick_tasks as t', 't.id', 'p.pick_task_id')
    .innerJoin('allocations as a', 'a.id', 'p.allocation_id')
    .select([
      't.id',
      't.wave_id',
      't.quantity',
      't.picked_quantity',
      't.short_quantity',
      'a.remaining',
    ])
    .where('p.order_id', '=', orderId)
    .where('t.status', '=', 'open')
    .orderBy('t.wave_id')
    .orderBy('t.id')
    .execute();
  if (shares.length === 0) return 0;
  const waves = new Map<number, WaveStatus>();
  for (const waveId of new Set(shares.map((s) => s.wave_id))) {
    waves.set(waveId, (await lockWave(trx, waveId)).status as WaveStatus);
  }
  const perTask = new Map<
    number,
    { quantity: number; picked: number; short: number; held: number }
  >();
  for (const s of shares) {
    const t = perTask.get(s.id) ?? {
      quantity: s.quantity,
      picked: s.picked_quantity,
      short: s.short_quantity,
      held: 0,
    };
    t.held += s.remaining;
    perTask.set(s.id, t);
  }
  for (const [taskId, t] of perTask) {
    const left = t.quantity - t.held;
    const status = left <= 0 ? 'cancelled' : taskStatusAfter(left, t.picked, t.short);
    await trx
      .updateTable('pick_tasks')
      .set({
        // A task's quantity must stay above zero: a fully cancelled one keeps its plan.
        quantity: left > 0 ? sql`quantity - ${t.held}` : sql`quantity`,
        status,
        completed_at: status === 'open' ? null : nowIso,
      })
      .where('id', '=', taskId)
      .execute();
  }
  for (const [waveId, status] of waves) {
    const open = await trx
      .selectFrom('pick_tasks')
      .select('id')
      .where('wave_id', '=', waveId)
      .where('status', '=', 'open')
      .limit(1)
      .executeTakeFirst();
    if (open) continue;
    const picked = await trx
      .selectFrom('pick_tasks')
      .select('id')
      .where('wave_id', '=', waveId)
      .where('status', 'in', ['picked', 'short'])
      .limit(1)
      .executeTakeFirst();
    const next = picked || status === 'picking' ? 'completed' : 'cancelled';
    await trx
      .updateTable('waves')
      .set({ status: next, completed_at: nowIso })
      .where('id', '=', waveId)
      .execute();
  }
  return perTask.size;
}
