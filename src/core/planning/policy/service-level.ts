/**
 * Service levels and the standard normal distribution they are read from. A cycle service
 * level (CSL) p is the probability of not running out in a replenishment cycle; the safety
 * factor z is the p-quantile of the standard normal (Silver, Pyke & Thomas 2017, §6.7).
 */

/** ABC class of a SKU by its share of annual consumption value (see abc.ts). */
export type AbcClass = 'A' | 'B' | 'C';

/** Default cycle service level per ABC class: protect the SKUs that carry the money. */
export const DEFAULT_SERVICE_LEVELS: Readonly<Record<AbcClass, number>> = Object.freeze({
  A: 0.98,
  B: 0.95,
  C: 0.9,
});

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

/**
 * Standard normal CDF Φ(z) by Marsaglia's series (J. Stat. Software 11(4), 2004):
 * Φ(z) = ½ + φ(z)·(z + z³/3 + z⁵/(3·5) + …), absolute error below 1e-15 for |z| ≤ 8;
 * beyond that Φ is 0 or 1 to double precision.
 */
export function normalCdf(z: number): number {
  if (z < -8) return 0;
  if (z > 8) return 1;
  let sum = z;
  let term = z;
  const z2 = z * z;
  for (let i = 3; sum + term !== sum; i += 2) {
    term *= z2 / i;
    sum += term;
  }
  return 0.5 + sum * normalPdf(z);
}

// Acklam's rational approximation of Φ⁻¹ (relative error 1.15e-9), polished below by one
// Halley step against normalCdf, which brings it to about 1e-15.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

const poly = (coefficients: readonly number[], x: number) =>
  coefficients.reduce((acc, c) => acc * x + c, 0);

function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(C, q) / (poly(D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}

/**
 * Safety factor z = Φ⁻¹(p) for a cycle service level p (0 < p < 1): 0.90 → 1.2816,
 * 0.95 → 1.6449, 0.98 → 2.0537, 0.99 → 2.3263. Throws on p outside (0, 1): a caller bug.
 */
export function zForServiceLevel(serviceLevel: number): number {
  if (!(serviceLevel > 0 && serviceLevel < 1)) {
    throw new RangeError(`service level must be in (0, 1), got ${serviceLevel}`);
  }
  const x = acklam(serviceLevel);
  if (Math.abs(x) > 8) return x; // Φ is flat there; the approximation is as good as it gets
  const u = (normalCdf(x) - serviceLevel) * SQRT_2PI * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}
