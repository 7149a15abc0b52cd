import type { Selectable } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { CountPlanTable } from '../../adapters/db/schema.js';
import { checkPlan, type PlanBasis, type PlanShape } from '../../core/counts/count-plan.rules.js';
import { FailureError, must } from '../../core/shared/result.js';

export type CountPlanRow = Selectable<CountPlanTable>;

export interface CountPlanIn {
  warehouseId: number;
  name: string;
  basis: PlanBasis;
  abcClass?: string | null | undefined;
  zone?: string | null | undefined;
  frequencyDays: number;
  recountThresholdPct?: number | undefined;
  recountThresholdUnits?: number | undefined;
  active?: boolean | undefined;
}

export type CountPlanPatch = Partial<Omit<CountPlanIn, 'warehouseId'>>;

export function planView(row: CountPlanRow) {
  return {
    id: row.id,
    warehouseId: row.warehouse_id,
    name: row.name,
    basis: row.basis,
    abcClass: row.abc_class,
    zone: row.zone,
    frequencyDays: row.frequency_days,
    recountThresholdPct: Number(row.recount_threshold_pct),
    recountThresholdUnits: Number(row.recount_threshold_units),
    active: row.active === 1,
    lastGeneratedOn: row.last_generated_on,
    createdAt: row.created_at,
  };
}

function planNotFound(planId: number) {
  return new FailureError({
    code: 'COUNT.PLAN_NOT_FOUND',
    message: `No count plan ${planId}`,
    details: { planId },
  });
}

/** A cycle count plan for one warehouse: an ABC class or a zone, counted every N days. */
export async function createCountPlan(trx: Tx, input: CountPlanIn, now: Date) {
  const warehouse = await trx
    .selectFrom('warehouses')
    .select('id')
    .where('id', '=', input.warehouseId)
    .executeTakeFirst();
  if (!warehouse) {
    throw new FailureError({
      code: 'COUNT.WAREHOUSE_NOT_FOUND',
      message: `No warehouse ${input.warehouseId}`,
    });
  }
  const shape = must(checkPlan(shapeOf(input)));
  const row = await trx
    .insertInto('count_plans')
    .values({
      warehouse_id: input.warehouseId,
      name: input.name,
      basis: shape.basis,
      abc_class: shape.abcClass,
      zone: shape.zone,
      frequency_days: shape.frequencyDays,
      recount_threshold_pct: shape.recountThresholdPct,
      recount_threshold_units: shape.recountThresholdUnits,
      active: input.active === false ? 0 : 1,
      last_generated_on: null,
      created_at: now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return planView(row);
}

/** Changes a plan; the next generation uses the new scope and frequency. */
export async function updateCountPlan(trx: Tx, planId: number, patch: CountPlanPatch) {
  const row = await loadPlan(trx, planId);
  const current = planView(row);
  const merged = { ...current, ...definedOnly(patch) } as CountPlanIn & { active: boolean };
  const shape = must(checkPlan(shapeOf(merged)));
  const updated = await trx
    .updateTable('count_plans')
    .set({
      name: merged.name,
      basis: shape.basis,
      abc_class: shape.abcClass,
      zone: shape.zone,
      frequency_days: shape.frequencyDays,
      recount_threshold_pct: shape.recountThresholdPct,
      recount_threshold_units: shape.recountThresholdUnits,
      active: merged.active ? 1 : 0,
    })
    .where('id', '=', planId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return planView(updated);
}

/**
 * Deleting a plan retires it (active = false): its tasks and count lines keep pointing at it
 * for the accuracy history.
 */
export async function retireCountPlan(trx: Tx, planId: number) {
  await loadPlan(trx, planId);
  const row = await trx
    .updateTable('count_plans')
    .set({ active: 0 })
    .where('id', '=', planId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return planView(row);
}

export async function loadPlan(trx: Tx, planId: number): Promise<CountPlanRow> {
  const row = await trx
    .selectFrom('count_plans')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!row) throw planNotFound(planId);
  return row;
}

export async function listCountPlans(db: Tx, warehouseId: number | undefined) {
  let query = db.selectFrom('count_plans').selectAll().orderBy('id');
  if (warehouseId !== undefined) query = query.where('warehouse_id', '=', warehouseId);
  return (await query.execute()).map(planView);
}

function shapeOf(input: CountPlanIn): PlanShape {
  return {
    basis: input.basis,
    abcClass: input.abcClass ?? null,
    zone: input.zone ?? null,
    frequencyDays: input.frequencyDays,
    recountThresholdPct: input.recountThresholdPct ?? 5,
    recountThresholdUnits: input.recountThresholdUnits ?? 0,
  };
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
