import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAbc } from './abc.js';

describe('classifyAbc', () => {
  // Ten SKUs whose values follow the usual Pareto shape: 2 carry 80 %, 3 more the next 15 %.
  const items = [
    { key: 'SKU-01', annualValue: 500 },
    { key: 'SKU-02', annualValue: 300 },
    { key: 'SKU-03', annualValue: 60 },
    { key: 'SKU-04', annualValue: 50 },
    { key: 'SKU-05', annualValue: 40 },
    { key: 'SKU-06', annualValue: 20 },
    { key: 'SKU-07', annualValue: 15 },
    { key: 'SKU-08', annualValue: 10 },
    { key: 'SKU-09', annualValue: 5 },
    { key: 'SKU-10', annualValue: 0 },
  ];

  it('cuts at 80 % and 95 % of cumulative value by default', () => {
    const classes = classifyAbc(items);
    expect(items.map((i) => classes.get(i.key)).join('')).toBe('AABBBCCCCC');
  });

  it('keeps the SKU that crosses a cut in the upper class', () => {
    // Before SKU-02 the cumulative share is 50 % < 80 %, so it is A though it ends at 80 %.
    const classes = classifyAbc(items, { a: 0.6, b: 0.9 });
    expect(items.map((i) => classes.get(i.key)).join('')).toBe('AABBCCCCCC');
  });

  it('makes everything C when nothing sells, and the only seller A', () => {
    expect([...classifyAbc([{ key: 'x', annualValue: 0 }]).values()]).toEqual(['C']);
    expect(classifyAbc([{ key: 'x', annualValue: 9 }]).get('x')).toBe('A');
  });

  it('does not depend on input order; ranks by value', () => {
    const arbitraryItems = fc.uniqueArray(
      fc.record({ key: fc.string({ minLength: 1, maxLength: 4 }), annualValue: fc.nat(1000) }),
      { selector: (i) => i.key, minLength: 1, maxLength: 30 },
    );
    const rank = { A: 0, B: 1, C: 2 };
    fc.assert(
      fc.property(arbitraryItems, (list) => {
        const forward = classifyAbc(list);
        const backward = classifyAbc([...list].reverse());
        expect([...backward.entries()].sort()).toEqual([...forward.entries()].sort());
        for (const x of list) {
          for (const y of list) {
            if (x.annualValue > y.annualValue) {
              expect(rank[forward.get(x.key)!]).toBeLessThanOrEqual(rank[forward.get(y.key)!]);
            }
          }
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('refuses cuts out of order', () => {
    expect(() => classifyAbc(items, { a: 0.9, b: 0.8 })).toThrow(RangeError);
  });
});
