/**
 * When a failed delivery is tried again: a fixed ladder reaching about three days in total,
 * each step spread by ±20 % jitter so that many endpoints failing together (a receiver's
 * outage) do not come back as one thundering herd. Randomness is passed in.
 */

/** Delay before attempt n+1 after attempt n failed (index n-1), in seconds. */
export const RETRY_DELAYS_SECONDS: readonly number[] = [
  5,
  5 * 60,
  30 * 60,
  2 * 3600,
  5 * 3600,
  10 * 3600,
  10 * 3600,
  14 * 3600,
  20 * 3600,
];

/** Attempts in all (the first plus one per step) before the delivery is dead-lettered. */
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

export const JITTER_FRACTION = 0.2;

/**
 * The delay in ms after failed attempt `attempt` (1-based), or null when no attempt is left.
 * `random` returns [0, 1), e.g. Math.random or a seeded generator in tests.
 */
export function retryDelayMs(attempt: number, random: () => number): number | null {
  const base = RETRY_DELAYS_SECONDS[attempt - 1];
  if (base === undefined) return null;
  const spread = 1 + JITTER_FRACTION * (2 * random() - 1);
  return Math.round(base * 1000 * spread);
}
