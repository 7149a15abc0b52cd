/**
 * Credit control for trade accounts. A customer's exposure is what it owes or has committed
 * to: the value of orders not yet shipped plus invoices not yet paid. A new order is
 * accepted while exposure plus the order stays within the credit limit; a null limit means
 * the account is trusted without one (a chain paying by direct debit).
 */
import { fail, ok, type Result } from '../shared/result.js';

/** Order statuses that no longer count towards exposure: the goods left, or never will. */
export const SETTLED_ORDER_STATUSES = ['shipped', 'delivered', 'closed', 'cancelled'] as const;

/** What is left of the limit after an accepted order; null when the account has no limit. */
export interface CreditHeadroom {
  availableAfterMinor: number | null;
}

/**
 * Checks an order of `orderValueMinor` against the account's limit. Fails with
 * `CUSTOMER.CREDIT_LIMIT_EXCEEDED`, carrying the numbers a credit controller needs to decide
 * whether to raise the limit or hold the order. Exactly reaching the limit is allowed.
 */
export function creditCheck(
  exposureMinor: number,
  orderValueMinor: number,
  creditLimitMinor: number | null,
): Result<CreditHeadroom> {
  if (creditLimitMinor === null) return ok({ availableAfterMinor: null });
  const afterOrderMinor = exposureMinor + orderValueMinor;
  if (afterOrderMinor > creditLimitMinor) {
    return fail(
      'CUSTOMER.CREDIT_LIMIT_EXCEEDED',
      `The order takes exposure to ${afterOrderMinor}, over the credit limit of ${creditLimitMinor}`,
      {
        exposureMinor,
        orderValueMinor,
        creditLimitMinor,
        overLimitMinor: afterOrderMinor - creditLimitMinor,
      },
    );
  }
  return ok({ availableAfterMinor: creditLimitMinor - afterOrderMinor });
}

/**
 * Credit still available: limit minus exposure, negative when the account is already over
 * its limit (so the amount to collect is visible), null when there is no limit.
 */
export function availableCredit(
  exposureMinor: number,
  creditLimitMinor: number | null,
): number | null {
  return creditLimitMinor === null ? null : creditLimitMinor - exposureMinor;
}
