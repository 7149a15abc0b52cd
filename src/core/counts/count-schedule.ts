/**
 * How a cycle plan spreads its locations over its frequency: every day it counts
 * ceil(n / frequency) of the locations in scope, least recently counted first, so that each
 * is counted about once per frequency and the daily workload is level.
 */

/** Locations to count per day for `inScope` locations counted once every `frequencyDays`. */
export function dailyQuota(inScope: number, frequencyDays: number): number {
  if (inScope <= 0) return 0;
  return Math.ceil(inScope / Math.max(1, frequencyDays));
}

/** A location the plan could count today. */
export interface CountCandidate {
  locationId: number;
  /** ISO timestamp of its last count (null: never counted, first in line). */
  lastCountedAt: string | null;
  /** True when an open or counted task already covers it: never duplicated. */
  pending: boolean;
  pickSequence: number;
}

/** The locations due today: not pending, never-counted first, then oldest count, then walk order. */
export function dueLocations(candidates: readonly CountCandidate[], quota: number): number[] {
  return candidates
    .filter((c) => !c.pending)
    .sort(
      (a, b) =>
        compareLast(a.lastCountedAt, b.lastCountedAt) ||
        a.pickSequence - b.pickSequence ||
        a.locationId - b.locationId,
    )
    .slice(0, Math.max(0, quota))
    .map((c) => c.locationId);
}

function compareLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** A SKU without a class from the replenishment run counts as C. */
export function classOrDefault(abcClass: string | null | undefined): string {
  return abcClass ?? 'C';
}
