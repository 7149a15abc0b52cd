/**
 * Seasonal adjustment before non-seasonal methods, as the M3 and M4 benchmarks (NAIVE2, SES,
 * Holt, damped, Theta) do it: when the ACF test finds a season in a positive-level series, divide
 * by the classical multiplicative indices, forecast, and multiply back.
 */
import { looksSeasonal, seasonalIndicesOf } from './decompose.js';

/** Indices below this make the adjusted series blow up (thetaf uses 1e-4; demand needs more). */
const SMALLEST_INDEX = 0.05;

/**
 * The seasonal indices of a non-negative series with season length m, or null when it shows no
 * season (or one with a period near zero, which division cannot undo safely).
 */
export function seasonalIndices(series: readonly number[], m: number): number[] | null {
  if (m < 2 || series.some((y) => y < 0) || !looksSeasonal(series, m)) return null;
  const indices = seasonalIndicesOf(series, m);
  return indices.every((s) => Number.isFinite(s) && s >= SMALLEST_INDEX) ? indices : null;
}

/** Period t's index (t counted from the series start). */
export const indexAt = (indices: readonly number[], t: number) => indices[t % indices.length]!;

/** The series with its season divided out. */
export function deseasonalise(series: readonly number[], indices: readonly number[]): number[] {
  return series.map((y, t) => y / indexAt(indices, t));
}

/** Values for periods start, start + 1, … with the season multiplied back in. */
export function reseasonalise(
  values: readonly number[],
  indices: readonly number[],
  start: number,
): number[] {
  return values.map((v, i) => v * indexAt(indices, start + i));
}
