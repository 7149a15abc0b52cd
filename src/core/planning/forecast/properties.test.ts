import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METHODS } from './methods.js';
import type { MethodName } from './types.js';

const seasonLength = 4;
const demand = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 })), {
  minLength: 8,
  maxLength: 30,
});
const positive = fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), {
  minLength: 8,
  maxLength: 30,
});

describe('every method', () => {
  for (const name of Object.keys(METHODS) as MethodName[]) {
    it(`${name}: finite forecasts and ordered intervals`, () => {
      fc.assert(
        fc.property(fc.oneof(demand, positive), fc.integer({ min: 1, max: 8 }), (series, h) => {
          const entry = METHODS[name];
          fc.pre(entry.eligible(series, seasonLength));
          const r = entry.fit(series, h, { seasonLength });
          expect(r.forecast).toHaveLength(h);
          r.forecast.forEach((f, i) => {
            expect(Number.isFinite(f)).toBe(true);
            const slack = 1e-9 * (1 + Math.abs(f));
            expect(r.lower95![i]!).toBeLessThanOrEqual(r.lower80![i]! + slack);
            expect(r.lower80![i]!).toBeLessThanOrEqual(f + slack);
            expect(f).toBeLessThanOrEqual(r.upper80![i]! + slack);
            expect(r.upper80![i]!).toBeLessThanOrEqual(r.upper95![i]! + slack);
          });
        }),
        { numRuns: 40, seed: 42 },
      );
    });
  }
});
