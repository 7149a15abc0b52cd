/**
 * The shape every forecasting method shares, so the selector can treat them alike.
 *
 * Conventions (as in Hyndman & Athanasopoulos, FPP 3rd ed.): `fitted[t]` is the one-step-ahead
 * in-sample forecast of `series[t]` made at t − 1 (NaN where a method has no forecast yet, e.g.
 * naive at t = 0 or Croston before the first demand); a residual is actual − fitted.
 */

/** The names of the methods the planning core can fit. */
export type MethodName =
  | 'naive'
  | 'seasonal-naive'
  | 'mean'
  | 'ses'
  | 'holt'
  | 'damped-holt'
  | 'holt-winters-additive'
  | 'holt-winters-multiplicative'
  | 'theta'
  | 'croston'
  | 'sba'
  | 'tsb';

/** What every method accepts: the season length (52 for weekly data with a yearly cycle). */
export interface ForecastOptions {
  readonly seasonLength?: number;
}

/**
 * Options that fix a method's smoothing parameters (the names its `params` use), so the
 * backtest can refit a model estimated once on new data without optimising again.
 */
export type FixedParameters = ForecastOptions & Readonly<Record<string, number | undefined>>;

/**
 * A fitted method and its forecast for the next `horizon` periods. Intervals are central
 * 80 % and 95 % prediction intervals under normal errors; each method says how it got them.
 */
export interface ForecastResult {
  readonly method: MethodName;
  /** Fitted smoothing parameters and initial states, by their textbook names. */
  readonly params: Readonly<Record<string, number>>;
  readonly fitted: readonly number[];
  readonly forecast: readonly number[];
  readonly lower80?: readonly number[];
  readonly upper80?: readonly number[];
  readonly lower95?: readonly number[];
  readonly upper95?: readonly number[];
}

/** A method as the selector sees it: series in, fitted model and forecast out. */
export type Forecaster = (
  series: readonly number[],
  horizon: number,
  options?: ForecastOptions,
) => ForecastResult;

/** Throws on a caller bug (empty series, non-positive horizon): these are not expected failures. */
export function assertInput(series: readonly number[], horizon: number, method: MethodName): void {
  if (series.length === 0) throw new RangeError(`${method}: empty series`);
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new RangeError(`${method}: horizon must be a positive integer, got ${horizon}`);
  }
}
