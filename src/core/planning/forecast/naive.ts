/**
 * The benchmark methods of FPP 3rd ed. §5.2: naive (last value), seasonal naive (value one
 * season ago) and the mean of the recent past (the positive-rate benchmark for intermittent
 * demand: it forecasts zero only when nothing sold in its window). Intervals are analytic (FPP table 5.2) with σ̂ the root mean square of the
 * one-step residuals, as forecast::naive / snaive compute it.
 */
import { intervalsFrom, naiveSd, residualSigma, seasonalNaiveSd } from './intervals.js';
import { assertInput, type ForecastOptions, type ForecastResult } from './types.js';

/** Naive: every future period equals the last observation. */
export function naive(
  series: readonly number[],
  horizon: number,
  _options: ForecastOptions = {},
): ForecastResult {
  assertInput(series, horizon, 'naive');
  const fitted = series.map((_, t) => (t === 0 ? NaN : series[t - 1]!));
  const last = series[series.length - 1]!;
  const forecast = new Array<number>(horizon).fill(last);
  const sigma = residualSigma(series, fitted, 0);
  return {
    method: 'naive',
    params: {},
    fitted,
    forecast,
    ...intervalsFrom(forecast, naiveSd(sigma, horizon)),
  };
}

/**
 * Seasonal naive: each future period equals the same period of the last observed season.
 * Needs at least one full season; with no season length (or m = 1) it is naive.
 */
export function seasonalNaive(
  series: readonly number[],
  horizon: number,
  options: ForecastOptions = {},
): ForecastResult {
  assertInput(series, horizon, 'seasonal-naive');
  const m = options.seasonLength ?? 1;
  if (m <= 1 || series.length < m) return { ...naive(series, horizon), method: 'seasonal-naive' };
  const n = series.length;
  const fitted = series.map((_, t) => (t < m ? NaN : series[t - m]!));
  const forecast = Array.from({ length: horizon }, (_, i) => series[n - m + (i % m)]!);
  const sigma = residualSigma(series, fitted, 0);
  const sd = seasonalNaiveSd(sigma, horizon, m);
  return {
    method: 'seasonal-naive',
    params: { m },
    fitted,
    forecast,
    ...intervalsFrom(forecast, sd),
  };
}

/** Mean options: how many recent periods to average (default: one season, else everything). */
export interface MeanOptions extends ForecastOptions {
  readonly window?: number;
}

/**
 * Mean of the last `window` periods, flat. Intervals as FPP's mean method, σ√(1 + 1/w) with
 * σ the sample sd of the window, floored at 0 for non-negative series (demand).
 */
export function mean(
  series: readonly number[],
  horizon: number,
  options: MeanOptions = {},
): ForecastResult {
  assertInput(series, horizon, 'mean');
  const m = options.seasonLength ?? 1;
  const w = Math.min(series.length, options.window ?? (m > 1 ? m : series.length));
  const recent = series.slice(series.length - w);
  const level = recent.reduce((a, b) => a + b, 0) / w;
  const variance = w > 1 ? recent.reduce((a, y) => a + (y - level) ** 2, 0) / (w - 1) : 0;
  const sd = Math.sqrt(variance * (1 + 1 / w));
  const forecast = new Array<number>(horizon).fill(level);
  const floor = series.every((y) => y >= 0) ? 0 : -Infinity;
  return {
    method: 'mean',
    params: { window: w },
    fitted: series.map(() => level),
    forecast,
    ...intervalsFrom(
      forecast,
      forecast.map(() => sd),
      floor,
    ),
  };
}
