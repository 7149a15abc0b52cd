import { describe, expect, it } from 'vitest';
import { selectForecast } from './select.js';
import { intermittentDemand, mulberry32, normal, smoothSeasonal } from './synthetic-series.js';

describe('automatic method choice', () => {
  it('picks a trend method for a trended series', () => {
    const random = mulberry32(21);
    const y = Array.from({ length: 60 }, (_, t) => 100 + 3 * t + 2 * normal(random));
    const r = selectForecast(y, { horizon: 6, origins: 6 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.classification.demandClass).toBe('smooth');
    expect(['holt', 'damped-holt', 'theta']).toContain(r.value.method);
    expect(r.value.result.forecast).toHaveLength(6);
    expect(r.value.accuracy.mase).toBeLessThan(1);
  });

  it('picks a seasonal method for a seasonal series', () => {
    const y = smoothSeasonal(mulberry32(22), 96, {
      level: 200,
      slope: 0,
      m: 12,
      amplitude: 60,
      noise: 4,
    });
    const r = selectForecast(y, { horizon: 12, seasonLength: 12 });
    if (!r.ok) throw new Error(r.error.message);
    expect([
      'seasonal-naive',
      'holt-winters-additive',
      'holt-winters-multiplicative',
      'theta',
    ]).toContain(r.value.method);
  });

  it('picks an intermittent method for intermittent demand', () => {
    const y = intermittentDemand(mulberry32(23), 104, 0.25, 6);
    const r = selectForecast(y, { horizon: 4, origins: 8 });
    if (!r.ok) throw new Error(r.error.message);
    expect(['intermittent', 'lumpy']).toContain(r.value.classification.demandClass);
    expect(['croston', 'sba', 'tsb']).toContain(r.value.method);
    expect(r.value.candidates.map((c) => c.method)).not.toContain('holt');
  });

  it('fails as a value when the history is too short', () => {
    expect(selectForecast([1, 2, 3, 4, 5], { horizon: 4 })).toMatchObject({
      ok: false,
      error: { code: 'PLANNING.SERIES_TOO_SHORT' },
    });
  });
});
