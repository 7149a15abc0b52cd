import { gtinCheckDigit } from '../../src/core/catalog/gtin.js';

/** A valid GTIN-13 built from a 12-digit company prefix + item reference. */
export function gtin13(body12: string): string {
  return `${body12}${gtinCheckDigit(body12)}`;
}

/** The GTIN-14 of a pack level: indicator digit + the each's first 12 digits + check digit. */
export function gtin14(indicator: number, body12: string): string {
  const body = `${indicator}${body12}`;
  return `${body}${gtinCheckDigit(body)}`;
}

/**
 * A pet-supplies SKU as a buyer would key it in: dry dog food, 2 kg bags, 4 to a case,
 * 160 to a pallet, lot-tracked for recalls. `n` varies the code and GTINs.
 */
export function dogFood(n: number, overrides: Record<string, unknown> = {}) {
  const body = `590123${String(n).padStart(6, '0')}`;
  return {
    code: `DOG-DRY-2KG-${n}`,
    name: `Lamb & rice adult dog food 2 kg, recipe ${n}`,
    category: 'dog-food',
    gtin: gtin13(body),
    weightG: 2050,
    lengthMm: 300,
    widthMm: 90,
    heightMm: 450,
    lotTracked: true,
    shelfLifeDays: 540,
    standardCostMinor: 649,
    currency: 'USD',
    packs: [
      { level: 'case', quantity: 4, gtin: gtin14(1, body), weightG: 8400 },
      { level: 'pallet', quantity: 160, gtin: gtin14(5, body) },
    ],
    ...overrides,
  };
}
