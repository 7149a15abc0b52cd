/**
 * ABC classification by annual consumption value (Pareto analysis; Silver, Pyke & Thomas 2017,
 * §2.4): sort SKUs by value, descending; those that make up the first `a` share of the total
 * are A, up to `b` are B, the rest C.
 */
import type { AbcClass } from './service-level.js';

/** Cumulative value shares where A ends and B ends. */
export const DEFAULT_ABC_CUTS: Readonly<{ a: number; b: number }> = Object.freeze({
  a: 0.8,
  b: 0.95,
});

/**
 * Classifies SKUs by annual value (units × unit cost). A SKU's class is decided by the
 * cumulative share of the SKUs ranked above it, so the SKU that crosses a cut still belongs to
 * the upper class (the top SKU is always A when anything sells). Ties rank by key, so the
 * result does not depend on input order. SKUs with no value are C; with no value at all,
 * every SKU is C.
 */
export function classifyAbc(
  items: readonly { key: string; annualValue: number }[],
  cuts: { a: number; b: number } = DEFAULT_ABC_CUTS,
): Map<string, AbcClass> {
  if (!(cuts.a > 0 && cuts.a <= cuts.b && cuts.b <= 1)) {
    throw new RangeError(`ABC cuts must satisfy 0 < a ≤ b ≤ 1, got a=${cuts.a} b=${cuts.b}`);
  }
  const value = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);
  const ranked = [...items].sort(
    (x, y) =>
      value(y.annualValue) - value(x.annualValue) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
  const total = ranked.reduce((sum, item) => sum + value(item.annualValue), 0);
  const classes = new Map<string, AbcClass>();
  let before = 0;
  for (const item of ranked) {
    const share = total > 0 ? before / total : 1;
    const own = value(item.annualValue);
    classes.set(item.key, own === 0 ? 'C' : share < cuts.a ? 'A' : share < cuts.b ? 'B' : 'C');
    before += own;
  }
  return classes;
}
