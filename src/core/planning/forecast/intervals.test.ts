import { describe, expect, it } from 'vitest';
import {
  additiveHoltWintersSd,
  dampedHoltSd,
  holtSd,
  intervalsFrom,
  naiveSd,
  sesSd,
} from './intervals.js';

describe('analytic forecast variances', () => {
  it('agree with one another where the models nest', () => {
    expect(sesSd(2, 1, 5)).toEqual(naiveSd(2, 5)); // SES with α = 1 is a random walk
    holtSd(2, 0.4, 0, 6).forEach((v, i) => expect(v).toBeCloseTo(sesSd(2, 0.4, 6)[i]!, 12));
    additiveHoltWintersSd(2, 0.4, 0.1, 0, 4, 9).forEach((v, i) =>
      expect(v).toBeCloseTo(holtSd(2, 0.4, 0.1, 9)[i]!, 12),
    );
    dampedHoltSd(2, 0.4, 0.1, 0.99999, 6).forEach((v, i) =>
      expect(v).toBeCloseTo(holtSd(2, 0.4, 0.1, 6)[i]!, 2),
    );
  });

  it('equal σ one step ahead', () => {
    for (const sd of [
      sesSd(3, 0.3, 1),
      holtSd(3, 0.3, 0.1, 1),
      dampedHoltSd(3, 0.3, 0.1, 0.9, 1),
    ]) {
      expect(sd[0]).toBeCloseTo(3, 12);
    }
  });

  it('builds ordered bounds and clips at a floor', () => {
    const b = intervalsFrom([1], [2], 0);
    expect(b.lower95[0]).toBe(0);
    expect(b.upper95[0]! > b.upper80[0]!).toBe(true);
  });
});
