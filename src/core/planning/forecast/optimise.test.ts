import { describe, expect, it } from 'vitest';
import { minimiseBox, minimiseScalar } from './optimise.js';

describe('bounded minimisers', () => {
  it('golden-section finds an interior minimum', () => {
    const r = minimiseScalar((x) => (x - 0.37) ** 2, 0, 1);
    expect(r.x[0]).toBeCloseTo(0.37, 5);
  });

  it('returns the bound when the minimum lies outside', () => {
    expect(minimiseScalar((x) => x, 0.2, 0.9).x[0]).toBeCloseTo(0.2, 5);
  });

  it('Nelder–Mead finds the Rosenbrock valley floor inside a box', () => {
    const f = (x: readonly number[]) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const r = minimiseBox(f, [-2, -2], [2, 2], { maxEvaluations: 2000, tolerance: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 2);
    expect(r.x[1]).toBeCloseTo(1, 2);
  });

  it('clamps to the box and is deterministic', () => {
    const f = (x: readonly number[]) => (x[0]! - 5) ** 2 + (x[1]! + 5) ** 2;
    const a = minimiseBox(f, [0, 0], [1, 1]);
    expect(a.x).toEqual([1, 0]);
    expect(minimiseBox(f, [0, 0], [1, 1])).toEqual(a);
  });
});
