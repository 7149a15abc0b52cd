/**
 * GS1 Global Trade Item Numbers: the barcodes on an each (GTIN-8/12/13) and on its inner
 * packs, cases and pallets (GTIN-14). Stockline stores every GTIN as 14 digits (left-padded
 * with zeros), the form GS1 recommends for databases, so a UPC-A scanned at receiving and the
 * same number keyed in as an EAN-13 find the same SKU.
 */
import { fail, ok, type Result } from '../shared/result.js';

/** The GTIN lengths GS1 issues; anything else is not a GTIN. */
export const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

const DIGITS = /^\d+$/;

/**
 * The GS1 mod-10 check digit for a GTIN body (every digit but the check digit). Weights run
 * 3, 1, 3, … from the rightmost body digit, so the same body padded with zeros keeps its
 * check digit — which is why normalizing to 14 digits never invalidates a GTIN.
 */
export function gtinCheckDigit(body: string): number {
  if (!DIGITS.test(body)) throw new Error(`GTIN body must be digits, got "${body}"`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the text is a GTIN-8, -12, -13 or -14 whose check digit is right. */
export function isValidGtin(gtin: string): boolean {
  if (!DIGITS.test(gtin) || !GTIN_LENGTHS.includes(gtin.length)) return false;
  return gtinCheckDigit(gtin.slice(0, -1)) === Number(gtin.slice(-1));
}

/**
 * A GTIN as Stockline stores and compares it: validated and left-padded to 14 digits.
 * Refuses wrong lengths, non-digits and bad check digits with `CATALOG.INVALID_GTIN`.
 */
export function normalizeGtin(gtin: string): Result<string> {
  const text = gtin.trim();
  if (!DIGITS.test(text) || !GTIN_LENGTHS.includes(text.length)) {
    return fail('CATALOG.INVALID_GTIN', `"${gtin}" is not a GTIN-8, -12, -13 or -14`, { gtin });
  }
  if (!isValidGtin(text)) {
    const expected = gtinCheckDigit(text.slice(0, -1));
    return fail(
      'CATALOG.INVALID_GTIN',
      `"${gtin}" has a wrong check digit (expected ${expected})`,
      {
        gtin,
      },
    );
  }
  return ok(text.padStart(14, '0'));
}

/**
 * The GTIN-14 of a packaging level built from the each's GTIN-13: the indicator digit (1–8
 * for inner packs, cases and pallets; 9 means variable measure) goes in front, the GTIN-13's
 * own check digit is dropped and a new one computed. A GTIN-12 (UPC-A) may be passed as its
 * 13-digit form with a leading zero.
 */
export function gtin14FromGtin13(indicator: number, gtin13: string): Result<string> {
  if (!Number.isInteger(indicator) || indicator < 0 || indicator > 9) {
    return fail('CATALOG.INVALID_GTIN', `Indicator digit must be 0–9, got ${indicator}`);
  }
  if (gtin13.length !== 13 || !isValidGtin(gtin13)) {
    return fail('CATALOG.INVALID_GTIN', `"${gtin13}" is not a valid GTIN-13`, { gtin: gtin13 });
  }
  const body = `${indicator}${gtin13.slice(0, 12)}`;
  return ok(`${body}${gtinCheckDigit(body)}`);
}
