import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcByValue, coefficientOfVariation, xyzClass, xyzFromSums } from './abc-xyz.js';
import {
  carryingCost,
  daysOnHand,
  gmroi,
  percentile,
  percentiles,
  ratio,
  turnover,
  withinTolerance,
} from './kpi-math.js';
import { parseKpiSettings, DEFAULT_KPI_SETTINGS } from './kpi-settings.js';
import { bucketOf, daysBetween, weekStart } from './periods.js';

describe('KPI arithmetic', () => {
  it('gives null, not zero, when there is nothing to measure', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(0, 0)).toBeNull();
    expect(percentile([], 50)).toBeNull();
    expect(daysOnHand(1000, 0, 30)).toBeNull();
  });

  it('takes nearest-rank percentiles: values that occurred', () => {
    // 10 samples 1..10: p50 is the 5th (5), p90 the 9th (9).
    const samples = [7, 3, 10, 1, 9, 2, 8, 4, 6, 5];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile([42], 90)).toBe(42);
    expect(Object.is(percentile([0, -0], 50), 0)).toBe(true);
    expect(Object.is(percentile([-0.00001], 50), 0)).toBe(true);
  });

  it('sorts once for several percentiles and gives what a rank in the sorted samples gives', () => {
    const hours = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 });
    const ps = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(hours, ps, (samples, wanted) => {
        const sorted = [...samples].sort((a, b) => a - b);
        const byRank = (p: number) =>
          sorted.length === 0
            ? null
            : sorted[
                Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1
              ];
        expect(percentiles(samples, wanted)).toEqual(
          wanted.map((p) => {
            const v = byRank(p);
            // + 0: a KPI never shows −0, whichever of 0 and −0 sorts first.
            return v === null || v === undefined ? null : Math.round(v * 1e4) / 1e4 + 0;
          }),
        );
      }),
    );
  });

  it('turns over COGS against average inventory, with days on hand and GMROI', () => {
    // 30 days, COGS 60 000, average stock 20 000: 3 turns, 10 days on hand.
    expect(turnover(60_000, 20_000)).toBe(3);
    expect(daysOnHand(20_000, 60_000, 30)).toBe(10);
    // Revenue 90 000 − COGS 60 000 = 30 000 margin on 20 000 of stock: 1.5.
    expect(gmroi(90_000, 60_000, 20_000)).toBe(1.5);
  });

  it('splits carrying cost so the parts add up to the total', () => {
    // 365 000 average for 73 days (a fifth of a year) at 10/8/2/5%: 7300/5840/1460/3650.
    const cost = carryingCost(365_000, 73, DEFAULT_KPI_SETTINGS);
    expect(cost).toEqual({
      capitalMinor: 7300,
      storageMinor: 5840,
      insuranceMinor: 1460,
      obsolescenceMinor: 3650,
      totalMinor: 18_250,
    });
  });

  it('judges a count within tolerance of the system figure', () => {
    expect(withinTolerance(98, 100, 2)).toBe(true);
    expect(withinTolerance(97, 100, 2)).toBe(false);
    expect(withinTolerance(0, 0, 2)).toBe(true);
    expect(withinTolerance(1, 0, 2)).toBe(false);
  });

  it('ranks ABC by value: the SKU crossing 80% is still A', () => {
    // Total 100: 1 (50) → A (0% before), 2 (30) → A (50% before), 3 (15) → B (80% before),
    // 4 (5) → C (95% before).
    const classes = abcByValue(
      new Map([
        [1, 50],
        [2, 30],
        [3, 15],
        [4, 5],
      ]),
    );
    expect([...classes.entries()].sort()).toEqual([
      [1, 'A'],
      [2, 'A'],
      [3, 'B'],
      [4, 'C'],
    ]);
  });

  it('classes XYZ by the coefficient of variation of weekly demand', () => {
    expect(xyzClass([10, 10, 10, 10])).toBe('X'); // cv 0
    // mean 10, sd 10 → cv 1: Y (≤ 1).
    expect(coefficientOfVariation([0, 20, 0, 20])).toBe(1);
    expect(xyzClass([0, 20, 0, 20])).toBe('Y');
    expect(xyzClass([0, 0, 0, 40])).toBe('Z'); // cv √3
    expect(xyzClass([0, 0])).toBe('Z'); // no demand
    // From sums: [0, 20, 0, 20] has n 4, sum 40, squares 800 → the same cv 1, Y.
    expect(xyzFromSums(4, 40, 800)).toEqual({ cv: 1, xyz: 'Y' });
    expect(xyzFromSums(4, 40, 1600).xyz).toBe(xyzClass([0, 0, 0, 40]));
  });

  it('buckets days into ISO weeks and months', () => {
    expect(weekStart('2026-03-08')).toBe('2026-03-02'); // a Sunday → its Monday
    expect(weekStart('2026-03-02')).toBe('2026-03-02');
    expect(bucketOf('2026-03-31', 'month')).toBe('2026-03-01');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('reads settings, keeping defaults for anything unset or nonsense', () => {
    const s = parseKpiSettings({ deadStockDays: '120', storagePct: 'x', capitalPct: '-1' });
    expect(s).toEqual({ ...DEFAULT_KPI_SETTINGS, deadStockDays: 120 });
  });
});
