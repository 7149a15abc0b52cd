/**
 * Forecast accuracy on a hold-out. Errors are actual − forecast (FPP's convention).
 */

/** Accuracy of one forecast against what happened. */
export interface Accuracy {
  /** Mean absolute scaled error: < 1 beats the in-sample (seasonal) naive one-step forecast. */
  readonly mase: number;
  /** Symmetric MAPE as in the M4 competition, 0–200. */
  readonly smape: number;
  /** Mean error (actual − forecast): positive means the forecast ran low. */
  readonly bias: number;
}

/**
 * MASE scale (Hyndman & Koehler 2006; M4): the in-sample mean absolute error of the seasonal
 * naive method with season m (naive when m = 1), (1/(n − m)) Σ_{t>m} |y_t − y_{t−m}|.
 * NaN when the training set is shorter than m + 1 periods.
 */
export function maseScale(training: readonly number[], m = 1): number {
  const lag = m > 1 && training.length > m ? m : 1;
  if (training.length <= lag) return NaN;
  let sum = 0;
  for (let t = lag; t < training.length; t++) sum += Math.abs(training[t]! - training[t - lag]!);
  return sum / (training.length - lag);
}

/**
 * MASE of a forecast. Falls back to the naive (lag 1) scale when the training set is shorter
 * than one season plus one. NaN when the scale is 0 (a constant training series): undefined.
 */
export function mase(
  actual: readonly number[],
  forecast: readonly number[],
  training: readonly number[],
  m = 1,
): number {
  const scale = maseScale(training, m);
  return scale > 0 ? meanAbsoluteError(actual, forecast) / scale : NaN;
}

/** Mean |actual − forecast| over the common length. */
export function meanAbsoluteError(actual: readonly number[], forecast: readonly number[]): number {
  const h = Math.min(actual.length, forecast.length);
  let sum = 0;
  for (let i = 0; i < h; i++) sum += Math.abs(actual[i]! - forecast[i]!);
  return sum / h;
}

/**
 * sMAPE as in M4: (200/h) Σ |y − ŷ| / (|y| + |ŷ|). A period where both are 0 counts as a
 * perfect 0 (M4 had no zeros; intermittent demand has many).
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  const h = Math.min(actual.length, forecast.length);
  let sum = 0;
  for (let i = 0; i < h; i++) {
    const denominator = Math.abs(actual[i]!) + Math.abs(forecast[i]!);
    if (denominator > 0) sum += Math.abs(actual[i]! - forecast[i]!) / denominator;
  }
  return (200 * sum) / h;
}

/** Mean error, actual − forecast. */
export function bias(actual: readonly number[], forecast: readonly number[]): number {
  const h = Math.min(actual.length, forecast.length);
  let sum = 0;
  for (let i = 0; i < h; i++) sum += actual[i]! - forecast[i]!;
  return sum / h;
}

/** All three measures for one hold-out. */
export function accuracy(
  actual: readonly number[],
  forecast: readonly number[],
  training: readonly number[],
  m = 1,
): Accuracy {
  return {
    mase: mase(actual, forecast, training, m),
    smape: smape(actual, forecast),
    bias: bias(actual, forecast),
  };
}
