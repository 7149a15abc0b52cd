import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  forecastWeekly,
  uncensor,
  weeklyFitStats,
  FORECAST_WEEKS,
} from '../../src/app/planning/sku-forecast.js';
import {
  intermittentDemand,
  mulberry32,
  smoothSeasonal,
} from '../../src/core/planning/forecast/synthetic-series.js';

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

  it('fits a series once: the same weeks again reuse the fit, any other week refits', () => {
    const series = smoothSeasonal(mulberry32(41), 120, {
      level: 40,
      slope: 0.1,
      m: 52,
      amplitude: 0.3,
      noise: 4,
    }).map(Math.round);
    const before = { ...weeklyFitStats };
    const first = forecastWeekly(series, 10);
    // Another lead time over the same weeks: the same fit, another d̄.
    const again = forecastWeekly([...series], 30);
    expect(weeklyFitStats.fitted - before.fitted).toBe(1);
    expect(weeklyFitStats.reused - before.reused).toBe(1);
    expect(again.forecast).toEqual(first.forecast);
    expect(again.method).toBe(first.method);
    expect(again.meanDailyDemand).toBeCloseTo(
      again.forecast.slice(0, 5).reduce((a, b) => a + b, 0) / 5 / 7,
      9,
    );
    // One week a unit more is another series: fitted again, not taken for the first.
    const changed = [...series];
    changed[60] = changed[60]! + 1;
    forecastWeekly(changed, 10);
    expect(weeklyFitStats.fitted - before.fitted).toBe(2);
    // Changing a returned forecast does not change what the next caller gets.
    first.forecast[0] = -1;
    expect(forecastWeekly(series, 10).forecast[0]).toBe(again.forecast[0]);
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

/**
 * A wholesaler's portfolio as issue 16 found it: mostly slow movers (sell in 2–40 % of weeks,
 * some lumpy), items that went quiet and sold again, new items, seasonal and smooth ones with a
 * quiet last week; histories of 20 to 156 weeks. Seeded, so the same 600 SKUs every run.
 */
function portfolio(count: number): number[][] {
  const random = mulberry32(16);
  return Array.from({ length: count }, (_, i) => {
    const weeks = 20 + Math.floor(random() * 137);
    const kind = i % 6;
    if (kind <= 2) {
      const lumpy = kind === 2;
      const y = intermittentDemand(random, weeks, 0.02 + 0.38 * random(), lumpy ? 40 : 3);
      return lumpy ? y.map((v) => (random() < 0.1 ? v * 20 : v)) : y;
    }
    if (kind === 3) {
      // Quiet for months, then one sale in the last quarter.
      const y = intermittentDemand(random, weeks, 0.3, 5).map((v, t) => (t > weeks - 40 ? 0 : v));
      y[weeks - 1 - Math.floor(random() * 13)] = 1 + Math.floor(random() * 4);
      return y;
    }
    const y = smoothSeasonal(random, weeks, {
      level: 5 + 50 * random(),
      slope: -0.3 * random(),
      m: 52,
      amplitude: 30 * random(),
      noise: 5,
    }).map((v) => Math.max(0, Math.round(v)));
    y[weeks - 1] = 0; // a quiet last week: naive would forecast nothing
    return y;
  });
}

describe('no silent zeros (issue 16)', () => {
  it('no SKU that sold in any of its last 13 weeks gets an all-zero forecast', () => {
    const skus = portfolio(600);
    let soldRecently = 0;
    for (const series of skus) {
      if (!series.slice(-13).some((v) => v > 0)) continue;
      soldRecently++;
      const f = forecastWeekly(series, 10);
      expect(
        f.forecast.some((v) => v > 0),
        `${f.method} on ${series.slice(-13).join(',')}`,
      ).toBe(true);
    }
    expect(soldRecently).toBeGreaterThan(400);
  });
});
