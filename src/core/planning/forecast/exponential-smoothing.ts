/**
 * Simple exponential smoothing, Holt's linear trend and damped Holt (FPP 3rd ed. §8.1–8.2),
 * i.e. ETS(A,N,N), ETS(A,A,N) and ETS(A,Ad,N), fitted by minimising the in-sample one-step SSE.
 *
 * Initial states ℓ0 (and b0) are estimated jointly with the smoothing parameters, as FPP and
 * forecast::ets do. Because one-step errors are affine in the initial states for fixed
 * parameters, the optimal ℓ0, b0 are found exactly by least squares inside each evaluation
 * (the states are "concentrated out"); only α, β*, φ go to the optimiser.
 * Bounds: α, β* ∈ [0.0001, 0.9999] (so 0 < β = αβ* < α, ets's usual region), φ ∈ [0.8, 0.98].
 */
import { dampedHoltSd, holtSd, intervalsFrom, residualSigma, sesSd } from './intervals.js';
import { minimiseBox, minimiseScalar } from './optimise.js';
import {
  assertInput,
  type ForecastOptions,
  type ForecastResult,
  type MethodName,
} from './types.js';

const LOW = 1e-4;
const HIGH = 0.9999;
/** Damping bounds of FPP §8.2 / forecast::ets. */
export const PHI_MIN = 0.8;
export const PHI_MAX = 0.98;

/** Smoothing parameters in ETS error-correction form: β = αβ*; φ = 1 for undamped Holt. */
interface Smoothing {
  readonly alpha: number;
  readonly beta: number;
  readonly phi: number;
  readonly trend: boolean;
}

/** Scratch for `accumulate`: suu, suv, svv, suc, svc, scc. Reused so evaluations allocate nothing. */
const sums = new Float64Array(6);

/**
 * Runs three filters at once (data with zero states, and the impulse responses of ℓ0 and b0
 * with zero data) and leaves the six cross-products of their errors in `sums`.
 */
function accumulate(y: readonly number[], alpha: number, beta: number, phi: number): void {
  let lc = 0,
    bc = 0,
    lu = 1,
    bu = 0,
    lv = 0,
    bv = 1;
  let suu = 0,
    suv = 0,
    svv = 0,
    suc = 0,
    svc = 0,
    scc = 0;
  for (let t = 0; t < y.length; t++) {
    const ec = y[t]! - (lc + phi * bc);
    const eu = -(lu + phi * bu);
    const ev = -(lv + phi * bv);
    lc += phi * bc + alpha * ec;
    bc = phi * bc + beta * ec;
    lu += phi * bu + alpha * eu;
    bu = phi * bu + beta * eu;
    lv += phi * bv + alpha * ev;
    bv = phi * bv + beta * ev;
    suu += eu * eu;
    suv += eu * ev;
    svv += ev * ev;
    suc += eu * ec;
    svc += ev * ec;
    scc += ec * ec;
  }
  sums[0] = suu;
  sums[1] = suv;
  sums[2] = svv;
  sums[3] = suc;
  sums[4] = svc;
  sums[5] = scc;
}

/**
 * The initial states that minimise the SSE for given smoothing parameters, and that SSE.
 * `concentratedSse` is the same computation returning only the SSE (the optimiser's objective).
 */
function concentrated(y: readonly number[], s: Smoothing): { sse: number; l0: number; b0: number } {
  accumulate(y, s.alpha, s.beta, s.phi);
  const [suu, suv, svv, suc, svc, scc] = sums as unknown as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const det = suu * svv - suv * suv;
  if (!s.trend || !(Math.abs(det) > 1e-12 * suu * svv)) {
    const l0 = suu > 0 ? -suc / suu : 0;
    return { sse: Math.max(0, scc + l0 * suc), l0, b0: 0 };
  }
  const l0 = (-suc * svv + svc * suv) / det;
  const b0 = (-svc * suu + suc * suv) / det;
  return { sse: Math.max(0, scc + l0 * suc + b0 * svc), l0, b0 };
}

function concentratedSse(
  y: readonly number[],
  alpha: number,
  beta: number,
  phi: number,
  trend: boolean,
): number {
  accumulate(y, alpha, beta, phi);
  const suu = sums[0]!;
  const suv = sums[1]!;
  const svv = sums[2]!;
  const suc = sums[3]!;
  const svc = sums[4]!;
  const scc = sums[5]!;
  const det = suu * svv - suv * suv;
  if (!trend || !(Math.abs(det) > 1e-12 * suu * svv)) {
    const l0 = suu > 0 ? -suc / suu : 0;
    return Math.max(0, scc + l0 * suc);
  }
  const l0 = (-suc * svv + svc * suv) / det;
  const b0 = (-svc * suu + suc * suv) / det;
  return Math.max(0, scc + l0 * suc + b0 * svc);
}

/** One-step fitted values and the final states from given initial states. */
function filter(y: readonly number[], s: Smoothing, l0: number, b0: number) {
  let level = l0;
  let slope = b0;
  const fitted = y.map((value) => {
    const f = level + s.phi * slope;
    const e = value - f;
    level = f + s.alpha * e;
    slope = s.phi * slope + s.beta * e;
    return f;
  });
  return { fitted, level, slope };
}

/** Point forecasts ℓ_n + (φ + … + φ^h) b_n. */
function project(level: number, slope: number, phi: number, h: number): number[] {
  let damp = 0;
  return Array.from({ length: h }, (_, i) => {
    damp += phi ** (i + 1);
    return level + damp * slope;
  });
}

/** SES options: fix α instead of fitting it (α = 1 gives the naive forecast). */
export interface SesOptions extends ForecastOptions {
  readonly alpha?: number;
}

/** Simple exponential smoothing (flat forecast at the last level); analytic ETS(A,N,N) intervals. */
export function ses(
  series: readonly number[],
  horizon: number,
  options: SesOptions = {},
): ForecastResult {
  assertInput(series, horizon, 'ses');
  const at = (alpha: number) => ({ alpha, beta: 0, phi: 0, trend: false });
  const alpha =
    options.alpha ??
    minimiseScalar((a) => concentratedSse(series, a, 0, 0, false), LOW, HIGH).x[0]!;
  const { l0 } = concentrated(series, at(alpha));
  const run = filter(series, at(alpha), l0, 0);
  const forecast = project(run.level, 0, 0, horizon);
  const sigma = residualSigma(series, run.fitted, options.alpha === undefined ? 2 : 1);
  return {
    method: 'ses',
    params: { alpha, l0 },
    fitted: run.fitted,
    forecast,
    ...intervalsFrom(forecast, sesSd(sigma, alpha, horizon)),
  };
}

/** Holt / damped Holt options: fix any of α, β* (FPP component form) or φ. */
export interface HoltOptions extends ForecastOptions {
  readonly alpha?: number;
  readonly betaStar?: number;
  readonly phi?: number;
}

function trended(
  method: MethodName,
  series: readonly number[],
  horizon: number,
  options: HoltOptions,
  damped: boolean,
): ForecastResult {
  assertInput(series, horizon, method);
  const free: Array<'alpha' | 'betaStar' | 'phi'> = [];
  if (options.alpha === undefined) free.push('alpha');
  if (options.betaStar === undefined) free.push('betaStar');
  if (damped && options.phi === undefined) free.push('phi');
  const smoothing = (x: readonly number[]): Smoothing => {
    const pick = (name: 'alpha' | 'betaStar' | 'phi', fixed: number | undefined) =>
      fixed ?? x[free.indexOf(name)]!;
    const alpha = pick('alpha', options.alpha);
    const phi = damped ? pick('phi', options.phi) : 1;
    return { alpha, beta: alpha * pick('betaStar', options.betaStar), phi, trend: true };
  };
  const lower = free.map((name) => (name === 'phi' ? PHI_MIN : LOW));
  const upper = free.map((name) => (name === 'phi' ? PHI_MAX : HIGH));
  // The objective inlines `smoothing` (no closure or object per evaluation; same arithmetic).
  const ia = free.indexOf('alpha');
  const ib = free.indexOf('betaStar');
  const ip = free.indexOf('phi');
  const objective = (x: readonly number[]) => {
    const alpha = options.alpha ?? x[ia]!;
    const phi = damped ? (options.phi ?? x[ip]!) : 1;
    return concentratedSse(series, alpha, alpha * (options.betaStar ?? x[ib]!), phi, true);
  };
  const best =
    free.length === 0
      ? []
      : minimiseBox(objective, lower, upper, {
          gridPoints: 3,
        }).x;
  const s = smoothing(best);
  const { l0, b0 } = concentrated(series, s);
  const run = filter(series, s, l0, b0);
  const forecast = project(run.level, run.slope, s.phi, horizon);
  const sigma = residualSigma(series, run.fitted, free.length + 2);
  const sd = damped
    ? dampedHoltSd(sigma, s.alpha, s.beta, s.phi, horizon)
    : holtSd(sigma, s.alpha, s.beta, horizon);
  const params = {
    alpha: s.alpha,
    beta: s.beta / s.alpha,
    ...(damped ? { phi: s.phi } : {}),
    l0,
    b0,
  };
  return { method, params, fitted: run.fitted, forecast, ...intervalsFrom(forecast, sd) };
}

/** Holt's linear trend: level and slope smoothed, forecast a straight line. */
export function holt(series: readonly number[], horizon: number, options: HoltOptions = {}) {
  return trended('holt', series, horizon, options, false);
}

/** Damped Holt: the slope fades by φ per period, so long horizons flatten (φ ∈ [0.8, 0.98]). */
export function dampedHolt(series: readonly number[], horizon: number, options: HoltOptions = {}) {
  return trended('damped-holt', series, horizon, options, true);
}
