/**
 * The arithmetic of a live count. The counter presses start (the ledger's highest movement id
 * is recorded) and counts the bin while the warehouse keeps working. The count is taken as
 * the bin's content at the start: what moved in or out afterwards is already in the system
 * figure "on hand now" and is taken back out to get the figure the count is compared with.
 */

/** Thresholds a count must stay within to be approved without a second blind count. */
export interface RecountThresholds {
  /** Percent of the system quantity (5 = 5 %). */
  pct: number;
  units: number;
}

/** Ad-hoc and short-pick counts have no plan; these apply. */
export const DEFAULT_THRESHOLDS: RecountThresholds = { pct: 5, units: 0 };

/** On hand when counting started: on hand now less what moved in since, plus what moved out. */
export function systemAtStart(onHandNow: number, netInSinceStart: number): number {
  return onHandNow - netInSinceStart;
}

/** Found (positive) or missing (negative) units against the system at the start. */
export function varianceOf(counted: number, systemQuantity: number): number {
  return counted - systemQuantity;
}

/** True when |variance| > max(pct × system, units): the figures need a second blind count. */
export function needsRecount(
  variance: number,
  systemQuantity: number,
  thresholds: RecountThresholds,
): boolean {
  const allowed = Math.max((thresholds.pct / 100) * systemQuantity, thresholds.units);
  return Math.abs(variance) > allowed;
}

/** What approving a line would leave at the bin, and whether that is allowed. */
export interface ApprovalCheck {
  /** On hand after the adjustment: the count plus what moved since the start. */
  target: number;
  /** False when the target is below what is reserved there (or below zero). */
  allowed: boolean;
}

/**
 * A count never leaves a bin below what orders hold there: the adjustment is refused and the
 * reservations must be released or short-picked first (the count is never silently shrunk).
 */
export function checkApproval(
  onHandNow: number,
  allocated: number,
  variance: number,
): ApprovalCheck {
  const target = onHandNow + variance;
  return { target, allowed: target >= 0 && target >= allocated };
}
