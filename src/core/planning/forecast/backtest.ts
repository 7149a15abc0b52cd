/**
 * Rolling-origin backtest (FPP 3rd ed. §5.10) in the form statsforecast calls
 * `cross_validation(refit=False)`: each method's smoothing parameters are estimated once, on
 * the history before the earliest origin, and kept while its states are refitted at every
 * origin. No parameter sees the periods it is scored on, and a backtest costs about two fits
 * per method instead of one per origin.
 *
 * Errors are scored by RMSSE (the M5 competition's measure): the root mean squared error over
 * the h periods, scaled by the in-sample one-step naive (seasonal naive) mean squared error of
 * the training set. Squared errors make the mean the best forecast, so a forecast of zero for
 * an item that sells now and then scores badly (MAE and MASE would reward it: the median of
 * intermittent demand is zero).
 */
import { meanOf } from './combine.js';
import { METHODS } from './methods.js';
import { reseasonalise } from './seasonal-adjustment.js';
import type { ForecastResult, MethodName } from './types.js';

/** One origin: what the methods see, what they are scored against, and the error scale. */
export interface Fold {
  readonly origin: number;
  readonly actual: readonly number[];
  /** In-sample mean squared one-step error of (seasonal) naive on the training part; > 0. */
  readonly scale: number;
}

/** What every candidate is fitted to. */
export interface BacktestData {
  readonly series: readonly number[];
  /** The series with its season divided out, when it has one; else null. */
  readonly adjusted: readonly number[] | null;
  readonly indices: readonly number[] | null;
  readonly m: number;
  readonly horizon: number;
  readonly folds: readonly Fold[];
  /** Demand data: forecasts are floored at 0. */
  readonly nonNegative: boolean;
}

/** A candidate's forecasts at every origin (original scale, floored at 0 for demand). */
export interface CandidateRun {
  readonly method: MethodName;
  readonly foldForecasts: readonly (readonly number[])[];
}

/** A forecast this far above anything seen is a diverging fit, not a forecast. */
export const EXPLOSIVE_FACTOR = 3;

/** Mean squared one-step error of naive at the given lag over y[0, end). */
function naiveMse(y: readonly number[], end: number, lag: number): number {
  let sum = 0;
  for (let t = lag; t < end; t++) sum += (y[t]! - y[t - lag]!) ** 2;
  return end > lag ? sum / (end - lag) : 0;
}

/** The last k origins that leave h periods to score each, earliest first. */
export function rollingFolds(series: readonly number[], h: number, k: number, m: number): Fold[] {
  const n = series.length;
  return Array.from({ length: k }, (_, i) => {
    const origin = n - h - k + 1 + i;
    const lag = m > 1 && origin > m ? m : 1;
    const scale = naiveMse(series, origin, lag);
    return { origin, actual: series.slice(origin, origin + h), scale: scale > 0 ? scale : 1 };
  });
}

/** Methods that run on the seasonally adjusted series when there is one. */
const SEASONAL_BY_THEMSELVES = new Set<MethodName>([
  'seasonal-naive',
  'holt-winters-additive',
  'holt-winters-multiplicative',
]);

/**
 * Fits `method` to the first `end` periods: on the raw series, or on the adjusted one with the
 * season multiplied back into the forecast (and, for the final fit, `whole`, into the fitted
 * values and bounds too; the backtest needs only the point forecast).
 */
function fitOn(
  data: BacktestData,
  method: MethodName,
  end: number,
  fixed: Record<string, number | undefined>,
  whole = false,
): ForecastResult {
  const entry = METHODS[method];
  const h = data.horizon;
  if (!data.adjusted || SEASONAL_BY_THEMSELVES.has(method)) {
    return entry.fit(data.series.slice(0, end), h, { ...fixed, seasonLength: data.m });
  }
  const r = entry.fit(data.adjusted.slice(0, end), h, { ...fixed, seasonLength: 1 });
  const back = (values: readonly number[] | undefined) =>
    values && reseasonalise(values, data.indices!, end);
  if (!whole) return { ...r, forecast: back(r.forecast)! };
  return {
    ...r,
    fitted: reseasonalise(r.fitted, data.indices!, 0),
    forecast: back(r.forecast)!,
    ...(r.lower80 ? { lower80: back(r.lower80), upper80: back(r.upper80) } : {}),
    ...(r.lower95 ? { lower95: back(r.lower95), upper95: back(r.upper95) } : {}),
  } as ForecastResult;
}

/** True when a forecast is one a planner could act on: finite and not exploding. */
function sane(forecast: readonly number[], ceiling: number): boolean {
  return forecast.every((f) => Number.isFinite(f) && Math.abs(f) <= ceiling);
}

/**
 * Runs one candidate through the backtest. Null when any forecast is non-finite or explosive:
 * more than EXPLOSIVE_FACTOR × the largest |value| of its training data (multiplicative
 * Holt-Winters can run away on a few small values).
 */
export function runCandidate(data: BacktestData, method: MethodName): CandidateRun | null {
  const clip = (f: readonly number[]) => (data.nonNegative ? f.map((v) => Math.max(0, v)) : f);
  const first = data.folds[0]!.origin;
  const estimated = fitOn(data, method, first, {});
  const fixed = METHODS[method].frozen(estimated.params);
  const foldForecasts: (readonly number[])[] = [];
  let largest = 0;
  for (let t = 0; t < first; t++) largest = Math.max(largest, Math.abs(data.series[t]!));
  for (const fold of data.folds) {
    for (let t = first; t < fold.origin; t++)
      largest = Math.max(largest, Math.abs(data.series[t]!));
    const forecast =
      fold.origin === first ? estimated.forecast : fitOn(data, method, fold.origin, fixed).forecast;
    if (!sane(forecast, EXPLOSIVE_FACTOR * largest)) return null;
    foldForecasts.push(clip(forecast));
  }
  return { method, foldForecasts };
}

/**
 * The method refitted, parameters and all, on the whole history: the forecast it contributes.
 * Null when that forecast is non-finite or explosive. Only the methods chosen are refitted.
 */
export function finalFit(data: BacktestData, method: MethodName): ForecastResult | null {
  const final = fitOn(data, method, data.series.length, {}, true);
  let largest = 0;
  for (const y of data.series) largest = Math.max(largest, Math.abs(y));
  return sane(final.forecast, EXPLOSIVE_FACTOR * largest) ? final : null;
}

/** Mean RMSSE over the folds of the given forecasts (one list per fold). */
export function rmsse(data: BacktestData, forecasts: readonly (readonly number[])[]): number {
  let total = 0;
  data.folds.forEach((fold, i) => {
    const f = forecasts[i]!;
    let sse = 0;
    for (let j = 0; j < fold.actual.length; j++) sse += (fold.actual[j]! - f[j]!) ** 2;
    total += Math.sqrt(sse / fold.actual.length / fold.scale);
  });
  return total / data.folds.length;
}

/** The fold forecasts of an equal-weight combination of runs. */
export function combinedFolds(runs: readonly CandidateRun[]): number[][] {
  return runs[0]!.foldForecasts.map((_, i) => meanOf(runs.map((r) => r.foldForecasts[i]!)));
}
