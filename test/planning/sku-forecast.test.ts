import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastWeekly, uncensor, FORECAST_WEEKS } from '../../src/app/planning/sku-forecast.js';

describe('weekly forecast for the policy', () => {
  it('gives finite, non-negative daily demand and spread, and an interval around the forecast', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (series, coverDays) => {
          const f = forecastWeekly(series, coverDays);
          expect(Number.isFinite(f.meanDailyDemand) && f.meanDailyDemand >= 0).toBe(true);
          expect(Number.isFinite(f.sdDailyDemand) && f.sdDailyDemand >= 0).toBe(true);
          expect(f.forecast).toHaveLength(FORECAST_WEEKS);
          f.forecast.forEach((p, h) => {
            expect(f.lower[h]!).toBeLessThanOrEqual(p + 1e-9);
            expect(f.upper[h]!).toBeGreaterThanOrEqual(p - 1e-9);
            expect(f.lower[h]!).toBeGreaterThanOrEqual(0);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a flat history forecasts itself with no spread; a short one falls back to the mean', () => {
    const flat = forecastWeekly(Array(30).fill(70), 8);
    expect(flat.meanDailyDemand).toBe(10);
    expect(flat.sdDailyDemand).toBe(0);
    const short = forecastWeekly([7, 14, 21], 8);
    expect(short.method).toBe('mean');
    expect(short.meanDailyDemand).toBe(2);
    expect(short.sdDailyDemand).toBeCloseTo(7 / Math.sqrt(7), 9);
  });

  it('uncensoring never lowers a week and leaves uncensored weeks alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: 0, max: 100 }), censored: fc.boolean() })),
        (weeks) => {
          const fixed = uncensor(weeks);
          weeks.forEach((w, i) => {
            if (w.censored) expect(fixed[i]!).toBeGreaterThanOrEqual(w.quantity);
            else expect(fixed[i]).toBe(w.quantity);
          });
        },
      ),
    );
  });
});
