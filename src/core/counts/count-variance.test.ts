import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkApproval,
  DEFAULT_THRESHOLDS,
  needsRecount,
  systemAtStart,
  varianceOf,
} from './count-variance.js';

describe('count variance', () => {
  it('takes movements since the start back out of on hand now', () => {
    // 10 at the start, 3 picked during the count: on hand now 7, net in -3.
    expect(systemAtStart(7, -3)).toBe(10);
    expect(varianceOf(9, systemAtStart(7, -3))).toBe(-1);
  });

  it('recounts only above max(pct × system, units)', () => {
    expect(needsRecount(5, 100, DEFAULT_THRESHOLDS)).toBe(false);
    expect(needsRecount(-6, 100, DEFAULT_THRESHOLDS)).toBe(true);
    expect(needsRecount(1, 0, DEFAULT_THRESHOLDS)).toBe(true);
    expect(needsRecount(0, 0, DEFAULT_THRESHOLDS)).toBe(false);
    expect(needsRecount(3, 10, { pct: 5, units: 3 })).toBe(false);
    expect(needsRecount(4, 10, { pct: 5, units: 3 })).toBe(true);
  });

  it('approval lands on the count plus what moved since, and never below allocated', () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.integer({ min: -200, max: 200 }),
        fc.nat(500),
        fc.nat(500),
        (counted, net, start, allocated) => {
          const onHandNow = start + net;
          fc.pre(onHandNow >= 0 && allocated <= onHandNow);
          const check = checkApproval(onHandNow, allocated, varianceOf(counted, start));
          expect(check.target).toBe(counted + net);
          expect(check.allowed).toBe(check.target >= allocated);
        },
      ),
    );
  });
});
