import type { AppContext } from '../context.js';
import { planPickFaceReplenishment } from '../receiving/plan-replenishment.js';

/**
 * Every warehouse's pick faces below their minimum get a replenishment task from reserve.
 * Safe with several processes: the planner locks the faces and skips any with an open task.
 */
export async function refillPickFaces(ctx: AppContext): Promise<number> {
  const warehouses = await ctx.database.db.selectFrom('warehouses').select('id').execute();
  let tasks = 0;
  for (const { id } of warehouses) {
    const planned = await planPickFaceReplenishment(ctx, id);
    tasks += planned.taskIds.length;
  }
  return tasks;
}
