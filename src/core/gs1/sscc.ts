/**
 * SSCC-18, the Serial Shipping Container Code: the licence plate on every carton and pallet
 * we ship, carried as AI (00) in the GS1-128 barcode of the logistics label. It is an
 * extension digit (0–9, chosen freely by the company to widen its serial range), the GS1
 * company prefix, a serial reference filling up to 17 digits, and the GS1 mod-10 check digit
 * — the same algorithm as a GTIN's.
 */
import { gtinCheckDigit } from '../catalog/gtin.js';
import { fail, ok, type Result } from '../shared/result.js';

/** Length of an SSCC including the check digit. */
export const SSCC_LENGTH = 18;

/** True when the text is 18 digits with a correct check digit. */
export function isValidSscc(sscc: string): boolean {
  if (!/^\d{18}$/.test(sscc)) return false;
  return gtinCheckDigit(sscc.slice(0, -1)) === Number(sscc.slice(-1));
}

/**
 * The SSCC for a carton: `extension` (one digit), `companyPrefix` (7–10 digits, as GS1
 * assigned it) and `serial` — the carton's number from our own sequence, left-padded with
 * zeros so that the three parts make 17 digits; then the check digit. Fails with
 * `GS1.BAD_SSCC` when a part is not digits, the prefix is the wrong length, or the serial
 * does not fit in what the prefix leaves (a 7-digit prefix leaves 9 digits, a 10-digit one 6).
 */
export function buildSscc(
  extension: number | string,
  companyPrefix: string,
  serial: number | string,
): Result<string> {
  const extensionText = String(extension);
  const serialText = String(serial);
  if (!/^\d$/.test(extensionText)) {
    return fail('GS1.BAD_SSCC', `SSCC extension digit must be 0–9, got "${extensionText}"`);
  }
  if (!/^\d{7,10}$/.test(companyPrefix)) {
    return fail('GS1.BAD_SSCC', `GS1 company prefix must be 7–10 digits, got "${companyPrefix}"`, {
      companyPrefix,
    });
  }
  const serialLength = SSCC_LENGTH - 2 - companyPrefix.length;
  if (!/^\d+$/.test(serialText) || serialText.length > serialLength) {
    return fail(
      'GS1.BAD_SSCC',
      `Serial reference must be at most ${serialLength} digits with prefix ${companyPrefix}, got "${serialText}"`,
      { companyPrefix, serial: serialText, serialLength },
    );
  }
  const body = `${extensionText}${companyPrefix}${serialText.padStart(serialLength, '0')}`;
  return ok(`${body}${gtinCheckDigit(body)}`);
}

/**
 * An SSCC as printed under the barcode for people to read out: `(00) 1 0614141234567890 8`
 * (extension digit, company prefix and serial, check digit).
 */
export function formatSscc(sscc: string): string {
  return `(00) ${sscc.slice(0, 1)} ${sscc.slice(1, 17)} ${sscc.slice(17)}`;
}
