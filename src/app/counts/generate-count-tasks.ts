import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { dailyQuota, dueLocations, type CountCandidate } from '../../core/counts/count-schedule.js';
import { SELLABLE_TYPES } from '../../core/inventory/location-types.js';
import type { AppContext } from '../context.js';
import { withLease } from '../jobs/lease.js';
import { insertCountTask, lockBinForCount, pendingCountAt } from './count-store.js';
import { businessToday } from '../warehouses/warehouse-time-zones.js';
import type { CountPlanRow } from './count-plans.js';

/** The day to generate for: a given day, or today at each plan's warehouse as of `now`. */
export type CountDay = string | { now: Date };

/** What one plan's generation did today. */
export interface PlanGeneration {
  planId: number;
  inScope: number;
  quota: number;
  taskIds: number[];
  /** Set when nothing was generated: already generated today, or the plan is retired. */
  skipped?: 'already_generated' | 'inactive' | 'not_found';
}

/**
 * Creates today's cycle count tasks of one plan, in the caller's transaction. The plan row is
 * taken first (a row lock on PostgreSQL) and `last_generated_on` re-checked after the lock,
 * so a second process — or a second call the same day — finds nothing to do.
 */
export async function generateForPlan(
  trx: Tx,
  planId: number,
  day: CountDay,
  nowIso: string,
): Promise<PlanGeneration> {
  const plan = await trx
    .updateTable('count_plans')
    .set((eb) => ({ last_generated_on: eb.ref('last_generated_on') }))
    .where('id', '=', planId)
    .returningAll()
    .executeTakeFirst();
  const none = { planId, inScope: 0, quota: 0, taskIds: [] };
  if (!plan) return { ...none, skipped: 'not_found' };
  if (plan.active !== 1) return { ...none, skipped: 'inactive' };
  const today =
    typeof day === 'string' ? day : await businessToday(trx, plan.warehouse_id, day.now);
  if (plan.last_generated_on !== null && plan.last_generated_on >= today) {
    return { ...none, skipped: 'already_generated' };
  }
  const candidates = await candidatesOf(trx, plan);
  const quota = dailyQuota(candidates.length, plan.frequency_days);
  const taskIds: number[] = [];
  const due = dueLocations(candidates, quota).sort((a, b) => a - b);
  for (const locationId of due) {
    // Re-checked under the bin's lock: an ad-hoc count may have been asked for meanwhile.
    await lockBinForCount(trx, locationId);
    if ((await pendingCountAt(trx, locationId)) !== undefined) continue;
    taskIds.push(
      await insertCountTask(
        trx,
        {
          locationId,
          warehouseId: plan.warehouse_id,
          skuId: null,
          reason: 'cycle',
          planId: plan.id,
          recountOfId: null,
          dueDate: today,
          reference: `plan:${plan.id}/${today}`,
        },
        nowIso,
      ),
    );
  }
  await trx
    .updateTable('count_plans')
    .set({ last_generated_on: today })
    .where('id', '=', plan.id)
    .execute();
  return { planId, inScope: candidates.length, quota, taskIds };
}

/**
 * The plan's locations: active sellable bins of its warehouse, in its zone or holding a SKU of
 * its ABC class there (no class yet counts as C), each with when it was last counted and
 * whether a count of it is pending.
 */
async function candidatesOf(trx: Tx, plan: CountPlanRow): Promise<CountCandidate[]> {
  let query = trx
    .selectFrom('locations as l')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('count_tasks')
          .select([
            'location_id',
            sql<
              string | null
            >`max(case when status <> 'cancelled' then coalesce(approved_at, completed_at, created_at) end)`.as(
              'last_at',
            ),
            sql<number>`sum(case when status in ('open', 'counted') then 1 else 0 end)`.as(
              'pending',
            ),
          ])
          .groupBy('location_id')
          .as('t'),
      (join) => join.onRef('t.location_id', '=', 'l.id'),
    )
    .select(['l.id', 'l.pick_sequence', 't.last_at', 't.pending'])
    .where('l.warehouse_id', '=', plan.warehouse_id)
    .where('l.type', 'in', [...SELLABLE_TYPES])
    .where('l.active', '=', 1);
  if (plan.basis === 'zone') query = query.where('l.zone', '=', plan.zone);
  else {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('stock_balances as b')
          .leftJoin('sku_planning as sp', (join) =>
            join
              .onRef('sp.sku_id', '=', 'b.sku_id')
              .onRef('sp.warehouse_id', '=', 'b.warehouse_id'),
          )
          .select('b.sku_id')
          .whereRef('b.location_id', '=', 'l.id')
          .where('b.on_hand', '>', 0)
          .where(sql<string>`coalesce(sp.abc_class, 'C')`, '=', plan.abc_class ?? 'C'),
      ),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    locationId: r.id,
    lastCountedAt: r.last_at ?? null,
    pending: Number(r.pending ?? 0) > 0,
    pickSequence: r.pick_sequence,
  }));
}

/** Runs every active plan (or the one given) for `today`, one transaction per plan. */
export async function generateCountTasks(
  ctx: AppContext,
  today: CountDay,
  planIds?: readonly number[],
): Promise<PlanGeneration[]> {
  const ids =
    planIds ??
    (
      await ctx.database.db
        .selectFrom('count_plans')
        .select('id')
        .where('active', '=', 1)
        .orderBy('id')
        .execute()
    ).map((p) => p.id);
  const results: PlanGeneration[] = [];
  for (const planId of ids) {
    const nowIso = ctx.now().toISOString();
    results.push(await ctx.database.write((trx) => generateForPlan(trx, planId, today, nowIso)));
  }
  return results;
}

/**
 * The daily job: generates today's count tasks (today at each plan's warehouse) of every active plan while holding the
 * `count-generation` lease, so of several server processes one does the work; the per-plan
 * re-check makes a late second run harmless anyway. Undefined when another process held it.
 */
export async function countGenerationJob(ctx: AppContext) {
  return withLease(ctx.database, 'count-generation', { now: ctx.now }, () =>
    generateCountTasks(ctx, { now: ctx.now() }),
  );
}
