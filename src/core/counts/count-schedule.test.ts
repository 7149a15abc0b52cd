import { describe, expect, it } from 'vitest';
import { classOrDefault, dailyQuota, dueLocations, type CountCandidate } from './count-schedule.js';

describe('count schedule', () => {
  it('levels the work: ceil(n / frequency) a day', () => {
    expect(dailyQuota(0, 30)).toBe(0);
    expect(dailyQuota(1, 30)).toBe(1);
    expect(dailyQuota(30, 30)).toBe(1);
    expect(dailyQuota(31, 30)).toBe(2);
    expect(dailyQuota(400, 365)).toBe(2);
  });

  it('takes never-counted first, then the oldest count, and skips pending ones', () => {
    const c = (
      locationId: number,
      lastCountedAt: string | null,
      pending = false,
    ): CountCandidate => ({ locationId, lastCountedAt, pending, pickSequence: locationId });
    const due = dueLocations(
      [c(1, '2026-02-01'), c(2, null, true), c(3, '2026-01-01'), c(4, null), c(5, '2026-03-01')],
      3,
    );
    expect(due).toEqual([4, 3, 1]);
  });

  it('treats a SKU without a class as C', () => {
    expect(classOrDefault(null)).toBe('C');
    expect(classOrDefault('A')).toBe('A');
  });
});
