import { describe, expect, it } from 'vitest';
import { looksSeasonal, multiplicativeSeasonalIndices } from './decompose.js';
import { ses } from './exponential-smoothing.js';
import { mulberry32, normal } from './synthetic-series.js';
import { linearSlope, theta } from './theta.js';

describe('Theta (Hyndman & Billah 2003)', () => {
  it('is SES plus a drift of half the regression slope', () => {
    const random = mulberry32(7);
    const y = Array.from({ length: 50 }, (_, t) => 20 + 0.8 * t + 3 * normal(random));
    const r = theta(y, 6);
    const slope = linearSlope(y);
    expect(r.params.drift).toBeCloseTo(slope / 2, 12);
    const s = ses(y, 6);
    const a = s.params.alpha!;
    const carry = (1 - (1 - a) ** y.length) / a;
    r.forecast.forEach((f, i) =>
      expect(f).toBeCloseTo(s.forecast[i]! + (slope / 2) * (i + carry), 9),
    );
    expect(r.params.seasonal).toBe(0);
  });

  it('seasonally adjusts when the ACF test says so, and re-seasonalises', () => {
    const factors = [1.4, 0.7, 1.2, 0.7];
    const random = mulberry32(8);
    const y = Array.from({ length: 48 }, (_, t) => 100 * factors[t % 4]! + normal(random));
    expect(looksSeasonal(y, 4)).toBe(true);
    const r = theta(y, 4, { seasonLength: 4 });
    expect(r.params.seasonal).toBe(1);
    r.forecast.forEach((f, i) =>
      expect(Math.abs(f / (100 * factors[(48 + i) % 4]!) - 1)).toBeLessThan(0.05),
    );
  });
});

describe('classical multiplicative decomposition', () => {
  it('recovers the seasonal factors of a pure multiplicative series', () => {
    const factors = [1.2, 0.9, 1.1, 0.8];
    const y = Array.from({ length: 24 }, (_, t) => 50 * factors[t % 4]!);
    multiplicativeSeasonalIndices(y, 4).forEach((s, i) => expect(s).toBeCloseTo(factors[i]!, 12));
  });

  it('finds a yearly season in exactly two years of weekly data, and none in a trend with noise', () => {
    const random = mulberry32(10);
    const seasonal = Array.from(
      { length: 104 },
      (_, t) => 200 + 0.5 * t + 60 * Math.sin((2 * Math.PI * t) / 52) + 10 * normal(random),
    );
    expect(looksSeasonal(seasonal, 52)).toBe(true);
    const r = theta(seasonal, 13, { seasonLength: 52 });
    expect(r.params.seasonal).toBe(1);
    let falseAlarms = 0;
    for (let seed = 0; seed < 40; seed++) {
      const noise = mulberry32(100 + seed);
      const trended = Array.from({ length: 104 }, (_, t) => 100 + t + 10 * normal(noise));
      if (looksSeasonal(trended, 52)) falseAlarms++;
    }
    expect(falseAlarms).toBeLessThanOrEqual(6); // a 5 % test: about 2 in 40
  });

  it('finds no seasonality in white noise', () => {
    const random = mulberry32(9);
    const y = Array.from({ length: 60 }, () => 100 + normal(random));
    expect(looksSeasonal(y, 12)).toBe(false);
  });
});
