import crypto from 'node:crypto';
import { classifyDemand } from '../../core/planning/forecast/classify.js';
import { residualSigma, Z80 } from '../../core/planning/forecast/intervals.js';
import { selectForecast } from '../../core/planning/forecast/select.js';

/** Weeks forecast ahead and stored (a quarter). */
export const FORECAST_WEEKS = 13;
/** Weeks of history read: three years; a yearly season is a candidate from two on. */
export const HISTORY_WEEKS = 156;
/**
 * Backtest origins: 4 × 13 weeks scores a year of weeks per candidate, about what the default 8
 * origins score at the M3 horizons (6–8), at half the cost for 10,000 SKUs.
 */
export const BACKTEST_ORIGINS = 4;
/** A yearly season in weeks, modelled once the history holds two of them. */
export const SEASON_WEEKS = 52;

/** What the run keeps of a forecast, and the daily demand figures the policy needs. */
export interface SkuForecast {
  method: string;
  demandClass: string;
  forecast: number[];
  /** Central 80 % prediction interval per week, floored at 0. */
  lower: number[];
  upper: number[];
  mase: number | null;
  smape: number | null;
  bias: number | null;
  /** d̄: mean forecast per day over the weeks the lead time and review cover. */
  meanDailyDemand: number;
  /** σd: the one-week-ahead forecast error σ spread over 7 independent days (σ_week / √7). */
  sdDailyDemand: number;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** What a weekly series' fit gives, whatever the lead time: remembered per series. */
interface WeeklyFit {
  method: string;
  demandClass: string;
  point: number[];
  sigmaWeek: number;
  upper80?: readonly number[];
  lower80?: readonly number[];
  accuracy?: { mase: number; smape: number; bias: number };
}

/**
 * Fits by series content. A series is the complete weeks before this one, so it changes once a
 * week (or when a late censoring flag lands): the nightly run refits a pair on the night its
 * history changed and reuses the fit the other six. A fit is a pure function of its series.
 * Kept for the last FITS_KEPT distinct series (a few hundred bytes each), oldest dropped first.
 */
const fits = new Map<string, WeeklyFit>();
const FITS_KEPT = 20_000;

/** How often a fit was reused (for tests and benchmarks). */
export const weeklyFitStats = { fitted: 0, reused: 0 };

/** The fit's key: a digest of the series' numbers, in order. */
const seriesKey = (series: readonly number[]) =>
  crypto.createHash('sha1').update(series.join(',')).digest('base64');

function weeklyFit(series: readonly number[]): WeeklyFit {
  const key = seriesKey(series);
  const known = fits.get(key);
  if (known) {
    weeklyFitStats.reused++;
    return known;
  }
  weeklyFitStats.fitted++;
  const fit = fitWeekly(series);
  if (fits.size >= FITS_KEPT) fits.delete(fits.keys().next().value!);
  fits.set(key, fit);
  return fit;
}

/**
 * The automatic choice of `selectForecast` (season length 52 once there are two years), or,
 * when the history is too short to backtest, the mean of the weeks with their sample σ
 * ("mean"); a mean of nothing but zeros stays 0, any sale makes it positive.
 */
function fitWeekly(series: readonly number[]): WeeklyFit {
  const demandClass = series.length ? classifyDemand(series).demandClass : 'none';
  const selection = series.length
    ? selectForecast(series, {
        horizon: FORECAST_WEEKS,
        seasonLength: series.length >= 2 * SEASON_WEEKS ? SEASON_WEEKS : 1,
        origins: BACKTEST_ORIGINS,
      })
    : undefined;
  if (selection?.ok) {
    const { result } = selection.value;
    const upper80 = result.upper80;
    return {
      method: selection.value.method,
      demandClass,
      point: result.forecast.map((f) => Math.max(0, f)),
      upper80,
      lower80: result.lower80,
      sigmaWeek: upper80
        ? (upper80[0]! - result.forecast[0]!) / Z80
        : residualSigma(series, result.fitted, 0),
      accuracy: selection.value.accuracy,
    };
  }
  const m = mean(series);
  return {
    method: 'mean',
    demandClass,
    point: Array.from({ length: FORECAST_WEEKS }, () => m),
    sigmaWeek:
      series.length > 1
        ? Math.sqrt(series.reduce((a, y) => a + (y - m) ** 2, 0) / (series.length - 1))
        : 0,
  };
}

/**
 * Forecasts a weekly series (see `fitWeekly`). `coverDays` (lead time + review) says how many
 * forecast weeks d̄ averages, so a trend within the lead time counts.
 */
export function forecastWeekly(series: readonly number[], coverDays: number): SkuForecast {
  const weeksCovered = Math.min(FORECAST_WEEKS, Math.max(1, Math.ceil(coverDays / 7)));
  const { method, demandClass, point, sigmaWeek, upper80, lower80, accuracy } = weeklyFit(series);
  const spread = (h: number) => Z80 * sigmaWeek * Math.sqrt(h + 1);
  return {
    method,
    demandClass,
    forecast: [...point],
    lower: point.map((p, h) => Math.max(0, lower80?.[h] ?? p - spread(h))),
    upper: point.map((p, h) => Math.max(0, upper80?.[h] ?? p + spread(h))),
    mase: accuracy ? finite(accuracy.mase) : null,
    smape: accuracy ? finite(accuracy.smape) : null,
    bias: accuracy ? finite(accuracy.bias) : null,
    meanDailyDemand: mean(point.slice(0, weeksCovered)) / 7,
    sdDailyDemand: Math.max(0, sigmaWeek) / Math.sqrt(7),
  };
}

/**
 * Censored weeks (some day with nothing to sell) saw less demand than there was. Such a week
 * counts as at least the mean of the uncensored weeks; with no uncensored week it stays as seen.
 */
export function uncensor(weeks: readonly { quantity: number; censored: boolean }[]): number[] {
  const clean = weeks.filter((w) => !w.censored).map((w) => w.quantity);
  if (clean.length === 0) return weeks.map((w) => w.quantity);
  const floor = mean(clean);
  return weeks.map((w) => (w.censored ? Math.max(w.quantity, floor) : w.quantity));
}
