/**
 * Classical multiplicative decomposition and the seasonality test that forecast::thetaf uses
 * to decide whether to seasonally adjust before applying Theta, made to work at two seasons.
 */

/** Sample autocorrelations r_1..r_maxLag (mean-centred, denominator Σ(x − x̄)², as R's acf). */
export function autocorrelations(x: readonly number[], maxLag: number): number[] {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  let denominator = 0;
  for (const v of x) denominator += (v - mean) ** 2;
  return Array.from({ length: maxLag }, (_, i) => {
    const lag = i + 1;
    let sum = 0;
    for (let t = 0; t + lag < n; t++) sum += (x[t]! - mean) * (x[t + lag]! - mean);
    return denominator > 0 ? sum / denominator : 0;
  });
}

/**
 * Whether x has a season of length m: at least two seasons, not constant, and the correlation
 * between each period and the same period a season later, after removing a least-squares line
 * (so that a trend alone does not look seasonal), exceeds 1.645/√(n − m), a one-sided 5 % test.
 *
 * thetaf tests the ACF instead, |r_m| / √((1 + 2 Σ_{k<m} r_k²)/n) > 1.645, from n > 2m. That
 * fails on the seasons a wholesaler has: for weekly data (m = 52) r_m is computed from n − m
 * pairs but scaled by all n, so two years of a clean season give r_m ≈ ½, and a smooth yearly
 * wave makes every r_k large, inflating the denominator; it found no season in three years of
 * a ±40 % sine with little noise. The pairwise correlation has neither problem.
 */
export function looksSeasonal(x: readonly number[], m: number): boolean {
  const n = x.length;
  if (m < 2 || n < 2 * m || x.every((v) => v === x[0])) return false;
  return seasonPairCorrelation(x, m) > 1.6448536269514722 / Math.sqrt(n - m);
}

/** Slope of the least-squares line through (t, x_t), t = 0..n − 1. */
export function linearSlope(x: readonly number[]): number {
  const n = x.length;
  if (n < 2) return 0;
  const tMean = (n - 1) / 2;
  const xMean = x.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tMean) * (x[t]! - xMean);
    sxx += (t - tMean) ** 2;
  }
  return sxy / sxx;
}

/** Pearson correlation of (e_t, e_{t+m}) over the residuals e of a least-squares line. */
export function seasonPairCorrelation(x: readonly number[], m: number): number {
  const n = x.length;
  const tMean = (n - 1) / 2;
  const xMean = x.reduce((a, b) => a + b, 0) / n;
  const slope = linearSlope(x);
  const e = x.map((v, t) => v - xMean - slope * (t - tMean));
  const a = e.slice(0, n - m);
  const b = e.slice(m);
  const mean = (v: readonly number[]) => v.reduce((p, q) => p + q, 0) / v.length;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/**
 * Multiplicative seasonal indices: classical decomposition from three seasons on; with fewer,
 * where the centred moving average leaves one ratio per season position, the mean over the
 * complete seasons (counted back from the end) of each period's ratio to its season's mean.
 * Index i belongs to periods t with t mod m = i.
 */
export function seasonalIndicesOf(x: readonly number[], m: number): number[] {
  if (x.length >= 3 * m) return multiplicativeSeasonalIndices(x, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let end = x.length; end - m >= 0; end -= m) {
    const start = end - m;
    let level = 0;
    for (let t = start; t < end; t++) level += x[t]!;
    level /= m;
    if (level <= 0) continue;
    for (let t = start; t < end; t++) {
      sums[t % m]! += x[t]! / level;
      counts[t % m]!++;
    }
  }
  const figure = sums.map((s, i) => (counts[i]! > 0 ? s / counts[i]! : 1));
  const mean = figure.reduce((a, b) => a + b, 0) / m;
  return figure.map((f) => (mean > 0 ? f / mean : 1));
}

/**
 * Seasonal indices of classical multiplicative decomposition (R's decompose): a centred moving
 * average of order m (2×m when m is even) as trend, the mean ratio x/trend per season position,
 * scaled to average 1. Index i belongs to periods t with t mod m = i (t from 0).
 */
export function multiplicativeSeasonalIndices(x: readonly number[], m: number): number[] {
  const n = x.length;
  const half = Math.floor(m / 2);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    if (m % 2 === 0) {
      trend = (x[t - half]! + x[t + half]!) / 2;
      for (let j = t - half + 1; j < t + half; j++) trend += x[j]!;
    } else {
      for (let j = t - half; j <= t + half; j++) trend += x[j]!;
    }
    trend /= m;
    sums[t % m]! += x[t]! / trend;
    counts[t % m]!++;
  }
  const figure = sums.map((s, i) => s / counts[i]!);
  const mean = figure.reduce((a, b) => a + b, 0) / m;
  return figure.map((f) => f / mean);
}
