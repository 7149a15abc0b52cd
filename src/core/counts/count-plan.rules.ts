import { fail, ok, type Result } from '../shared/result.js';

export const PLAN_BASES = ['abc', 'zone'] as const;
export type PlanBasis = (typeof PLAN_BASES)[number];
export const ABC_CLASSES = ['A', 'B', 'C'] as const;

/** What defines a cycle count plan, as the use case receives it. */
export interface PlanShape {
  basis: PlanBasis;
  abcClass: string | null;
  zone: string | null;
  frequencyDays: number;
  recountThresholdPct: number;
  recountThresholdUnits: number;
}

/** An ABC plan names its class; a zone plan its zone; frequencies and thresholds are sane. */
export function checkPlan(plan: PlanShape): Result<PlanShape> {
  if (plan.basis === 'abc' && !(ABC_CLASSES as readonly string[]).includes(plan.abcClass ?? '')) {
    return fail('COUNT.INVALID_PLAN', 'An ABC plan needs abcClass A, B or C', {
      abcClass: plan.abcClass,
    });
  }
  if (plan.basis === 'zone' && !plan.zone) {
    return fail('COUNT.INVALID_PLAN', 'A zone plan needs the zone to count');
  }
  if (!Number.isSafeInteger(plan.frequencyDays) || plan.frequencyDays < 1) {
    return fail('COUNT.INVALID_PLAN', 'frequencyDays must be a whole number of days, at least 1');
  }
  if (plan.recountThresholdPct < 0 || plan.recountThresholdUnits < 0) {
    return fail('COUNT.INVALID_PLAN', 'Recount thresholds cannot be negative');
  }
  return ok({
    ...plan,
    abcClass: plan.basis === 'abc' ? plan.abcClass : null,
    zone: plan.basis === 'zone' ? plan.zone : null,
  });
}
