import { fail, ok, type Result } from '../shared/result.js';

/** The fields of a supplier that rules apply to (create or a full update). */
export interface SupplierTerms {
  code?: string | undefined;
  currency?: string | undefined;
  email?: string | null | undefined;
  leadTimeDays?: number | undefined;
  minOrderValueMinor?: number | undefined;
  minOrderQuantity?: number | undefined;
}

/** How a supplier sells one SKU. */
export interface SupplierSkuTerms {
  costMinor?: number | undefined;
  minOrderQuantity?: number | undefined;
  orderMultiple?: number | undefined;
  leadTimeDays?: number | null | undefined;
}

/** A year: longer promises are typing mistakes, and they would swamp replenishment. */
export const MAX_LEAD_TIME_DAYS = 365;

const isCount = (n: number | null | undefined) => n == null || (Number.isInteger(n) && n >= 0);

/** Checks supplier terms; codes PURCHASING.INVALID_* name the field at fault. */
export function checkSupplierTerms(terms: SupplierTerms): Result<true> {
  if (terms.code !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(terms.code))
    return fail('PURCHASING.INVALID_CODE', 'Supplier code: letters, digits, . _ -, up to 40', {
      field: 'code',
    });
  if (terms.currency !== undefined && !/^[A-Z]{3}$/.test(terms.currency))
    return fail('PURCHASING.INVALID_CURRENCY', 'Currency must be an ISO 4217 code (USD)', {
      field: 'currency',
    });
  if (terms.email != null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(terms.email))
    return fail('PURCHASING.INVALID_EMAIL', 'Email address is not valid', { field: 'email' });
  if (!isCount(terms.leadTimeDays) || (terms.leadTimeDays ?? 0) > MAX_LEAD_TIME_DAYS)
    return fail('PURCHASING.INVALID_LEAD_TIME', `Lead time: 0–${MAX_LEAD_TIME_DAYS} days`, {
      field: 'leadTimeDays',
    });
  if (!isCount(terms.minOrderValueMinor) || !isCount(terms.minOrderQuantity))
    return fail('PURCHASING.INVALID_MINIMUM', 'Order minimums must be whole numbers ≥ 0', {
      field: 'minOrder',
    });
  return ok(true);
}

/** Checks a supplier SKU: cost ≥ 0, MOQ ≥ 0, order multiple ≥ 1, lead time within a year. */
export function checkSupplierSkuTerms(terms: SupplierSkuTerms): Result<true> {
  if (!isCount(terms.costMinor))
    return fail('PURCHASING.INVALID_COST', 'Cost must be whole minor units ≥ 0', {
      field: 'costMinor',
    });
  if (!isCount(terms.minOrderQuantity))
    return fail('PURCHASING.INVALID_MINIMUM', 'Minimum order quantity must be ≥ 0', {
      field: 'minOrderQuantity',
    });
  if (
    terms.orderMultiple !== undefined &&
    !(Number.isInteger(terms.orderMultiple) && terms.orderMultiple >= 1)
  )
    return fail('PURCHASING.INVALID_ORDER_MULTIPLE', 'Order multiple must be a whole number ≥ 1', {
      field: 'orderMultiple',
    });
  if (!isCount(terms.leadTimeDays) || (terms.leadTimeDays ?? 0) > MAX_LEAD_TIME_DAYS)
    return fail('PURCHASING.INVALID_LEAD_TIME', `Lead time: 0–${MAX_LEAD_TIME_DAYS} days`, {
      field: 'leadTimeDays',
    });
  return ok(true);
}
