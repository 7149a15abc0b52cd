import { describe, expect, it } from 'vitest';
import { blackFriday, demandFactor, isBlackFriday } from '../../src/app/simulation/sim-demand.js';
import { ordersOn } from '../../src/app/simulation/simulate.js';
import { addDays } from '../../src/app/simulation/sim-random.js';

const yearOf = (year: number) => Array.from({ length: 365 }, (_, i) => addDays(`${year}-01-01`, i));

describe('the demand curve', () => {
  it('puts Black Friday on the fourth Friday of November', () => {
    expect(blackFriday(2025)).toBe('2025-11-28');
    expect(blackFriday(2026)).toBe('2026-11-27');
    expect(new Date(`${blackFriday(2030)}T00:00:00Z`).getUTCDay()).toBe(5);
    expect(isBlackFriday('2026-11-27')).toBe(true);
  });

  it('makes Black Friday about five times an ordinary day, and the busiest of the year', () => {
    for (const year of [2025, 2026, 2027]) {
      const days = yearOf(year);
      const mean = days.reduce((n, d) => n + demandFactor(d), 0) / days.length;
      const peak = demandFactor(blackFriday(year));
      expect(peak / mean).toBeGreaterThan(4.5);
      expect(peak / mean).toBeLessThan(6.5);
      expect(Math.max(...days.map(demandFactor))).toBe(peak);
    }
  });

  it('has a weekly shape: Monday busier than Saturday, Sunday almost empty', () => {
    // 2026-03-02 is a Monday.
    expect(demandFactor('2026-03-02')).toBeGreaterThan(demandFactor('2026-03-07'));
    expect(demandFactor('2026-03-08')).toBeLessThan(0.3 * demandFactor('2026-03-02'));
  });

  it('gives the same order count for the same seed and day, and scales with the volume', () => {
    for (const date of yearOf(2026).slice(0, 60)) {
      expect(ordersOn(date, { ordersPerDay: 40, seed: 7 })).toBe(
        ordersOn(date, { ordersPerDay: 40, seed: 7 }),
      );
      expect(ordersOn(date, { ordersPerDay: 400, seed: 7 })).toBeGreaterThanOrEqual(
        ordersOn(date, { ordersPerDay: 40, seed: 7 }),
      );
    }
  });
});
