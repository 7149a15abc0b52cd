/**
 * A set of prices for one SKU at one pack level, as a pricing manager keys it in: volume
 * breaks and the dates each price holds between. Checked here before any of it is stored.
 */
import { isIsoDate } from '../inventory/movement.js';
import { fail, ok, type Result } from '../shared/result.js';
import { isMoney } from './price-override.js';

/** One price as sent: per pack, from `minQuantity` packs, valid from/to (null or absent: open). */
export interface PriceRowDraft {
  minQuantity?: number | undefined;
  unitPriceMinor: number;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
}

/** One checked price; `validTo` is exclusive (the first day the price no longer holds). */
export interface PriceRow {
  minQuantity: number;
  unitPriceMinor: number;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Checks a set of prices: breaks are whole numbers of packs from 1, prices whole minor units
 * ≥ 0, dates real `YYYY-MM-DD` days with `validFrom` before `validTo`, and no two rows on the
 * same break and start date (they would be the same price said twice). Failures are
 * `PRICING.INVALID_PRICE` with the row's `index` and the `field` at fault.
 */
export function validatePriceRows(drafts: readonly PriceRowDraft[]): Result<PriceRow[]> {
  const rows: PriceRow[] = [];
  const keys = new Set<string>();
  for (const [index, draft] of drafts.entries()) {
    const minQuantity = draft.minQuantity ?? 1;
    if (!Number.isSafeInteger(minQuantity) || minQuantity < 1) {
      return invalid('A volume break is a whole number of packs from 1', index, 'minQuantity');
    }
    if (!isMoney(draft.unitPriceMinor)) {
      return invalid('A price is a whole number of minor units, ≥ 0', index, 'unitPriceMinor');
    }
    const validFrom = draft.validFrom ?? null;
    const validTo = draft.validTo ?? null;
    if (validFrom !== null && !isIsoDate(validFrom)) {
      return invalid('validFrom is a date as YYYY-MM-DD', index, 'validFrom');
    }
    if (validTo !== null && !isIsoDate(validTo)) {
      return invalid('validTo is a date as YYYY-MM-DD', index, 'validTo');
    }
    if (validFrom !== null && validTo !== null && validFrom >= validTo) {
      return invalid('validTo (exclusive) must come after validFrom', index, 'validTo');
    }
    const key = `${minQuantity}|${validFrom ?? ''}`;
    if (keys.has(key)) {
      return invalid('Two prices share a volume break and start date', index, 'minQuantity');
    }
    keys.add(key);
    rows.push({ minQuantity, unitPriceMinor: draft.unitPriceMinor, validFrom, validTo });
  }
  return ok(rows);
}

function invalid(message: string, index: number, field: string): Result<never> {
  return fail('PRICING.INVALID_PRICE', message, { index, field });
}
