/** Observed lead time: how many days after sending a PO its goods first arrived. */
export interface LeadTimeStats {
  samples: number;
  meanDays: number;
  /** Sample standard deviation (n − 1); 0 with a single sample. */
  sdDays: number;
}

/** A SKU's own figure is used only from this many receipts up; below, the supplier's is better. */
export const MIN_SKU_LEAD_TIME_SAMPLES = 3;

const DAY_MS = 86_400_000;

/** Days (fractional) from a PO's sent_at to the first receipt of one of its lines. */
export function leadTimeDays(sentAtIso: string, firstReceiptIso: string): number {
  return (Date.parse(firstReceiptIso) - Date.parse(sentAtIso)) / DAY_MS;
}

/** Mean and standard deviation of lead-time samples, or null when there are none. */
export function leadTimeStats(samplesDays: readonly number[]): LeadTimeStats | null {
  const n = samplesDays.length;
  if (n === 0) return null;
  const mean = samplesDays.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? samplesDays.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  return { samples: n, meanDays: round(mean), sdDays: round(Math.sqrt(variance)) };
}

/** Four decimals: minutes of precision, no float noise in API answers. */
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * The same figures from running totals — samples, Σ days and Σ days² — as kept per supplier ×
 * SKU, so a caller need not read every sample again.
 */
export function leadTimeStatsFromTotals(
  samples: number,
  sumDays: number,
  sumSquaredDays: number,
): LeadTimeStats | null {
  if (samples === 0) return null;
  const mean = sumDays / samples;
  // Rounding can leave a hair below zero when every sample is the same.
  const variance =
    samples > 1 ? Math.max(0, (sumSquaredDays - samples * mean * mean) / (samples - 1)) : 0;
  return { samples, meanDays: round(mean), sdDays: round(Math.sqrt(variance)) };
}
