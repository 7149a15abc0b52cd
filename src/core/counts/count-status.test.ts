import { describe, expect, it } from 'vitest';
import { checkPlan } from './count-plan.rules.js';
import { COUNT_STATUSES, COUNT_TRANSITIONS, moveCount } from './count-status.js';

describe('count task life', () => {
  it('approves only counted figures and never leaves a final state', () => {
    expect(moveCount('counted', 'approved')).toEqual({ ok: true, value: 'approved' });
    expect(moveCount('open', 'approved').ok).toBe(false);
    for (const final of ['approved', 'recount', 'cancelled'] as const) {
      for (const to of COUNT_STATUSES) expect(moveCount(final, to).ok).toBe(false);
    }
    expect(COUNT_TRANSITIONS.counted).not.toContain('cancelled');
    const refused = moveCount('approved', 'recount');
    expect(refused.ok ? undefined : refused.error.code).toBe('COUNT.ILLEGAL_TRANSITION');
  });
});

describe('count plan rules', () => {
  const plan = {
    basis: 'abc' as const,
    abcClass: 'A',
    zone: 'Z',
    frequencyDays: 30,
    recountThresholdPct: 5,
    recountThresholdUnits: 0,
  };

  it('an ABC plan names a class and drops any zone; a zone plan names its zone', () => {
    expect(checkPlan(plan)).toEqual({ ok: true, value: { ...plan, zone: null } });
    expect(checkPlan({ ...plan, abcClass: 'D' }).ok).toBe(false);
    expect(checkPlan({ ...plan, basis: 'zone', zone: null }).ok).toBe(false);
    expect(checkPlan({ ...plan, frequencyDays: 0 }).ok).toBe(false);
    expect(checkPlan({ ...plan, recountThresholdUnits: -1 }).ok).toBe(false);
  });
});
