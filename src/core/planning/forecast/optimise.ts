/**
 * Small, bounded, deterministic minimisers for fitting smoothing parameters by in-sample SSE.
 * No randomness: the same series always gives the same parameters.
 */

/** A box-constrained minimum: where it is and the objective there. */
export interface Minimum {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

/** Objective values that are not finite (a diverging filter) count as "very bad", not as NaN. */
const safe = (v: number) => (Number.isFinite(v) ? v : Number.MAX_VALUE);

/**
 * One dimension: an evenly spaced grid of `gridPoints`, then golden-section search in the
 * bracket around the best grid point (so a multi-modal SSE profile is not a trap).
 */
export function minimiseScalar(
  f: (x: number) => number,
  lower: number,
  upper: number,
  options: { gridPoints?: number; tolerance?: number } = {},
): Minimum {
  const points = options.gridPoints ?? 11;
  const tolerance = options.tolerance ?? 1e-6;
  let evaluations = 0;
  const g = (x: number) => (evaluations++, safe(f(x)));
  const step = (upper - lower) / (points - 1);
  let best = 0;
  let bestValue = Infinity;
  for (let i = 0; i < points; i++) {
    const v = g(lower + i * step);
    if (v < bestValue) [best, bestValue] = [i, v];
  }
  let a = lower + Math.max(0, best - 1) * step;
  let b = lower + Math.min(points - 1, best + 1) * step;
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let fc = g(c);
  let fd = g(d);
  while (b - a > tolerance) {
    if (fc < fd) {
      [b, d, fd] = [d, c, fc];
      c = b - r * (b - a);
      fc = g(c);
    } else {
      [a, c, fc] = [c, d, fd];
      d = a + r * (b - a);
      fd = g(d);
    }
  }
  const x = fc < fd ? c : d;
  const value = Math.min(fc, fd);
  return value <= bestValue
    ? { x: [x], value, evaluations }
    : { x: [lower + best * step], value: bestValue, evaluations };
}

/**
 * Several dimensions: a coarse grid (`gridPoints` per dimension) picks the start, then
 * Nelder–Mead (standard coefficients 1, 2, ½, ½) refines it. Points outside the box are
 * clamped onto it before evaluation. Stops when the simplex values agree within `tolerance`
 * (relative), when every vertex lies within `xTolerance` of the best in each coordinate,
 * or after `maxEvaluations`.
 */
export function minimiseBox(
  f: (x: readonly number[]) => number,
  lower: readonly number[],
  upper: readonly number[],
  options: {
    gridPoints?: number;
    tolerance?: number;
    xTolerance?: number;
    maxEvaluations?: number;
  } = {},
): Minimum {
  const n = lower.length;
  const points = options.gridPoints ?? 4;
  const tolerance = options.tolerance ?? 1e-8;
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const xTolerance = options.xTolerance ?? 1e-5;
  let evaluations = 0;
  // Plain loops and reused buffers: this runs tens of thousands of times per SKU batch.
  const probe = new Array<number>(n);
  const g = (x: readonly number[]) => {
    for (let j = 0; j < n; j++) probe[j] = Math.min(upper[j]!, Math.max(lower[j]!, x[j]!));
    evaluations++;
    return safe(f(probe));
  };

  // Grid on interior points (i + ½)/points of each range, so no start sits on a bound.
  let start: number[] = [];
  let startValue = Infinity;
  const total = points ** n;
  const x = new Array<number>(n);
  for (let cell = 0; cell < total; cell++) {
    let rest = cell;
    for (let j = 0; j < n; j++) {
      x[j] = lower[j]! + (((rest % points) + 0.5) / points) * (upper[j]! - lower[j]!);
      rest = Math.floor(rest / points);
    }
    const v = g(x);
    if (v < startValue) [start, startValue] = [[...x], v];
  }

  const simplex: number[][] = [start];
  const values: number[] = [startValue];
  for (let i = 0; i < n; i++) {
    const vertex = [...start];
    vertex[i] = vertex[i]! + (upper[i]! - lower[i]!) / (2 * points);
    simplex.push(vertex);
    values.push(g(vertex));
  }
  const centroid = new Array<number>(n);
  const reflected = new Array<number>(n);
  const trial = new Array<number>(n);
  const towards = (out: number[], t: number, worst: readonly number[]) => {
    for (let j = 0; j < n; j++) out[j] = centroid[j]! + t * (worst[j]! - centroid[j]!);
    return out;
  };
  while (evaluations < maxEvaluations) {
    const [best, second, worst] = ranks(values);
    const spread = Math.abs(values[worst]! - values[best]!);
    if (spread <= tolerance * (Math.abs(values[best]!) + tolerance)) break;
    if (simplexWidth(simplex, best) <= xTolerance) break;
    centroid.fill(0);
    for (let i = 0; i <= n; i++) {
      if (i === worst) continue;
      for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]! / n;
    }
    const fr = g(towards(reflected, -1, simplex[worst]!));
    if (fr < values[best]!) {
      const fe = g(towards(trial, -2, simplex[worst]!));
      if (fe < fr) accept(simplex, values, worst, trial, fe);
      else accept(simplex, values, worst, reflected, fr);
    } else if (fr < values[second]!) {
      accept(simplex, values, worst, reflected, fr);
    } else {
      const fc = g(towards(trial, fr < values[worst]! ? -0.5 : 0.5, simplex[worst]!));
      if (fc < Math.min(fr, values[worst]!)) {
        accept(simplex, values, worst, trial, fc);
      } else {
        for (let i = 0; i <= n; i++) {
          if (i === best) continue;
          for (let j = 0; j < n; j++) {
            simplex[i]![j] = simplex[best]![j]! + 0.5 * (simplex[i]![j]! - simplex[best]![j]!);
          }
          values[i] = g(simplex[i]!);
        }
      }
    }
  }
  const [best] = ranks(values);
  const at = simplex[best]!.map((v, j) => Math.min(upper[j]!, Math.max(lower[j]!, v)));
  return { x: at, value: values[best]!, evaluations };
}

/** Indices of the best, second-worst and worst vertex. */
function ranks(values: readonly number[]): [number, number, number] {
  let best = 0;
  let worst = 0;
  for (let i = 1; i < values.length; i++) {
    if (values[i]! < values[best]!) best = i;
    if (values[i]! >= values[worst]!) worst = i;
  }
  let second = best;
  for (let i = 0; i < values.length; i++) {
    if (i !== worst && values[i]! >= values[second]!) second = i;
  }
  return [best, second, worst];
}

function accept(simplex: number[][], values: number[], i: number, x: readonly number[], v: number) {
  for (let j = 0; j < x.length; j++) simplex[i]![j] = x[j]!;
  values[i] = v;
}

/** Largest coordinate distance of any vertex from the best one. */
function simplexWidth(simplex: readonly number[][], best: number): number {
  let width = 0;
  for (const x of simplex) {
    for (let j = 0; j < x.length; j++)
      width = Math.max(width, Math.abs(x[j]! - simplex[best]![j]!));
  }
  return width;
}
