/**
 * Prices on orders are computed by the server. A few roles may set a line's price by hand
 * (a matched competitor price, a goodwill discount); anyone else who sends one is refused,
 * not silently ignored, so a client never believes a price it did not get.
 */
import { fail, ok, type Result } from '../shared/result.js';
import type { Role } from '../shared/roles.js';

/** Roles that may send a unit price of their own on an order or quote line. */
export const PRICE_OVERRIDE_ROLES: readonly Role[] = ['admin', 'manager', 'sales'];

/** True when the role may override a computed price. */
export function canOverridePrice(role: Role): boolean {
  return PRICE_OVERRIDE_ROLES.includes(role);
}

/**
 * Checks a price sent with a line. No price: fine (the server computes one). A price from a
 * role not in `PRICE_OVERRIDE_ROLES`: `PRICING.OVERRIDE_NOT_ALLOWED`. A price that is not a
 * whole number of minor units ≥ 0: `PRICING.INVALID_PRICE`. Returns the price to use, if any.
 */
export function checkPriceOverride(
  role: Role,
  overridePriceMinor: number | undefined,
): Result<number | undefined> {
  if (overridePriceMinor === undefined) return ok(undefined);
  if (!canOverridePrice(role)) {
    return fail(
      'PRICING.OVERRIDE_NOT_ALLOWED',
      `The ${role} role may not set prices; send the line without a price`,
      { role, allowedRoles: [...PRICE_OVERRIDE_ROLES] },
    );
  }
  if (!isMoney(overridePriceMinor)) {
    return fail('PRICING.INVALID_PRICE', 'A price is a whole number of minor units, ≥ 0', {
      field: 'unitPriceMinor',
    });
  }
  return ok(overridePriceMinor);
}

/** True for a whole, non-negative amount of minor units that integer arithmetic keeps exact. */
export function isMoney(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
