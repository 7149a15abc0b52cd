/**
 * Combining forecasts: the mean of several methods' point forecasts and interval bounds.
 * Combinations of a few strong methods beat choosing one of them on the M3 and M4
 * competitions (Makridakis et al. 2020; Petropoulos & Svetunkov 2020), because the backtest
 * that would choose one is noisy: averaging hedges against choosing the wrong one.
 */
import type { ForecastResult } from './types.js';

/** A forecast that may come from several methods: no single method's parameters. */
export type CombinedForecast = Omit<ForecastResult, 'method' | 'params'>;

const BOUNDS = ['lower80', 'upper80', 'lower95', 'upper95'] as const;

/** Element-wise mean of equally long lists. */
export function meanOf(lists: readonly (readonly number[])[]): number[] {
  const first = lists[0]!;
  return first.map((_, i) => {
    let sum = 0;
    for (const list of lists) sum += list[i]!;
    return sum / lists.length;
  });
}

/**
 * The equal-weight mean of the members' forecasts, fitted values and interval bounds (the
 * bounds' mean is a practical interval for a combination: it keeps each member's width).
 */
export function combine(members: readonly ForecastResult[]): CombinedForecast {
  if (members.length === 1) {
    const { method: _method, params: _params, ...only } = members[0]!;
    return only;
  }
  const combined: Record<string, number[]> = {
    fitted: meanOf(members.map((m) => m.fitted)),
    forecast: meanOf(members.map((m) => m.forecast)),
  };
  for (const bound of BOUNDS) {
    const lists = members.map((m) => m[bound] ?? m.forecast);
    combined[bound] = meanOf(lists);
  }
  return combined as unknown as CombinedForecast;
}

/**
 * Demand is never negative: a forecast of a non-negative series is floored at 0, bounds too,
 * and every bound kept on its side of the point forecast.
 */
export function floorAtZero(f: CombinedForecast): CombinedForecast {
  const at0 = (list: readonly number[] | undefined) => list?.map((v) => Math.max(0, v));
  const forecast = at0(f.forecast)!;
  const below = (list: readonly number[] | undefined) =>
    list?.map((v, i) => Math.min(Math.max(0, v), forecast[i]!));
  const above = (list: readonly number[] | undefined) =>
    list?.map((v, i) => Math.max(v, forecast[i]!));
  return {
    fitted: f.fitted,
    forecast,
    ...(f.lower80 ? { lower80: below(f.lower80) } : {}),
    ...(f.upper80 ? { upper80: above(f.upper80) } : {}),
    ...(f.lower95 ? { lower95: below(f.lower95) } : {}),
    ...(f.upper95 ? { upper95: above(f.upper95) } : {}),
  };
}
