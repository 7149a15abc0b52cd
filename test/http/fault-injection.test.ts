import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitFaultFrom } from '../../src/adapters/http/fault-injection.js';

/** Counts the commits a fault lets through before it fires (`die` records the commit number). */
function commitsUntilDeath(setting: string | undefined, commits: number): number[] {
  const deaths: number[] = [];
  let commit = 0;
  const fault = commitFaultFrom(setting, () => deaths.push(commit));
  for (commit = 1; commit <= commits; commit++) fault.committed();
  return deaths;
}

describe('commit fault injection (STOCKLINE_FAULT_EXIT_AFTER_COMMIT)', () => {
  it('is off when unset or empty: no commit ever dies', () => {
    expect(commitsUntilDeath(undefined, 1000)).toEqual([]);
    expect(commitsUntilDeath('', 1000)).toEqual([]);
  });

  it('dies at exactly the N-th commit, and only there', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 400 }), (n, run) => {
        expect(commitsUntilDeath(String(n), run)).toEqual(run >= n ? [n] : []);
      }),
    );
  });

  it('refuses a setting that is not a positive whole number', () => {
    for (const bad of ['0', '-1', '1.5', 'abc', ' 3', '3x', '05'])
      expect(() => commitFaultFrom(bad, () => undefined), bad).toThrow(/positive whole number/);
  });
});
