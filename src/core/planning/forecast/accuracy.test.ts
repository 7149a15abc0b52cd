import { describe, expect, it } from 'vitest';
import { accuracy, bias, mase, maseScale, smape } from './accuracy.js';
import { mulberry32, randomWalk } from './synthetic-series.js';

describe('accuracy', () => {
  it('computes hand-checked MASE, sMAPE and bias', () => {
    const training = [10, 12, 11, 13]; // naive scale (2 + 1 + 2) / 3 = 5/3
    expect(maseScale(training)).toBeCloseTo(5 / 3, 12);
    const a = accuracy([14, 12], [13, 13], training);
    expect(a.mase).toBeCloseTo(1 / (5 / 3), 12);
    expect(a.smape).toBeCloseTo(100 * (1 / 27 + 1 / 25), 12);
    expect(a.bias).toBe(0);
    expect(bias([5, 5], [4, 4])).toBe(1); // positive: the forecast ran low
  });

  it('scales by the seasonal naive in-sample error when seasonal', () => {
    expect(maseScale([1, 5, 2, 6, 3, 7], 2)).toBeCloseTo(1, 12);
  });

  it('gives MASE ≈ 1 for one-step naive forecasts of a random walk', () => {
    const y = randomWalk(mulberry32(11), 6000);
    const training = y.slice(0, 3000);
    const actual = y.slice(3000);
    const oneStepNaive = y.slice(2999, 5999);
    expect(mase(actual, oneStepNaive, training)).toBeGreaterThan(0.93);
    expect(mase(actual, oneStepNaive, training)).toBeLessThan(1.07);
  });

  it('keeps sMAPE in 0–200 and counts 0 vs 0 as perfect', () => {
    expect(smape([0, 0], [0, 0])).toBe(0);
    expect(smape([0, 5], [3, 0])).toBe(200);
  });
});
