/**
 * From a fill-rate target to a safety factor. The reorder policy takes a CYCLE service level
 * (the chance of no stockout in a cycle); customers feel the FILL RATE β (the share of units
 * shipped from stock). With normal demand over the protection period (sd σ) and a mean of
 * Q units sold per replenishment cycle, the expected units short per cycle are
 * σ·[G(z) − G(z + Q/σ)], where G is the standard normal loss function; setting that to
 * (1 − β)·Q gives the z, and hence the cycle service level Φ(z), that yields β (Silver, Pyke &
 * Thomas 2017, §6.7.5 and §7.2, "P2" service; Chopra & Meindl 2016, §12.2 "fill rate"). The
 * second term, often dropped when Q ≫ σ, keeps shortages that began in the previous cycle
 * from being counted twice; it matters for small cycles (daily review, case of one).
 */
import { normalCdf, normalPdf } from './service-level.js';

/** z is kept within ±4.75 so that Φ(z) stays strictly inside (0, 1) in double precision. */
export const MAX_SAFETY_FACTOR = 4.75;

/** Standard normal loss function G(z) = E[(X − z)⁺] = φ(z) − z·(1 − Φ(z)). */
export function normalLoss(z: number): number {
  return normalPdf(z) - z * (1 - normalCdf(z));
}

/**
 * The safety factor z that achieves the fill rate β when demand over the protection period has
 * sd `protectionSd` and `demandPerCycle` units sell per cycle (d̄·R for a periodic review,
 * or the usual order quantity when orders are larger). May be negative: a large cycle
 * quantity alone can reach β. Returns 0 when there is no uncertainty or no demand.
 */
export function zForFillRate(
  fillRate: number,
  protectionSd: number,
  demandPerCycle: number,
): number {
  if (!(fillRate > 0 && fillRate < 1)) {
    throw new RangeError(`fill rate must be in (0, 1), got ${fillRate}`);
  }
  if (!(protectionSd > 0 && demandPerCycle > 0)) return 0;
  const target = ((1 - fillRate) * demandPerCycle) / protectionSd;
  const cycle = demandPerCycle / protectionSd;
  const shortPerCycle = (z: number) => normalLoss(z) - normalLoss(z + cycle);
  let low = -MAX_SAFETY_FACTOR;
  let high = MAX_SAFETY_FACTOR;
  if (shortPerCycle(high) >= target) return high;
  if (shortPerCycle(low) <= target) return low;
  // Strictly decreasing in z: bisect to well below a thousandth of a unit of safety stock.
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (shortPerCycle(mid) > target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** The cycle service level Φ(z) that gives the fill rate β; feed it to reorderPolicy. */
export function serviceLevelForFillRate(
  fillRate: number,
  protectionSd: number,
  demandPerCycle: number,
): number {
  return normalCdf(zForFillRate(fillRate, protectionSd, demandPerCycle));
}
