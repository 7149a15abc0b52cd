/**
 * Automatic forecast per SKU. The demand class (Syntetos–Boylan–Croston) says which methods may
 * compete and which simple benchmark they must beat; a rolling-origin backtest scores each by
 * RMSSE (see backtest.ts); the forecast is the equal-weight mean of the (up to) three best
 * candidates that beat the benchmark, or the benchmark itself when none does.
 *
 * - Smooth and erratic demand: SES, Holt, damped Holt and Theta, on the seasonally adjusted
 *   series when the history shows a season (so the benchmark, naive, is M3's NAIVE2), plus
 *   seasonal naive and Holt-Winters on the raw series once the earliest origin holds two
 *   seasons. Undamped Holt only ever forecasts as one member of a mean (see membersOf).
 * - Intermittent and lumpy demand: Croston, SBA and TSB against the mean of the last season
 *   (the last year; all history when there is no season), a benchmark that forecasts zero only
 *   when nothing sold.
 *
 * Forecasts of non-negative data are floored at 0. Whatever the choice, an item that sold
 * within the last `recentPeriods` never gets an all-zero forecast: the recent mean replaces it.
 */
import { bias, meanAbsoluteError, smape } from './accuracy.js';
import {
  combinedFolds,
  finalFit,
  rmsse,
  rollingFolds,
  runCandidate,
  type BacktestData,
  type CandidateRun,
} from './backtest.js';
import { classifyDemand, type Classification } from './classify.js';
import { combine, floorAtZero, type CombinedForecast } from './combine.js';
import { METHODS } from './methods.js';
import { mean } from './naive.js';
import { deseasonalise, seasonalIndices } from './seasonal-adjustment.js';
import type { ForecastResult, MethodName } from './types.js';
import { fail, ok, type Result } from '../../shared/result.js';

/** What to forecast and how hard to backtest. */
export interface SelectOptions {
  readonly horizon: number;
  readonly seasonLength?: number;
  /** Rolling origins, one period apart, the last h periods before the end (default 8). */
  readonly origins?: number;
  /** Restrict or widen the candidates (default: by demand class). */
  readonly candidates?: readonly MethodName[];
  /** Periods that count as "selling recently" for the no-zero rule (default max(h, 13)). */
  readonly recentPeriods?: number;
}

/** One candidate's backtest score; null when its fit was rejected (non-finite or explosive). */
export interface CandidateScore {
  readonly method: MethodName;
  readonly rmsse: number | null;
}

/** Backtest accuracy of the forecast chosen (means over origins). */
export interface BacktestAccuracy {
  readonly rmsse: number;
  /** MAE over the in-sample naive MAE of each origin's training set. */
  readonly mase: number;
  readonly smape: number;
  /** Mean error, actual − forecast: positive means the forecast ran low. */
  readonly bias: number;
}

/** The forecast chosen, what it was made of, and how it did in the backtest. */
export interface Selection {
  /** A method name, or `mean(a, b, c)` for a combination; `… (recent mean)` after the no-zero rule. */
  readonly method: string;
  readonly members: readonly MethodName[];
  readonly benchmark: MethodName;
  readonly seasonallyAdjusted: boolean;
  readonly classification: Classification;
  readonly accuracy: BacktestAccuracy;
  readonly candidates: readonly CandidateScore[];
  readonly result: CombinedForecast;
}

/** The fewest periods a method is fitted to before the earliest origin. */
const MIN_TRAINING = 4;
/** Up to this many strong candidates are averaged. */
const COMBINE_BEST = 3;
const DEFAULT_ORIGINS = 8;

const CONTINUOUS: readonly MethodName[] = ['ses', 'holt', 'damped-holt', 'theta'];
const SEASONAL: readonly MethodName[] = [
  'seasonal-naive',
  'holt-winters-additive',
  'holt-winters-multiplicative',
];
const INTERMITTENT: readonly MethodName[] = ['croston', 'sba', 'tsb'];

const isIntermittent = (c: Classification) =>
  c.demandClass === 'intermittent' || c.demandClass === 'lumpy';

/**
 * Chooses, combines and fits. Fails with PLANNING.SERIES_TOO_SHORT when the history cannot hold
 * one origin of h periods after MIN_TRAINING; with fewer than `origins` possible, uses fewer.
 */
export function selectForecast(
  series: readonly number[],
  options: SelectOptions,
): Result<Selection> {
  const h = options.horizon;
  const n = series.length;
  const wanted = options.origins ?? DEFAULT_ORIGINS;
  if (!Number.isInteger(h) || h < 1 || !Number.isInteger(wanted) || wanted < 1) {
    return fail('PLANNING.INVALID_OPTIONS', 'horizon and origins must be positive integers', {
      h,
      k: wanted,
    });
  }
  const k = Math.min(wanted, n - h - MIN_TRAINING + 1);
  if (k < 1) {
    return fail('PLANNING.SERIES_TOO_SHORT', `need at least ${MIN_TRAINING + h} periods`, {
      n,
      h,
    });
  }
  const m = options.seasonLength ?? 1;
  const classification = classifyDemand(series);
  const intermittent = isIntermittent(classification);
  const indices = !intermittent && n >= 2 * m ? seasonalIndices(series, m) : null;
  const data: BacktestData = {
    series,
    adjusted: indices ? deseasonalise(series, indices) : null,
    indices,
    m,
    horizon: h,
    folds: rollingFolds(series, h, k, m),
    nonNegative: series.every((y) => y >= 0),
  };
  const benchmark: MethodName = intermittent ? 'mean' : 'naive';
  const pool = options.candidates ?? (intermittent ? INTERMITTENT : [...CONTINUOUS, ...SEASONAL]);
  const { strong, base, scores } = backtestPool(data, pool, benchmark);
  const chosen = membersOf(data, strong, base);
  let result = combine(chosen.map((c) => c.fit));
  const members = chosen.map((c) => c.run);
  if (data.nonNegative) result = floorAtZero(result);
  let method =
    members.length === 1 ? members[0]!.method : `mean(${members.map((r) => r.method).join(', ')})`;
  const recent = options.recentPeriods ?? Math.max(h, 13);
  if (data.nonNegative && soldRecently(series, recent) && result.forecast.every((f) => f <= 0)) {
    result = floorAtZero(combine([mean(series, h, { window: recent })]));
    method = `${method} (recent mean)`;
  }
  return ok({
    method,
    members: members.map((r) => r.method),
    benchmark,
    seasonallyAdjusted: indices !== null,
    classification,
    accuracy: backtestAccuracy(data, combinedFolds(members)),
    candidates: scores,
    result,
  });
}

/**
 * Backtests the benchmark and every candidate of the pool eligible at the earliest origin and
 * on the whole history (zeros can come later); strong = beats the benchmark, best first.
 */
function backtestPool(data: BacktestData, pool: readonly MethodName[], benchmark: MethodName) {
  const first = data.folds[0]!.origin;
  const runs: CandidateRun[] = [];
  const scores: CandidateScore[] = [];
  for (const method of pool) {
    const { eligible } = METHODS[method];
    const fits = eligible(data.series.slice(0, first), data.m) && eligible(data.series, data.m);
    if (method === benchmark || !fits) continue;
    const run = runCandidate(data, method);
    scores.push({ method, rmsse: run ? rmsse(data, run.foldForecasts) : null });
    if (run) runs.push(run);
  }
  const base = runCandidate(data, benchmark)!;
  const baseScore = rmsse(data, base.foldForecasts);
  scores.push({ method: benchmark, rmsse: baseScore });
  const score = new Map(scores.map((s) => [s.method, s.rmsse ?? Infinity]));
  const strong = runs
    .filter((r) => score.get(r.method)! < baseScore)
    .sort((a, b) => score.get(a.method)! - score.get(b.method)!);
  return { strong, base, scores };
}

/**
 * The best (up to) COMBINE_BEST strong candidates whose final fit is sane, or the benchmark
 * when there are none. Undamped Holt never forecasts alone: a straight line run out over the
 * whole horizon is what goes wrong on the competitions (damped beats it on every M3 subset);
 * beside others it adds the trend they under-project.
 */
function membersOf(
  data: BacktestData,
  strong: readonly CandidateRun[],
  base: CandidateRun,
): { run: CandidateRun; fit: ForecastResult }[] {
  const chosen: { run: CandidateRun; fit: ForecastResult }[] = [];
  for (const run of strong) {
    if (chosen.length === COMBINE_BEST) break;
    const fit = finalFit(data, run.method);
    if (fit) chosen.push({ run, fit });
  }
  if (chosen.length === 0 || (chosen.length === 1 && chosen[0]!.run.method === 'holt')) {
    return [
      {
        run: base,
        fit: finalFit(data, base.method) ?? mean(data.series, data.horizon),
      },
    ];
  }
  return chosen;
}

function soldRecently(series: readonly number[], periods: number): boolean {
  for (let t = Math.max(0, series.length - periods); t < series.length; t++) {
    if (series[t]! > 0) return true;
  }
  return false;
}

/** RMSSE, MASE, sMAPE and bias of fold forecasts, means over the folds. */
function backtestAccuracy(
  data: BacktestData,
  forecasts: readonly (readonly number[])[],
): BacktestAccuracy {
  let mase = 0;
  let smapeSum = 0;
  let biasSum = 0;
  data.folds.forEach((fold, i) => {
    const f = forecasts[i]!;
    let scale = 0;
    for (let t = 1; t < fold.origin; t++) scale += Math.abs(data.series[t]! - data.series[t - 1]!);
    scale /= Math.max(1, fold.origin - 1);
    mase += meanAbsoluteError(fold.actual, f) / (scale > 0 ? scale : 1);
    smapeSum += smape(fold.actual, f);
    biasSum += bias(fold.actual, f);
  });
  const k = data.folds.length;
  return { rmsse: rmsse(data, forecasts), mase: mase / k, smape: smapeSum / k, bias: biasSum / k };
}
