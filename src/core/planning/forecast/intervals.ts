/**
 * Prediction intervals. Where FPP gives an analytic h-step variance we use it:
 * naive, seasonal naive (FPP 3rd ed. table 5.2), and the ETS class-1 variances (FPP 3rd ed.
 * table 8.8; Hyndman et al. 2008 ch. 6) for SES = ETS(A,N,N), Holt = ETS(A,A,N), damped Holt =
 * ETS(A,Ad,N) and additive Holt-Winters = ETS(A,A,A). Elsewhere (multiplicative Holt-Winters,
 * Croston, SBA, TSB) intervals are empirical: the spread of the in-sample one-step residuals
 * scaled by √h, as for a random walk, which errs wide. All intervals assume normal errors.
 */

/** Standard normal quantiles for central 80 % and 95 % intervals. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** The four interval bounds of a forecast. */
export interface Intervals {
  readonly lower80: number[];
  readonly upper80: number[];
  readonly lower95: number[];
  readonly upper95: number[];
}

/**
 * σ̂ of one-step residuals: √(SSE / (n − k)) over the periods with a fitted value, where k counts
 * the estimated parameters and initial states plus one for σ itself (as forecast::ets does).
 * With k = 0 it is the root mean square residual (as forecast's naive / rwf without drift).
 */
export function residualSigma(
  series: readonly number[],
  fitted: readonly number[],
  k: number,
): number {
  let sse = 0;
  let n = 0;
  for (let t = 0; t < series.length; t++) {
    const f = fitted[t]!;
    if (Number.isNaN(f)) continue;
    const e = series[t]! - f;
    sse += e * e;
    n++;
  }
  if (n === 0) return 0;
  const dof = k > 0 && n - k - 1 >= 1 ? n - k - 1 : n;
  return Math.sqrt(sse / dof);
}

/** Builds the bounds from point forecasts and h-step standard deviations; `floor` clips them. */
export function intervalsFrom(
  point: readonly number[],
  sd: readonly number[],
  floor = -Infinity,
): Intervals {
  const at = (z: number) => point.map((p, i) => Math.max(floor, p + z * sd[i]!));
  return { lower80: at(-Z80), upper80: at(Z80), lower95: at(-Z95), upper95: at(Z95) };
}

const horizons = (h: number) => Array.from({ length: h }, (_, i) => i + 1);

/** Naive (random walk): σ√h (FPP table 5.2). */
export function naiveSd(sigma: number, h: number): number[] {
  return horizons(h).map((j) => sigma * Math.sqrt(j));
}

/** Seasonal naive: σ√(k + 1), k = ⌊(h − 1)/m⌋ full seasons ahead (FPP table 5.2). */
export function seasonalNaiveSd(sigma: number, h: number, m: number): number[] {
  return horizons(h).map((j) => sigma * Math.sqrt(Math.floor((j - 1) / m) + 1));
}

/** SES = ETS(A,N,N): σ²[1 + α²(h − 1)]. */
export function sesSd(sigma: number, alpha: number, h: number): number[] {
  return horizons(h).map((j) => sigma * Math.sqrt(1 + alpha * alpha * (j - 1)));
}

/**
 * Holt = ETS(A,A,N): σ²[1 + (h − 1){α² + αβh + β²h(2h − 1)/6}], with β the ETS
 * (error-correction) trend parameter, β = α·β* in FPP's component form.
 */
export function holtSd(sigma: number, alpha: number, beta: number, h: number): number[] {
  return horizons(h).map((j) => {
    const v = 1 + (j - 1) * (alpha ** 2 + alpha * beta * j + (beta ** 2 * j * (2 * j - 1)) / 6);
    return sigma * Math.sqrt(v);
  });
}

/** Damped Holt = ETS(A,Ad,N), the class-1 variance of Hyndman et al. (2008) table 6.1. */
export function dampedHoltSd(
  sigma: number,
  alpha: number,
  beta: number,
  phi: number,
  h: number,
): number[] {
  const a = alpha;
  const b = beta;
  const f = phi;
  return horizons(h).map((j) => {
    const fh = f ** j;
    const v =
      1 +
      a * a * (j - 1) +
      ((b * f * j) / (1 - f) ** 2) * (2 * a * (1 - f) + b * f) -
      ((b * f * (1 - fh)) / ((1 - f) ** 2 * (1 - f * f))) *
        (2 * a * (1 - f * f) + b * f * (1 + 2 * f - fh));
    return sigma * Math.sqrt(Math.max(v, 1));
  });
}

/**
 * Additive Holt-Winters = ETS(A,A,A): σ²[1 + (h − 1){α² + αβh + β²h(2h − 1)/6}
 * + γk{2α + γ + βm(k + 1)}], k = ⌊(h − 1)/m⌋.
 */
export function additiveHoltWintersSd(
  sigma: number,
  alpha: number,
  beta: number,
  gamma: number,
  m: number,
  h: number,
): number[] {
  return horizons(h).map((j) => {
    const k = Math.floor((j - 1) / m);
    const v =
      1 +
      (j - 1) * (alpha ** 2 + alpha * beta * j + (beta ** 2 * j * (2 * j - 1)) / 6) +
      gamma * k * (2 * alpha + gamma + beta * m * (k + 1));
    return sigma * Math.sqrt(v);
  });
}

/** Empirical: one-step σ̂ scaled by √h (no analytic variance exists for the method). */
export function empiricalSd(sigma: number, h: number): number[] {
  return naiveSd(sigma, h);
}
