import { describe, expect, it } from 'vitest';
import { holtWintersAdditive, holtWintersMultiplicative, initialStates } from './holt-winters.js';

const seasonal = [5, -3, 2, -4];

describe('additive Holt-Winters', () => {
  it('recovers a noise-free additive seasonal series exactly', () => {
    const y = Array.from({ length: 24 }, (_, t) => 50 + 0.5 * (t + 1) + seasonal[t % 4]!);
    const r = holtWintersAdditive(y, 8, { seasonLength: 4 });
    r.forecast.forEach((f, i) =>
      expect(f).toBeCloseTo(50 + 0.5 * (25 + i) + seasonal[(24 + i) % 4]!, 8),
    );
    r.fitted.forEach((f, t) => expect(f).toBeCloseTo(y[t]!, 8));
  });

  it('starts from the heuristic states of the first two seasons', () => {
    const y = Array.from({ length: 8 }, (_, t) => 10 + 2 * (t + 1) + seasonal[t % 4]!);
    const s = initialStates(y, 4, 'additive');
    expect(s.level).toBeCloseTo(10, 12);
    expect(s.slope).toBeCloseTo(2, 12);
    s.seasonal.forEach((v, i) => expect(v).toBeCloseTo(seasonal[i]!, 12));
  });

  it('refuses fewer than two seasons (a caller bug)', () => {
    expect(() => holtWintersAdditive([1, 2, 3, 4, 5], 2, { seasonLength: 4 })).toThrow(RangeError);
  });
});

describe('multiplicative Holt-Winters', () => {
  it('tracks a noise-free multiplicative seasonal series closely', () => {
    const factors = [1.3, 0.8, 1.1, 0.8];
    const y = Array.from({ length: 40 }, (_, t) => (100 + 2 * (t + 1)) * factors[t % 4]!);
    const r = holtWintersMultiplicative(y, 4, { seasonLength: 4 });
    r.forecast.forEach((f, i) => {
      const truth = (100 + 2 * (41 + i)) * factors[(40 + i) % 4]!;
      expect(Math.abs(f - truth) / truth).toBeLessThan(0.01);
    });
  });
});
