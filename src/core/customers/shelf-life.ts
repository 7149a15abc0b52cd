/**
 * Minimum remaining shelf life: vets and pet shops refuse food or medicine that will expire
 * soon after delivery. A customer sets a number of days for everything it buys, and may
 * override it per SKU (stricter for a wet food it sells slowly, looser for a fast mover).
 */
import { fail, ok, type Result } from '../shared/result.js';

/** Ten years: longer than any pet food or medicine keeps; a bigger number is a typo. */
export const MAX_SHELF_LIFE_DAYS = 3650;

/** Checks a minimum remaining shelf life in whole days, 0 (any lot) to 3650. */
export function validateShelfLifeDays(days: number, field: string): Result<number> {
  if (!Number.isSafeInteger(days) || days < 0 || days > MAX_SHELF_LIFE_DAYS) {
    return fail(
      'CUSTOMER.INVALID_SHELF_LIFE',
      `Minimum remaining shelf life is a whole number of days from 0 to ${MAX_SHELF_LIFE_DAYS}`,
      { field },
    );
  }
  return ok(days);
}

/**
 * The days of shelf life a lot must still have when shipped to this customer: the per-SKU
 * rule when there is one (it may be looser or stricter), otherwise the customer's own.
 */
export function effectiveShelfLifeDays(customerDays: number, skuOverride?: number | null): number {
  return skuOverride ?? customerDays;
}

/**
 * The earliest expiry date (`YYYY-MM-DD`) a lot may carry to ship on `shipDate` with
 * `minDays` of shelf life left: a lot expiring on or after it is acceptable.
 */
export function earliestAcceptableExpiry(shipDate: string, minDays: number): string {
  const day = new Date(`${shipDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + minDays);
  return day.toISOString().slice(0, 10);
}

/**
 * Whether a lot may ship to the customer on `shipDate`: it must not expire before
 * `minDays` from then. A lot without an expiry (goods that do not perish) always may.
 */
export function lotMeetsShelfLife(
  expiryDate: string | null,
  shipDate: string,
  minDays: number,
): boolean {
  // ISO dates compare correctly as text.
  return expiryDate === null || expiryDate >= earliestAcceptableExpiry(shipDate, minDays);
}
