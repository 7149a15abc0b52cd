/**
 * ABC by value (Pareto on COGS: the SKUs making the first 80% of value are A, the next 15% B,
 * the rest C) and XYZ by demand variability (coefficient of variation of weekly issued units:
 * X ≤ 0.5, Y ≤ 1, Z above, or no demand at all).
 */
export type AbcClass = 'A' | 'B' | 'C';
export type XyzClass = 'X' | 'Y' | 'Z';

export const ABC_CUTS = { a: 0.8, b: 0.95 } as const;
export const XYZ_CUTS = { x: 0.5, y: 1 } as const;

/**
 * Classes by value, highest first. A SKU is A while the cumulative share *before* it is below
 * 80%, so the SKU that crosses the line is still A (the top seller is always A). Ties break on id.
 */
export function abcByValue(values: ReadonlyMap<number, number>): Map<number, AbcClass> {
  const ranked = [...values].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const total = ranked.reduce((sum, [, v]) => sum + Math.max(0, v), 0);
  const classes = new Map<number, AbcClass>();
  let before = 0;
  for (const [id, value] of ranked) {
    const share = total === 0 ? 1 : before / total;
    classes.set(id, share < ABC_CUTS.a ? 'A' : share < ABC_CUTS.b ? 'B' : 'C');
    before += Math.max(0, value);
  }
  return classes;
}

/** Population coefficient of variation (sd ÷ mean); null when the mean is 0. */
export function coefficientOfVariation(series: readonly number[]): number | null {
  if (series.length === 0) return null;
  const mean = series.reduce((s, v) => s + v, 0) / series.length;
  if (mean === 0) return null;
  const variance = series.reduce((s, v) => s + (v - mean) ** 2, 0) / series.length;
  return Math.sqrt(variance) / mean;
}

/** XYZ class of a demand series (one value per week, zeros included). No demand is Z. */
export function xyzClass(series: readonly number[]): XyzClass {
  const cv = coefficientOfVariation(series);
  if (cv === null) return 'Z';
  return cv <= XYZ_CUTS.x ? 'X' : cv <= XYZ_CUTS.y ? 'Y' : 'Z';
}

/**
 * The same class from the series' sums: n values (zeros included) adding to `sum`, their
 * squares to `sumOfSquares`. Lets the database return one row per SKU instead of its weeks.
 */
export function xyzFromSums(
  n: number,
  sum: number,
  sumOfSquares: number,
): { cv: number | null; xyz: XyzClass } {
  if (n === 0 || sum === 0) return { cv: null, xyz: 'Z' };
  const mean = sum / n;
  const cv = Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean)) / mean;
  return { cv, xyz: cv <= XYZ_CUTS.x ? 'X' : cv <= XYZ_CUTS.y ? 'Y' : 'Z' };
}
