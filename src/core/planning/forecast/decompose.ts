/**
 * Classical multiplicative decomposition and the seasonality test that forecast::thetaf uses
 * to decide whether to seasonally adjust before applying Theta.
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
 * thetaf's test: seasonal when n > 2m, the series is not constant, and
 * |r_m| / √((1 + 2 Σ_{k<m} r_k²)/n) exceeds the 95 % normal quantile (a 90 % two-sided test).
 */
export function looksSeasonal(x: readonly number[], m: number): boolean {
  const n = x.length;
  if (m < 2 || n <= 2 * m || x.every((v) => v === x[0])) return false;
  const r = autocorrelations(x, m);
  let squares = 0;
  for (let k = 0; k < m - 1; k++) squares += r[k]! ** 2;
  const stat = Math.sqrt((1 + 2 * squares) / n);
  return Math.abs(r[m - 1]!) / stat > 1.6448536269514722;
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
