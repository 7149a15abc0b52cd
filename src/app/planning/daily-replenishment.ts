import type { Database } from '../../adapters/db/database.js';
import type { AppContext } from '../context.js';
import { runReplenishment } from './replenishment-run.js';

/** Whether a scheduled run already started (and did not fail) on this UTC day. */
async function alreadyRanOn(database: Database, day: string): Promise<boolean> {
  const row = await database.db
    .selectFrom('replenishment_runs')
    .select('id')
    .where('trigger', '=', 'schedule')
    .where('status', '<>', 'failed')
    .where('started_at', '>=', `${day}T00:00:00.000Z`)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The scheduled job: one replenishment run per UTC calendar day over every warehouse. Safe to
 * call often and from several processes: the check runs under the lease, so the second caller
 * either finds the lease taken or the day's run already there. A failed run is retried on the
 * next call. Resolves with the run id, or undefined when nothing ran.
 */
export async function dailyReplenishmentJob(ctx: AppContext): Promise<number | undefined> {
  const day = ctx.now().toISOString().slice(0, 10);
  return runReplenishment(ctx, {
    trigger: 'schedule',
    actor: 'system:replenishment',
    shouldRun: async (database) => !(await alreadyRanOn(database, day)),
  });
}
