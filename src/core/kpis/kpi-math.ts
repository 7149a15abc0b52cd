/**
 * The arithmetic of the KPIs, free of storage: rates, percentiles, turnover, GMROI and
 * carrying cost. Ratios are null when their denominator is zero (nothing to measure), never 0.
 */

/** Rounds to 4 decimals so that JSON and CSV show the same number; never −0. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000 + 0;
}

/** numerator ÷ denominator, or null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : round4(numerator / denominator);
}

/** Nearest-rank percentile (p in 0..100): a value that actually occurred. Null for no samples. */
export function percentile(samples: readonly number[], p: number): number | null {
  return percentiles(samples, [p])[0]!;
}

/**
 * Several nearest-rank percentiles of one sample set, sorting it once (a year of orders is
 * tens of thousands of samples per report).
 */
export function percentiles(samples: readonly number[], ps: readonly number[]): (number | null)[] {
  if (samples.length === 0) return ps.map(() => null);
  // A typed array sorts numerically without a comparator, several times faster.
  const sorted = Float64Array.from(samples).sort();
  return ps.map((p) => {
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
    return round4(sorted[rank - 1]!);
  });
}

/** Stock turnover over a period: cost of goods sold ÷ average inventory at cost. */
export function turnover(cogsMinor: number, averageInventoryMinor: number): number | null {
  return ratio(cogsMinor, averageInventoryMinor);
}

/** Days of inventory on hand: how many days of the period's COGS the average stock covers. */
export function daysOnHand(
  averageInventoryMinor: number,
  cogsMinor: number,
  days: number,
): number | null {
  return cogsMinor === 0 ? null : round4((averageInventoryMinor / cogsMinor) * days);
}

/** Gross margin return on inventory investment: (revenue − COGS) ÷ average inventory at cost. */
export function gmroi(
  revenueMinor: number,
  cogsMinor: number,
  averageInventoryMinor: number,
): number | null {
  return ratio(revenueMinor - cogsMinor, averageInventoryMinor);
}

/** Annual carrying rates in percent of inventory value, by component. */
export interface CarryingRates {
  capitalPct: number;
  storagePct: number;
  insurancePct: number;
  obsolescencePct: number;
}

export interface CarryingCost {
  totalMinor: number;
  capitalMinor: number;
  storageMinor: number;
  insuranceMinor: number;
  obsolescenceMinor: number;
}

/**
 * What holding the average inventory cost over `days`: value × annual rate × days ÷ 365, per
 * component. The total is the sum of the rounded parts, so the split always adds up.
 */
export function carryingCost(
  averageInventoryMinor: number,
  days: number,
  rates: CarryingRates,
): CarryingCost {
  const part = (pct: number) => Math.round((averageInventoryMinor * pct * days) / (100 * 365));
  const capitalMinor = part(rates.capitalPct);
  const storageMinor = part(rates.storagePct);
  const insuranceMinor = part(rates.insurancePct);
  const obsolescenceMinor = part(rates.obsolescencePct);
  return {
    totalMinor: capitalMinor + storageMinor + insuranceMinor + obsolescenceMinor,
    capitalMinor,
    storageMinor,
    insuranceMinor,
    obsolescenceMinor,
  };
}

/** True when a count is within tolerance: |counted − system| ≤ tolerance% of system. */
export function withinTolerance(counted: number, system: number, tolerancePct: number): boolean {
  return Math.abs(counted - system) * 100 <= tolerancePct * system;
}
