/**
 * When a lot stops being sellable. A lot is sellable through its expiry date and expired from
 * the day after; stock without a lot, or a lot without a date, never expires.
 */

/**
 * The business day expiry is judged on, from the clock's ISO instant: the one place stock
 * expiry reads "today" (the UTC day, as every business date is kept; a warehouse-local
 * business day would be decided here).
 */
export function expiryDay(nowIso: string): string {
  return nowIso.slice(0, 10);
}

/** Whether a lot expiring on `expiryDate` (`YYYY-MM-DD`, or null) has expired by `today`. */
export function isExpired(expiryDate: string | null, today: string): boolean {
  // ISO dates compare correctly as text.
  return expiryDate !== null && expiryDate < today;
}

/** The reason code of the movement that takes an expired lot out of sellable stock. */
export const EXPIRED_REASON = 'expired';
