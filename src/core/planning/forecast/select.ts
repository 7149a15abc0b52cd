/**
 * Automatic method choice per SKU by rolling-origin backtest (FPP 3rd ed. §5.10, "time series
 * cross-validation"): the candidates allowed by the SKU's demand class are refitted at each of
 * the last k origins, forecast h periods ahead, and scored by MASE; the lowest mean MASE wins
 * (ties go to the simpler method, earlier in the candidate list) and is refitted on the whole
 * history for the forecast and intervals.
 */
import { accuracy, maseScale, meanAbsoluteError, type Accuracy } from './accuracy.js';
import { classifyDemand, type Classification } from './classify.js';
import { CONTINUOUS_CANDIDATES, INTERMITTENT_CANDIDATES, METHODS } from './methods.js';
import type { ForecastResult, MethodName } from './types.js';
import { fail, ok, type Result } from '../../shared/result.js';

/** What to forecast and how hard to backtest. */
export interface SelectOptions {
  readonly horizon: number;
  readonly seasonLength?: number;
  /** Number of rolling origins (default 4), one period apart, the last h periods before the end. */
  readonly origins?: number;
  /** Restrict or widen the candidates (default: by demand class). */
  readonly candidates?: readonly MethodName[];
}

/** One candidate's backtest score. */
export interface CandidateScore {
  readonly method: MethodName;
  readonly mase: number;
}

/** The chosen method, its backtest accuracy (means over origins) and its forecast. */
export interface Selection {
  readonly method: MethodName;
  readonly classification: Classification;
  readonly accuracy: Accuracy;
  readonly candidates: readonly CandidateScore[];
  readonly result: ForecastResult;
}

/** The shortest training set the backtest accepts. */
const MIN_TRAINING = 4;

/**
 * Chooses and fits a method for one series. Fails with PLANNING.SERIES_TOO_SHORT when the
 * history cannot hold k origins of h periods after a minimal training set.
 * MASE uses the seasonal-naive in-sample scale of each origin's training set; where that scale
 * is 0 (a flat training set) the origin is scored by MAE for every candidate alike.
 */
export function selectForecast(
  series: readonly number[],
  options: SelectOptions,
): Result<Selection> {
  const h = options.horizon;
  const k = options.origins ?? 4;
  const m = options.seasonLength ?? 1;
  const n = series.length;
  const first = n - h - k + 1;
  if (!Number.isInteger(h) || h < 1 || !Number.isInteger(k) || k < 1) {
    return fail('PLANNING.INVALID_OPTIONS', 'horizon and origins must be positive integers', {
      h,
      k,
    });
  }
  if (first < MIN_TRAINING) {
    return fail('PLANNING.SERIES_TOO_SHORT', `need at least ${MIN_TRAINING + h + k - 1} periods`, {
      n,
      h,
      k,
    });
  }
  const classification = classifyDemand(series);
  const pool =
    options.candidates ??
    (classification.demandClass === 'smooth' || classification.demandClass === 'erratic'
      ? CONTINUOUS_CANDIDATES
      : INTERMITTENT_CANDIDATES);
  // Eligible at the shortest origin means eligible at all (training sets are nested prefixes).
  const shortest = series.slice(0, first);
  const candidates = pool.filter((name) => METHODS[name].eligible(shortest, m));

  const folds = Array.from({ length: k }, (_, i) => {
    const training = series.slice(0, first + i);
    const scale = maseScale(training, m);
    return {
      training,
      actual: series.slice(first + i, first + i + h),
      scale: scale > 0 ? scale : 1,
    };
  });
  const scored = candidates.map((method) => {
    const outcomes = folds.map((fold) => {
      const { forecast } = METHODS[method].fit(fold.training, h, { seasonLength: m });
      const measured = accuracy(fold.actual, forecast, fold.training, m);
      return { ...measured, mase: meanAbsoluteError(fold.actual, forecast) / fold.scale };
    });
    const mean = (key: keyof Accuracy) => outcomes.reduce((a, o) => a + o[key], 0) / k;
    return { method, accuracy: { mase: mean('mase'), smape: mean('smape'), bias: mean('bias') } };
  });
  let best = scored[0]!;
  const score = (s: { accuracy: Accuracy }) =>
    Number.isNaN(s.accuracy.mase) ? Infinity : s.accuracy.mase;
  for (const s of scored) if (score(s) < score(best)) best = s;
  const result = METHODS[best.method].fit(series, h, { seasonLength: m });
  return ok({
    method: best.method,
    classification,
    accuracy: best.accuracy,
    candidates: scored.map((s) => ({ method: s.method, mase: s.accuracy.mase })),
    result,
  });
}
