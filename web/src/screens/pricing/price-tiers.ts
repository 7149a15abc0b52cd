// .js: the form-logic test compiles this pure module under the server's node16 resolution.
import { toMinor } from '../customers/customer-draft.js';

/** One volume tier as typed: the break (packs of the level), the pack price, optional dates. */
export interface TierDraft {
  minQuantity: string;
  price: string;
  validFrom: string;
  validTo: string;
}

export const blankTier: TierDraft = { minQuantity: '1', price: '', validFrom: '', validTo: '' };

/** A stored price as GET /price-lists/:id answers it. */
export interface StoredPrice {
  id: number;
  skuId: number;
  packLevel: string;
  minQuantity: number;
  unitPriceMinor: number;
  validFrom: string | null;
  validTo: string | null;
}

/** The tiers of one SKU and level as the form starts them when editing. */
export function tiersOf(prices: StoredPrice[], skuId: number, level: string): TierDraft[] {
  return prices
    .filter((p) => p.skuId === skuId && p.packLevel === level)
    .sort((a, b) => a.minQuantity - b.minQuantity)
    .map((p) => ({
      minQuantity: String(p.minQuantity),
      price: (p.unitPriceMinor / 100).toFixed(2),
      validFrom: p.validFrom ?? '',
      validTo: p.validTo ?? '',
    }));
}

/**
 * The PUT rows, or the first tier whose price is not an amount. Breaks and dates are left to
 * the server, which answers with its own codes (breaks from 1, from before to).
 */
export function priceRows(
  tiers: TierDraft[],
): { rows: Record<string, unknown>[] } | { badTier: number } {
  const rows: Record<string, unknown>[] = [];
  for (const [i, t] of tiers.entries()) {
    const minor = toMinor(t.price);
    if (minor === null || Number.isNaN(minor)) return { badTier: i + 1 };
    rows.push({
      minQuantity: Number(t.minQuantity),
      unitPriceMinor: minor,
      validFrom: t.validFrom || null,
      validTo: t.validTo || null,
    });
  }
  return { rows };
}
