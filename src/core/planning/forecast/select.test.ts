import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holtWintersMultiplicative } from './holt-winters.js';
import { selectForecast } from './select.js';
import { intermittentDemand, mulberry32, normal, smoothSeasonal } from './synthetic-series.js';

const TREND_METHODS = ['holt', 'damped-holt', 'theta'];

describe('automatic forecast', () => {
  it('follows a trend with trend methods', () => {
    const random = mulberry32(21);
    const y = Array.from({ length: 60 }, (_, t) => 100 + 3 * t + 2 * normal(random));
    const r = selectForecast(y, { horizon: 6, origins: 6 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.classification.demandClass).toBe('smooth');
    r.value.members.forEach((m) => expect(TREND_METHODS).toContain(m));
    expect(r.value.result.forecast).toHaveLength(6);
    expect(r.value.result.forecast[5]!).toBeGreaterThan(r.value.result.forecast[0]!);
    expect(r.value.accuracy.rmsse).toBeLessThan(1);
  });

  it('models a season: adjusted for it or with a seasonal method, and the forecast follows it', () => {
    const y = smoothSeasonal(mulberry32(22), 96, {
      level: 200,
      slope: 0,
      m: 12,
      amplitude: 60,
      noise: 4,
    });
    const r = selectForecast(y, { horizon: 12, seasonLength: 12 });
    if (!r.ok) throw new Error(r.error.message);
    const seasonalMember = r.value.members.some(
      (m) => m.startsWith('holt-winters') || m === 'seasonal-naive',
    );
    expect(r.value.seasonallyAdjusted || seasonalMember).toBe(true);
    // The forecast a year ahead repeats last year's shape: errors well under the amplitude.
    const lastYear = y.slice(84);
    r.value.result.forecast.forEach((f, i) => expect(Math.abs(f - lastYear[i]!)).toBeLessThan(25));
  });

  it('finds a yearly season in exactly two years of weekly demand', () => {
    const y = smoothSeasonal(mulberry32(24), 104, {
      level: 300,
      slope: 0,
      m: 52,
      amplitude: 150,
      noise: 10,
    });
    const r = selectForecast(y, { horizon: 13, seasonLength: 52 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.seasonallyAdjusted).toBe(true);
  });

  it('forecasts intermittent demand with Croston-type methods against a positive-rate benchmark', () => {
    const y = intermittentDemand(mulberry32(23), 104, 0.25, 6);
    const r = selectForecast(y, { horizon: 4, origins: 8 });
    if (!r.ok) throw new Error(r.error.message);
    expect(['intermittent', 'lumpy']).toContain(r.value.classification.demandClass);
    expect(r.value.benchmark).toBe('mean');
    r.value.members.forEach((m) => expect(['croston', 'sba', 'tsb', 'mean']).toContain(m));
    expect(r.value.candidates.map((c) => c.method)).not.toContain('holt');
    expect(r.value.result.forecast.every((f) => f > 0)).toBe(true);
  });

  it('drops a multiplicative Holt-Winters fit that runs away (here to 100× the largest week)', () => {
    const y = [134, 74, 2, 87, 1, 2, 3, 1, 111, 197, 181, 30, 1, 42, 2, 3, 186, 69, 201];
    const runaway = holtWintersMultiplicative(y, 8, { seasonLength: 4 }).forecast;
    expect(Math.max(...runaway.map(Math.abs))).toBeGreaterThan(100 * Math.max(...y));
    const r = selectForecast(y, {
      horizon: 8,
      seasonLength: 4,
      origins: 2,
      candidates: ['holt-winters-multiplicative', 'ses'],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.members).not.toContain('holt-winters-multiplicative');
    expect(Math.max(...r.value.result.forecast)).toBeLessThanOrEqual(3 * Math.max(...y));
  });

  it('fails as a value when the history is too short', () => {
    expect(selectForecast([1, 2, 3, 4, 5], { horizon: 4 })).toMatchObject({
      ok: false,
      error: { code: 'PLANNING.SERIES_TOO_SHORT' },
    });
  });
});

describe('automatic forecast: invariants over any demand history', () => {
  const demand = fc.array(
    fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 2000 })),
    { minLength: 12, maxLength: 70 },
  );

  it('is finite, never negative, never explosive, intervals around it; members beat the benchmark', () => {
    fc.assert(
      fc.property(demand, fc.integer({ min: 1, max: 8 }), (series, h) => {
        const r = selectForecast(series, { horizon: h, seasonLength: 4 });
        if (!r.ok) return;
        const { result, members, candidates, benchmark } = r.value;
        const largest = Math.max(...series);
        expect(result.forecast).toHaveLength(h);
        result.forecast.forEach((f, i) => {
          expect(Number.isFinite(f) && f >= 0 && f <= 3 * largest).toBe(true);
          expect(result.lower80![i]!).toBeLessThanOrEqual(f + 1e-9);
          expect(result.upper80![i]!).toBeGreaterThanOrEqual(f - 1e-9);
          expect(result.lower80![i]!).toBeGreaterThanOrEqual(0);
        });
        const score = new Map(candidates.map((c) => [c.method, c.rmsse]));
        if (members.length === 1 && members[0] === benchmark) return;
        for (const m of members) expect(score.get(m)!).toBeLessThan(score.get(benchmark)!);
        expect(members).not.toEqual(['holt']);
      }),
      { numRuns: 150, seed: 16 },
    );
  });

  it('never forecasts all zero for an item that sold within the last 13 periods', () => {
    fc.assert(
      fc.property(demand, fc.integer({ min: 0, max: 12 }), (series, ago) => {
        const y = [...series];
        y[y.length - 1 - ago] = Math.max(1, y[y.length - 1 - ago]!);
        const r = selectForecast(y, { horizon: 13, seasonLength: 1 });
        if (!r.ok) return;
        expect(r.value.result.forecast.some((f) => f > 0)).toBe(true);
      }),
      { numRuns: 150, seed: 13 },
    );
  });
});
