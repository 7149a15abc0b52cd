import { describe, expect, it } from 'vitest';
import { croston, sba, tsb } from './intermittent.js';

const everyThird = Array.from({ length: 30 }, (_, t) => (t % 3 === 2 ? 4 : 0));

describe('Croston', () => {
  it('forecasts size / interval: demand 4 every 3rd period → 4/3 per period', () => {
    const r = croston(everyThird, 3);
    r.forecast.forEach((f) => expect(f).toBeCloseTo(4 / 3, 12));
    expect(r.params).toMatchObject({ alpha: 0.1, z: 4, p: 3 });
    expect(r.fitted.slice(0, 3)).toEqual([NaN, NaN, NaN]);
  });

  it('forecasts zero with no demand at all', () => {
    expect(croston([0, 0, 0, 0], 2).forecast).toEqual([0, 0]);
  });

  it('can fit α within [0.01, 0.3]', () => {
    const r = croston([0, 3, 0, 0, 5, 0, 2, 0, 0, 0, 6, 0, 4], 1, { alpha: 'fit' });
    expect(r.params.alpha).toBeGreaterThanOrEqual(0.01);
    expect(r.params.alpha).toBeLessThanOrEqual(0.3);
  });
});

describe('SBA', () => {
  it('is Croston times (1 − α/2)', () => {
    const y = [0, 3, 0, 0, 5, 0, 2, 0, 0, 0, 6, 0, 4, 0];
    for (const alpha of [0.1, 0.25]) {
      expect(sba(y, 1, { alpha }).forecast[0]).toBeCloseTo(
        croston(y, 1, { alpha }).forecast[0]! * (1 - alpha / 2),
        12,
      );
    }
  });
});

describe('TSB', () => {
  it('lets the probability of demand decay through zeros', () => {
    const y = [0, 5, 0, 5, 5, 0, 5];
    const forecasts = [0, 1, 2, 3, 4].map(
      (zeros) =>
        tsb([...y, ...new Array<number>(zeros).fill(0)], 1, { alpha: 0.2, beta: 0.2 }).forecast[0]!,
    );
    forecasts.slice(1).forEach((f, i) => expect(f).toBeCloseTo(forecasts[i]! * 0.8, 12));
  });

  it('forecasts size × probability on a regular pattern', () => {
    const r = tsb(everyThird, 1, { alpha: 0.1, beta: 0.1 });
    expect(r.params.z).toBeCloseTo(4, 12);
    expect(r.forecast[0]).toBeCloseTo(4 * r.params.p!, 12);
  });
});
