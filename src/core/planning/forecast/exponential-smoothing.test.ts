import { describe, expect, it } from 'vitest';
import { dampedHolt, holt, PHI_MAX, PHI_MIN, ses } from './exponential-smoothing.js';
import { naive } from './naive.js';
import { mulberry32, normal } from './synthetic-series.js';

const noisyLevel = (n: number, seed: number) => {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => 50 + 5 * normal(random));
};

describe('simple exponential smoothing', () => {
  it('with α = 1 is the naive method', () => {
    const y = [12, 15, 11, 18, 14, 16];
    const r = ses(y, 4, { alpha: 1 });
    expect(r.forecast).toEqual(naive(y, 4).forecast);
    expect(r.fitted.slice(1)).toEqual(naive(y, 4).fitted.slice(1));
  });

  it('fits ℓ0 by least squares: no other ℓ0 gives a smaller SSE for the fitted α', () => {
    const y = noisyLevel(40, 1);
    const r = ses(y, 1);
    const sseWith = (l0: number) => {
      let level = l0;
      let sse = 0;
      for (const v of y) {
        sse += (v - level) ** 2;
        level += r.params.alpha! * (v - level);
      }
      return sse;
    };
    for (const d of [-1, -0.01, 0.01, 1])
      expect(sseWith(r.params.l0! + d)).toBeGreaterThan(sseWith(r.params.l0!));
  });

  it('chooses a small α for a noisy flat series and forecasts near its mean', () => {
    const r = ses(noisyLevel(100, 2), 3);
    expect(r.params.alpha).toBeLessThan(0.3);
    expect(Math.abs(r.forecast[0]! - 50)).toBeLessThan(3);
  });
});

describe('Holt', () => {
  it('extrapolates a perfect line', () => {
    const y = Array.from({ length: 12 }, (_, t) => 3 + 2 * (t + 1));
    const r = holt(y, 5);
    r.forecast.forEach((f, i) => expect(f).toBeCloseTo(3 + 2 * (13 + i), 6));
    expect(r.params.l0).toBeCloseTo(3, 6);
    expect(r.params.b0).toBeCloseTo(2, 6);
  });
});

describe('damped Holt', () => {
  it('keeps φ within [0.8, 0.98] and flattens the trend', () => {
    const random = mulberry32(3);
    const y = Array.from({ length: 60 }, (_, t) => 100 + 1.5 * t + 2 * normal(random));
    const r = dampedHolt(y, 30);
    expect(r.params.phi).toBeGreaterThanOrEqual(PHI_MIN);
    expect(r.params.phi).toBeLessThanOrEqual(PHI_MAX);
    const steps = r.forecast.slice(1).map((f, i) => f - r.forecast[i]!);
    expect(steps[steps.length - 1]!).toBeLessThan(steps[0]!);
  });
});
