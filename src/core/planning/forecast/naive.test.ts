import { describe, expect, it } from 'vitest';
import { naive, seasonalNaive } from './naive.js';

describe('naive', () => {
  it('forecasts the last value with σ√h intervals (σ = RMS of one-step changes)', () => {
    const r = naive([10, 12, 11, 13], 3);
    expect(r.forecast).toEqual([13, 13, 13]);
    expect(r.fitted).toEqual([NaN, 10, 12, 11]);
    const sigma = Math.sqrt((4 + 1 + 4) / 3);
    expect(r.upper80![1]! - 13).toBeCloseTo(1.2815515655446004 * sigma * Math.SQRT2, 10);
  });
});

describe('seasonal naive', () => {
  it('repeats the last observed season', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(seasonalNaive(y, 6, { seasonLength: 4 }).forecast).toEqual([7, 8, 9, 10, 7, 8]);
  });

  it('widens its interval only once per full season ahead', () => {
    const r = seasonalNaive([3, 5, 4, 6, 4, 5, 5, 7], 5, { seasonLength: 4 });
    const width = r.upper95!.map((u, i) => u - r.forecast[i]!);
    expect(width[3]).toBeCloseTo(width[0]!, 12);
    expect(width[4]! / width[0]!).toBeCloseTo(Math.SQRT2, 12);
  });

  it('is naive without a season', () => {
    expect(seasonalNaive([1, 2, 3], 2).forecast).toEqual([3, 3]);
  });
});
