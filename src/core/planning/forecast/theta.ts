/**
 * The Theta method in the form of Hyndman & Billah (2003), as forecast::thetaf implements it:
 * SES with drift equal to half the slope b of a least-squares line through the data,
 *   ŷ_{n+h} = ℓ_n + (b/2)·(h − 1 + (1 − (1 − α)^n)/α).
 * When m > 1, n ≥ 2m and the seasonal test (decompose.ts) finds seasonality, the series is first
 * seasonally adjusted by classical multiplicative decomposition and the forecast re-seasonalised.
 * Intervals are thetaf's: the SES variance σ²(1 + (h − 1)α²) around the final forecast
 * (analytic in form; the drift's estimation error is ignored, as thetaf does).
 */
import { linearSlope, looksSeasonal, seasonalIndicesOf } from './decompose.js';
import { ses } from './exponential-smoothing.js';
import { intervalsFrom, residualSigma, sesSd } from './intervals.js';
import { assertInput, type ForecastOptions, type ForecastResult } from './types.js';

export { linearSlope };

/** Theta options: the season length, and optionally a fixed SES α. */
export interface ThetaOptions extends ForecastOptions {
  readonly alpha?: number;
}

export function theta(
  series: readonly number[],
  horizon: number,
  options: ThetaOptions = {},
): ForecastResult {
  assertInput(series, horizon, 'theta');
  const n = series.length;
  const m = options.seasonLength ?? 1;
  // Multiplicative adjustment needs positive data; thetaf also skips indices near zero.
  let indices: number[] | undefined;
  if (series.every((y) => y > 0) && looksSeasonal(series, m)) {
    const found = seasonalIndicesOf(series, m);
    if (found.every((s) => Math.abs(s) >= 1e-4)) indices = found;
  }
  const season = (t: number) => (indices ? indices[t % m]! : 1);
  const adjusted = indices ? series.map((y, t) => y / season(t)) : series;
  const smooth = ses(
    adjusted,
    horizon,
    options.alpha === undefined ? {} : { alpha: options.alpha },
  );
  const alpha = Math.max(1e-10, smooth.params.alpha!);
  const drift = linearSlope(adjusted) / 2;
  const carry = (1 - (1 - alpha) ** n) / alpha;
  const forecast = smooth.forecast.map((f, i) => (f + drift * (i + carry)) * season(n + i));
  const fitted = smooth.fitted.map((f, t) => f * season(t));
  const sigma = residualSigma(adjusted, smooth.fitted, 2);
  return {
    method: 'theta',
    params: { alpha, l0: smooth.params.l0!, drift, seasonal: indices ? 1 : 0 },
    fitted,
    forecast,
    ...intervalsFrom(forecast, sesSd(sigma, alpha, horizon)),
  };
}
