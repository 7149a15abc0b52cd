/**
 * Holt-Winters seasonal methods, additive and multiplicative (FPP 3rd ed. §8.3), fitted by
 * minimising the in-sample one-step SSE over α, β* and γ with 0 < γ < 1 − α.
 *
 * Documented choice: the initial states are NOT optimised (forecast::ets does optimise them);
 * they come from the first two seasons by the classical heuristic: b0 = (mean of season 2 −
 * mean of season 1)/m, ℓ0 = mean of season 1 − b0(m + 1)/2 (the level one period before the
 * first observation), s_i = y_i − (ℓ0 + b0·i) (additive) or y_i/(ℓ0 + b0·i) (multiplicative),
 * normalised to sum 0 / mean 1. A noise-free additive series is thus recovered exactly.
 * Needs at least two full seasons; multiplicative needs strictly positive data.
 */
import { additiveHoltWintersSd, empiricalSd, intervalsFrom, residualSigma } from './intervals.js';
import { minimiseBox } from './optimise.js';
import { assertInput, type ForecastOptions, type ForecastResult } from './types.js';

const LOW = 1e-4;
const HIGH = 0.9999;

/** Additive seasonality adds units per period; multiplicative scales the level by a factor. */
export type Seasonality = 'additive' | 'multiplicative';

/** Whether Holt-Winters can be fitted: two full seasons, and positive data if multiplicative. */
export function holtWintersEligible(
  series: readonly number[],
  m: number,
  kind: Seasonality,
): boolean {
  if (m < 2 || series.length < 2 * m) return false;
  return kind === 'additive' || series.every((y) => y > 0);
}

interface States {
  readonly level: number;
  readonly slope: number;
  readonly seasonal: number[];
}

/** The heuristic initial states described in the module comment. */
export function initialStates(y: readonly number[], m: number, kind: Seasonality): States {
  const mean = (from: number) => y.slice(from, from + m).reduce((a, b) => a + b, 0) / m;
  const slope = (mean(m) - mean(0)) / m;
  const level = mean(0) - (slope * (m + 1)) / 2;
  const raw = y.slice(0, m).map((v, i) => {
    const base = level + slope * (i + 1);
    return kind === 'additive' ? v - base : v / base;
  });
  const centre = raw.reduce((a, b) => a + b, 0) / m;
  const seasonal = raw.map((s) => (kind === 'additive' ? s - centre : s / centre));
  return { level, slope, seasonal };
}

/** Runs the recursions; returns one-step fitted values, their SSE and the final states. */
function filter(
  y: readonly number[],
  m: number,
  kind: Seasonality,
  start: States,
  alpha: number,
  betaStar: number,
  gamma: number,
) {
  let level = start.level;
  let slope = start.slope;
  const seasonal = [...start.seasonal];
  const fitted = new Array<number>(y.length);
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const s = seasonal[t % m]!;
    const base = level + slope;
    const value = y[t]!;
    const f = kind === 'additive' ? base + s : base * s;
    const e = value - f;
    fitted[t] = f;
    sse += e * e;
    const next = kind === 'additive' ? base + alpha * e : alpha * (value / s) + (1 - alpha) * base;
    slope = betaStar * (next - level) + (1 - betaStar) * slope;
    seasonal[t % m] =
      kind === 'additive' ? s + gamma * e : gamma * (value / base) + (1 - gamma) * s;
    level = next;
  }
  return { fitted, sse, level, slope, seasonal };
}

/**
 * The SSE of `filter` alone, without the fitted values: the optimiser's objective. Same
 * arithmetic in the same order as `filter` (so the same SSE to the bit), but no allocation:
 * the seasonal states live in the caller's reusable buffer.
 */
function filterSse(
  y: readonly number[],
  m: number,
  additive: boolean,
  start: States,
  alpha: number,
  betaStar: number,
  gamma: number,
  seasonal: Float64Array,
): number {
  let level = start.level;
  let slope = start.slope;
  for (let i = 0; i < m; i++) seasonal[i] = start.seasonal[i]!;
  let sse = 0;
  let j = 0;
  const n = y.length;
  if (additive) {
    for (let t = 0; t < n; t++) {
      const s = seasonal[j]!;
      const base = level + slope;
      const e = y[t]! - (base + s);
      sse += e * e;
      const next = base + alpha * e;
      slope = betaStar * (next - level) + (1 - betaStar) * slope;
      seasonal[j] = s + gamma * e;
      level = next;
      if (++j === m) j = 0;
    }
  } else {
    for (let t = 0; t < n; t++) {
      const s = seasonal[j]!;
      const base = level + slope;
      const value = y[t]!;
      const e = value - base * s;
      sse += e * e;
      const next = alpha * (value / s) + (1 - alpha) * base;
      slope = betaStar * (next - level) + (1 - betaStar) * slope;
      seasonal[j] = gamma * (value / base) + (1 - gamma) * s;
      level = next;
      if (++j === m) j = 0;
    }
  }
  return sse;
}

/** Options: the season length (required, ≥ 2) and optionally fixed α, β*, γ. */
export interface HoltWintersOptions extends ForecastOptions {
  readonly alpha?: number;
  readonly betaStar?: number;
  readonly gamma?: number;
}

function holtWinters(
  kind: Seasonality,
  series: readonly number[],
  horizon: number,
  options: HoltWintersOptions,
): ForecastResult {
  const method = kind === 'additive' ? 'holt-winters-additive' : 'holt-winters-multiplicative';
  assertInput(series, horizon, method);
  const m = options.seasonLength ?? 1;
  if (!holtWintersEligible(series, m, kind)) {
    throw new RangeError(
      `${method}: needs two seasons of m = ${m}${kind === 'multiplicative' ? ' and positive data' : ''}`,
    );
  }
  const start = initialStates(series, m, kind);
  // γ is searched as a share γ* of its upper bound 1 − α, so the box stays rectangular.
  const params = (x: readonly number[]) => {
    const alpha = options.alpha ?? x[0]!;
    return {
      alpha,
      betaStar: options.betaStar ?? x[1]!,
      gamma: options.gamma ?? x[2]! * (1 - alpha),
    };
  };
  const fit = (x: readonly number[]) => {
    const p = params(x);
    return filter(series, m, kind, start, p.alpha, p.betaStar, p.gamma);
  };
  const buffer = new Float64Array(m);
  const additive = kind === 'additive';
  const objective = (x: readonly number[]) => {
    const alpha = options.alpha ?? x[0]!;
    const betaStar = options.betaStar ?? x[1]!;
    const gamma = options.gamma ?? x[2]! * (1 - alpha);
    return filterSse(series, m, additive, start, alpha, betaStar, gamma, buffer);
  };
  const allFixed =
    options.alpha !== undefined && options.betaStar !== undefined && options.gamma !== undefined;
  const best = allFixed
    ? { x: [options.alpha!, options.betaStar!, options.gamma! / (1 - options.alpha!)] }
    : minimiseBox(objective, [LOW, LOW, LOW], [HIGH, HIGH, HIGH], { gridPoints: 3 });
  const p = params(best.x);
  const run = fit(best.x);
  const forecast = Array.from({ length: horizon }, (_, i) => {
    const base = run.level + (i + 1) * run.slope;
    const s = run.seasonal[(series.length + i) % m]!;
    return kind === 'additive' ? base + s : base * s;
  });
  // Parameter count as forecast::ets: α, β, γ, ℓ0, b0 and m − 1 free seasonal states.
  const sigma = residualSigma(series, run.fitted, m + 4);
  const sd =
    kind === 'additive'
      ? additiveHoltWintersSd(sigma, p.alpha, p.alpha * p.betaStar, p.gamma, m, horizon)
      : empiricalSd(sigma, horizon);
  return {
    method,
    params: {
      alpha: p.alpha,
      beta: p.betaStar,
      gamma: p.gamma,
      l0: start.level,
      b0: start.slope,
      m,
    },
    fitted: run.fitted,
    forecast,
    ...intervalsFrom(forecast, sd),
  };
}

/** Additive Holt-Winters: a seasonal pattern of constant size around a trended level. */
export function holtWintersAdditive(
  series: readonly number[],
  horizon: number,
  options: HoltWintersOptions = {},
) {
  return holtWinters('additive', series, horizon, options);
}

/**
 * Multiplicative Holt-Winters: a seasonal pattern proportional to the level. Intervals are
 * empirical (no class-1 variance exists for it).
 */
export function holtWintersMultiplicative(
  series: readonly number[],
  horizon: number,
  options: HoltWintersOptions = {},
) {
  return holtWinters('multiplicative', series, horizon, options);
}
