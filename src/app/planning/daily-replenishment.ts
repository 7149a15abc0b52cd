import type { Database } from '../../adapters/db/database.js';
import { businessDay, businessDayStart } from '../../core/shared/business-day.js';
import type { AppContext } from '../context.js';
import { companyTimeZone } from '../warehouses/warehouse-time-zones.js';
import { runReplenishment } from './replenishment-run.js';

/** Whether a scheduled run already started (and did not fail) on this business day. */
async function alreadyRanOn(database: Database, now: Date): Promise<boolean> {
  const timeZone = await companyTimeZone(database.db);
  const row = await database.db
    .selectFrom('replenishment_runs')
    .select('id')
    .where('trigger', '=', 'schedule')
    .where('status', '<>', 'failed')
    .where('started_at', '>=', businessDayStart(businessDay(now, timeZone), timeZone))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The scheduled job: one replenishment run per business day of the company (the day at its
 * first warehouse: one run covers every warehouse, so it has one "today"). Safe to
 * call often and from several processes: the check runs under the lease, so the second caller
 * either finds the lease taken or the day's run already there. A failed run is retried on the
 * next call. Resolves with the run id, or undefined when nothing ran.
 */
export async function dailyReplenishmentJob(ctx: AppContext): Promise<number | undefined> {
  const now = ctx.now();
  return runReplenishment(ctx, {
    trigger: 'schedule',
    actor: 'system:replenishment',
    shouldRun: async (database) => !(await alreadyRanOn(database, now)),
  });
}
