/**
 * Methods for intermittent demand: Croston (1972), SBA (Syntetos & Boylan 2005) and TSB
 * (Teunter, Syntetos & Babai 2011).
 *
 * Croston smooths the non-zero demand sizes z and the intervals p between them (counted from
 * the series start for the first) with one α, updating only in periods with demand; the
 * per-period forecast is z/p. Initial states are the first demand and its interval, as
 * forecast::croston ("simple" initial values). Documented choice: α is fixed at 0.1 by default
 * (forecast::croston, statsforecast CrostonClassic); `alpha: 'fit'` minimises the in-sample
 * one-step SSE over α ∈ [0.01, 0.3] instead. SBA = Croston × (1 − α/2).
 *
 * TSB smooths the demand size z (α, in demand periods only) and the probability of demand
 * p (β, every period: towards 1 after a demand, towards 0 after a zero); forecast p·z. Initial
 * states are the first demand and p0 = 1/(its interval). α and β are fitted by in-sample SSE
 * over [0.01, 0.3]² unless given.
 *
 * Fitted values start after the first demand (NaN before). Intervals are empirical
 * (one-step σ̂ √h) and floored at zero, since demand is never negative.
 */
import { empiricalSd, intervalsFrom, residualSigma } from './intervals.js';
import { minimiseBox, minimiseScalar } from './optimise.js';
import {
  assertInput,
  type ForecastOptions,
  type ForecastResult,
  type MethodName,
} from './types.js';

const LOW = 0.01;
const HIGH = 0.3;
/** The textbook default smoothing constant for Croston and SBA. */
export const CROSTON_ALPHA = 0.1;

/** Croston / SBA options: a fixed α (default 0.1) or 'fit'. */
export interface CrostonOptions extends ForecastOptions {
  readonly alpha?: number | 'fit';
}

/** TSB options: fixed α (demand size) and/or β (probability of demand). */
export interface TsbOptions extends ForecastOptions {
  readonly alpha?: number;
  readonly beta?: number;
}

/** Demand is never negative; a series with returns in it gets unclipped intervals. */
const floorOf = (series: readonly number[]) => (series.every((y) => y >= 0) ? 0 : -Infinity);

function sse(series: readonly number[], fitted: readonly number[]): number {
  let total = 0;
  for (let t = 0; t < series.length; t++) {
    const f = fitted[t]!;
    if (!Number.isNaN(f)) total += (series[t]! - f) ** 2;
  }
  return total;
}

/** Croston's recursions; `factor` is 1 for Croston and 1 − α/2 for SBA. */
function crostonRun(y: readonly number[], alpha: number, factor: number) {
  let size = NaN;
  let interval = NaN;
  let sinceLast = 0;
  const fitted = y.map((value) => {
    const f = (factor * size) / interval;
    sinceLast++;
    if (value !== 0) {
      if (Number.isNaN(size)) [size, interval] = [value, sinceLast];
      else {
        size += alpha * (value - size);
        interval += alpha * (sinceLast - interval);
      }
      sinceLast = 0;
    }
    return f;
  });
  const next = Number.isNaN(size) ? 0 : (factor * size) / interval;
  return { fitted, next, size, interval };
}

function crostonFamily(
  method: MethodName,
  series: readonly number[],
  horizon: number,
  options: CrostonOptions,
): ForecastResult {
  assertInput(series, horizon, method);
  const factorOf = (a: number) => (method === 'sba' ? 1 - a / 2 : 1);
  const alpha =
    options.alpha === 'fit'
      ? minimiseScalar((a) => sse(series, crostonRun(series, a, factorOf(a)).fitted), LOW, HIGH, {
          gridPoints: 6,
          tolerance: 1e-4,
        }).x[0]!
      : (options.alpha ?? CROSTON_ALPHA);
  const run = crostonRun(series, alpha, factorOf(alpha));
  const forecast = new Array<number>(horizon).fill(run.next);
  const sigma = residualSigma(series, run.fitted, options.alpha === 'fit' ? 3 : 2);
  return {
    method,
    params: { alpha, z: run.size, p: run.interval },
    fitted: run.fitted,
    forecast,
    ...intervalsFrom(forecast, empiricalSd(sigma, horizon), floorOf(series)),
  };
}

/** Croston: demand size over demand interval, per period. */
export function croston(series: readonly number[], horizon: number, options: CrostonOptions = {}) {
  return crostonFamily('croston', series, horizon, options);
}

/** SBA: Croston debiased by (1 − α/2) (Syntetos & Boylan 2005). */
export function sba(series: readonly number[], horizon: number, options: CrostonOptions = {}) {
  return crostonFamily('sba', series, horizon, options);
}

/** TSB recursions: z updated on demand, p every period; the forecast is p·z. */
function tsbRun(y: readonly number[], alpha: number, beta: number) {
  let size = NaN;
  let probability = NaN;
  let sinceStart = 0;
  const fitted = y.map((value) => {
    const f = probability * size;
    sinceStart++;
    if (Number.isNaN(size)) {
      if (value !== 0) [size, probability] = [value, 1 / sinceStart];
    } else if (value !== 0) {
      size += alpha * (value - size);
      probability += beta * (1 - probability);
    } else {
      probability -= beta * probability;
    }
    return f;
  });
  const next = Number.isNaN(size) ? 0 : probability * size;
  return { fitted, next, size, probability };
}

/** `sse(y, tsbRun(y, α, β).fitted)` without allocating: same arithmetic, same order. */
function tsbSse(y: readonly number[], alpha: number, beta: number): number {
  let size = NaN;
  let probability = NaN;
  let total = 0;
  for (let t = 0; t < y.length; t++) {
    const value = y[t]!;
    const f = probability * size;
    if (!Number.isNaN(f)) total += (value - f) ** 2;
    if (Number.isNaN(size)) {
      if (value !== 0) [size, probability] = [value, 1 / (t + 1)];
    } else if (value !== 0) {
      size += alpha * (value - size);
      probability += beta * (1 - probability);
    } else {
      probability -= beta * probability;
    }
  }
  return total;
}

/** TSB: Croston-like, but the probability of demand decays through runs of zeros (obsolescence). */
export function tsb(
  series: readonly number[],
  horizon: number,
  options: TsbOptions = {},
): ForecastResult {
  assertInput(series, horizon, 'tsb');
  const pick = (x: readonly number[]) => ({
    alpha: options.alpha ?? x[0]!,
    beta: options.beta ?? x[1]!,
  });
  const free = (options.alpha === undefined ? 1 : 0) + (options.beta === undefined ? 1 : 0);
  const best =
    free === 0
      ? [LOW, LOW]
      : minimiseBox(
          (x) => tsbSse(series, options.alpha ?? x[0]!, options.beta ?? x[1]!),
          [LOW, LOW],
          [HIGH, HIGH],
          {
            gridPoints: 3,
            tolerance: 1e-6,
            maxEvaluations: 120,
          },
        ).x;
  const { alpha, beta } = pick(best);
  const run = tsbRun(series, alpha, beta);
  const forecast = new Array<number>(horizon).fill(run.next);
  const sigma = residualSigma(series, run.fitted, free + 2);
  return {
    method: 'tsb',
    params: { alpha, beta, z: run.size, p: run.probability },
    fitted: run.fitted,
    forecast,
    ...intervalsFrom(forecast, empiricalSd(sigma, horizon), floorOf(series)),
  };
}
