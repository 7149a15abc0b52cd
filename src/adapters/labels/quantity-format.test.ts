import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCasesEaches, formatKilograms, splitCasesEaches } from './quantity-format.js';

describe('cases + eaches', () => {
  it('formats what a picker reads', () => {
    expect(formatCasesEaches(50, 12)).toBe('4 cs + 2 ea');
    expect(formatCasesEaches(48, 12)).toBe('4 cs');
    expect(formatCasesEaches(5, 12)).toBe('5 ea');
    expect(formatCasesEaches(0, 12)).toBe('0 ea');
    expect(formatCasesEaches(30, 1)).toBe('30 ea');
  });

  it('refuses fractions, negatives and empty cases', () => {
    expect(() => formatCasesEaches(1.5, 12)).toThrow(RangeError);
    expect(() => formatCasesEaches(-1, 12)).toThrow(RangeError);
    expect(() => formatCasesEaches(5, 0)).toThrow(RangeError);
  });

  it('never loses an each (property)', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 500 }), (quantity, caseSize) => {
        const { cases, eaches } = splitCasesEaches(quantity, caseSize);
        expect(cases * caseSize + eaches).toBe(quantity);
        expect(eaches).toBeLessThan(Math.max(caseSize, quantity + 1));
      }),
    );
  });

  it('prints kilograms from grams', () => {
    expect(formatKilograms(14_520)).toBe('14.52 kg');
    expect(formatKilograms(12_345)).toBe('12.35 kg');
    expect(formatKilograms(5)).toBe('0.01 kg');
    expect(formatKilograms(0)).toBe('0.00 kg');
  });
});
