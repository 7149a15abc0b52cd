import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalLoss, serviceLevelForFillRate, zForFillRate } from './fill-rate.js';
import { DEFAULT_SERVICE_LEVELS, normalCdf, zForServiceLevel } from './service-level.js';

describe('zForServiceLevel', () => {
  // Standard normal quantiles as tabulated in every OM text (e.g. Silver, Pyke & Thomas 2017,
  // appendix B) and, to 16 digits, R's qnorm().
  it.each([
    [0.5, 0],
    [0.8, 0.8416212335729143],
    [0.9, 1.2815515655446004],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.98, 2.0537489106318225],
    [0.99, 2.3263478740408408],
    [0.999, 3.090232306167813],
    [0.01, -2.3263478740408408],
    [1e-6, -4.753424308822899],
  ])('Φ⁻¹(%s) = %s to 1e-9', (p, z) => {
    expect(Math.abs(zForServiceLevel(p) - z)).toBeLessThan(1e-9);
  });

  it('gives the four-decimal safety factors planners quote', () => {
    expect(zForServiceLevel(0.9).toFixed(4)).toBe('1.2816');
    expect(zForServiceLevel(0.95).toFixed(4)).toBe('1.6449');
    expect(zForServiceLevel(0.98).toFixed(4)).toBe('2.0537');
    expect(zForServiceLevel(0.99).toFixed(4)).toBe('2.3263');
  });

  it('inverts normalCdf across (0, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(zForServiceLevel(p)) - p)).toBeLessThan(1e-12);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('is strictly increasing', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.998, noNaN: true }), (p) => {
        expect(zForServiceLevel(p + 0.001)).toBeGreaterThan(zForServiceLevel(p));
      }),
      { numRuns: 200, seed: 8 },
    );
  });

  it('refuses levels outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, 1.5, NaN]) expect(() => zForServiceLevel(p)).toThrow(RangeError);
  });

  it('defaults protect A items most', () => {
    expect(DEFAULT_SERVICE_LEVELS).toEqual({ A: 0.98, B: 0.95, C: 0.9 });
  });
});

describe('fill rate', () => {
  // Unit normal loss G(z) = E[(X − z)⁺], tabulated in Silver, Pyke & Thomas (2017) table B.1.
  it.each([
    [-1, 1.0833],
    [0, 0.3989],
    [0.5, 0.1978],
    [1, 0.0833],
    [1.5, 0.0293],
    [2, 0.0085],
  ])('G(%s) ≈ %s', (z, g) => {
    expect(normalLoss(z)).toBeCloseTo(g, 4);
  });

  it('finds z with σ·[G(z) − G(z + Q/σ)] = (1 − β)·Q', () => {
    // Q = 200 per cycle, σ = 100, β = 0.95: 10 units short per cycle allowed. The textbook
    // shortcut σ·G(z) = 10 gives G(z) = 0.1, z ≈ 0.90 (table B.1: G(0.90) = 0.1004); the
    // exact form also subtracts G(z + 2) ≈ 0.0005, so z is a little lower: ≈ 0.8994.
    const z = zForFillRate(0.95, 100, 200);
    expect(100 * (normalLoss(z) - normalLoss(z + 2))).toBeCloseTo(10, 6);
    expect(z).toBeCloseTo(0.8994, 3);
    expect(z).toBeLessThan(0.9027);
    expect(serviceLevelForFillRate(0.95, 100, 200)).toBeCloseTo(normalCdf(z), 12);
  });

  it('lets a long cycle reach β with cycle stock alone (negative z)', () => {
    expect(zForFillRate(0.95, 100, 5000)).toBeLessThan(0);
  });

  it('asks for more protection as β rises or the cycle shortens', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 0.995, noNaN: true }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        (beta, sd, q) => {
          expect(zForFillRate(beta + 0.004, sd, q)).toBeGreaterThanOrEqual(
            zForFillRate(beta, sd, q),
          );
          expect(zForFillRate(beta, sd, q / 2)).toBeGreaterThanOrEqual(zForFillRate(beta, sd, q));
        },
      ),
      { numRuns: 200, seed: 9 },
    );
  });

  it('needs no safety factor without uncertainty or demand', () => {
    expect(zForFillRate(0.99, 0, 50)).toBe(0);
    expect(zForFillRate(0.99, 10, 0)).toBe(0);
  });
});
