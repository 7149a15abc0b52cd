import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectionSd, reorderPolicy, type PolicyInput } from './reorder-policy.js';

const base: PolicyInput = {
  meanDailyDemand: 10,
  sdDailyDemand: 3,
  leadTimeDays: 4,
  leadTimeSdDays: 1,
  serviceLevel: 0.95,
  reviewDays: 1,
};

describe('safety stock: Chopra & Meindl, Supply Chain Management (6th ed.), example 12-4', () => {
  // Weekly demand D = 2,500, σD = 500, lead time L = 7 weeks, CSL = 0.90 (z = 1.2816).
  // The book's table for falling lead-time variability σL gives σ over the lead time and
  // ss = z·σ: σL = 7 → 17,550 / 22,491; σL = 2 → 5,172 / 6,628; σL = 0 → 1,323 / 1,695.
  // (Time in weeks throughout: the formula is unit-agnostic. R = 0 is continuous review.)
  const chopra = (sdLeadTime: number): PolicyInput => ({
    meanDailyDemand: 2500,
    sdDailyDemand: 500,
    leadTimeDays: 7,
    leadTimeSdDays: sdLeadTime,
    serviceLevel: 0.9,
    reviewDays: 0,
  });

  it.each([
    [7, 17_550, 22_491],
    [2, 5_172, 6_628],
    [0, 1_323, 1_695],
  ])('σL = %s weeks → σ ≈ %s, ss ≈ %s', (sdLeadTime, sigma, ss) => {
    const input = chopra(sdLeadTime);
    expect(Math.abs(protectionSd(input) - sigma)).toBeLessThan(1);
    const policy = reorderPolicy(input);
    expect(Math.abs(1.2815515655446004 * protectionSd(input) - ss)).toBeLessThan(1);
    // Rounded up to whole units: the book rounds to nearest, so we are at most one above.
    expect(policy.safetyStock - ss).toBeGreaterThanOrEqual(0);
    expect(policy.safetyStock - ss).toBeLessThanOrEqual(1);
    expect(policy.reorderPoint).toBe(7 * 2500 + policy.safetyStock);
  });
});

describe('EOQ', () => {
  it('Harris: D = 1,000/yr, S = $10, H = $2.50 → √8,000 = 89.4 → 89', () => {
    const policy = reorderPolicy({
      ...base,
      meanDailyDemand: 1000 / 365,
      useEoq: true,
      orderCostMinor: 1000,
      unitCostMinor: 1000,
      holdingRatePerYear: 0.25,
    });
    expect(policy.eoq).toBe(89);
    expect(policy.orderUpTo).toBe(policy.reorderPoint + 89);
  });

  it('Silver, Pyke & Thomas (2017) §4.2: D = 2,400/yr, A = $3.20, v = $0.40, r = 0.24 → 400', () => {
    const policy = reorderPolicy({
      ...base,
      meanDailyDemand: 2400 / 365,
      useEoq: true,
      orderCostMinor: 320,
      unitCostMinor: 40,
      holdingRatePerYear: 0.24,
    });
    expect(policy.eoq).toBe(400);
  });

  it('is off unless asked for and fully costed', () => {
    expect(reorderPolicy({ ...base, orderCostMinor: 1000, unitCostMinor: 100 }).eoq).toBeNull();
    expect(reorderPolicy({ ...base, useEoq: true, orderCostMinor: 1000 }).eoq).toBeNull();
  });
});

describe('reorderPolicy', () => {
  it('works a periodic-review example by hand', () => {
    // σ = √(5·3² + 10²·1²) = √145 = 12.04; SS = ⌈1.6449·12.04⌉ = ⌈19.81⌉ = 20;
    // ROP = 10·5 + 20 = 70; S = 70 + 10·1 = 80.
    expect(reorderPolicy(base)).toEqual({
      serviceLevel: 0.95,
      z: expect.closeTo(1.6449, 4),
      safetyStock: 20,
      reorderPoint: 70,
      orderUpTo: 80,
      eoq: null,
      shelfLifeCap: null,
    });
  });

  it('caps the order-up-to level by what sells within the shelf life', () => {
    // 10/day × (6 − 2) days = 40 units can be sold while still fresh enough to ship.
    const policy = reorderPolicy({ ...base, shelfLifeDays: 6, minRemainingShelfLifeDays: 2 });
    expect(policy.shelfLifeCap).toBe(40);
    expect(policy.orderUpTo).toBe(40);
    expect(reorderPolicy({ ...base, shelfLifeDays: 365 }).orderUpTo).toBe(80);
  });

  it('holds nothing for a SKU that does not sell', () => {
    const policy = reorderPolicy({ ...base, meanDailyDemand: 0, sdDailyDemand: 0 });
    expect(policy).toMatchObject({ safetyStock: 0, reorderPoint: 0, orderUpTo: 0 });
  });

  it('does not add a unit for floating-point dust', () => {
    // 0.1 × 30 = 3.0000000000000004 in binary floating point.
    const policy = reorderPolicy({
      ...base,
      meanDailyDemand: 0.1,
      sdDailyDemand: 0,
      leadTimeSdDays: 0,
      leadTimeDays: 29,
    });
    expect(policy.reorderPoint).toBe(3);
  });

  it('refuses negative or non-finite inputs', () => {
    expect(() => reorderPolicy({ ...base, meanDailyDemand: -1 })).toThrow(RangeError);
    expect(() => reorderPolicy({ ...base, leadTimeDays: NaN })).toThrow(RangeError);
    expect(() => reorderPolicy({ ...base, serviceLevel: 1 })).toThrow(RangeError);
  });
});

describe('reorderPolicy properties', () => {
  const input = fc.record({
    meanDailyDemand: fc.double({ min: 0, max: 500, noNaN: true }),
    sdDailyDemand: fc.double({ min: 0, max: 200, noNaN: true }),
    leadTimeDays: fc.double({ min: 0, max: 60, noNaN: true }),
    leadTimeSdDays: fc.double({ min: 0, max: 20, noNaN: true }),
    serviceLevel: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
    reviewDays: fc.integer({ min: 0, max: 14 }),
  });
  const more = fc.double({ min: 0, max: 50, noNaN: true });
  const options = { numRuns: 300, seed: 17 };

  it('safety stock does not fall as service level, σd or σLT rise', () => {
    fc.assert(
      fc.property(input, more, (i, extra) => {
        const ss = reorderPolicy(i).safetyStock;
        const higher = Math.min(0.9999, i.serviceLevel + extra / 100);
        expect(reorderPolicy({ ...i, serviceLevel: higher }).safetyStock).toBeGreaterThanOrEqual(
          ss,
        );
        expect(
          reorderPolicy({ ...i, sdDailyDemand: i.sdDailyDemand + extra }).safetyStock,
        ).toBeGreaterThanOrEqual(ss);
        expect(
          reorderPolicy({ ...i, leadTimeSdDays: i.leadTimeSdDays + extra }).safetyStock,
        ).toBeGreaterThanOrEqual(ss);
      }),
      options,
    );
  });

  it('gives whole units with 0 ≤ SS ≤ ROP ≤ S, S capped only by shelf life', () => {
    const shelf = fc.option(fc.integer({ min: 0, max: 120 }), { nil: null });
    fc.assert(
      fc.property(input, shelf, (i, shelfLifeDays) => {
        const p = reorderPolicy({ ...i, shelfLifeDays });
        for (const v of [p.safetyStock, p.reorderPoint, p.orderUpTo]) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(p.reorderPoint).toBeGreaterThanOrEqual(p.safetyStock);
        if (p.shelfLifeCap === null) expect(p.orderUpTo).toBeGreaterThanOrEqual(p.reorderPoint);
        else expect(p.orderUpTo).toBeLessThanOrEqual(p.shelfLifeCap);
      }),
      options,
    );
  });
});
