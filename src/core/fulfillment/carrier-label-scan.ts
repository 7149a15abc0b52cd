import { fail, ok, type Result } from '../shared/result.js';

/** A parcel tracking number read from a carrier label (or keyed), with the carrier it implies. */
export interface ScannedTracking {
  readonly trackingNumber: string;
  /** UPS, USPS, FEDEX when the barcode says so; null for a keyed or unrecognised number. */
  readonly carrier: string | null;
}

const GS = '\u001d';

/**
 * Reads the tracking number off a carrier label scan: UPS `1Z…` (18 characters), a USPS IMpb
 * GS1-128 (`420` + ZIP routing, then the 20–34 digit tracking), a FedEx 34-digit barcode (the
 * tracking number is its last 12 digits), or a number keyed as printed (8–35 letters and
 * digits, spaces and dashes dropped). Anything else is `SHIP.TRACKING_UNREADABLE`.
 */
export function readCarrierLabel(raw: string): Result<ScannedTracking> {
  const text = raw
    .trim()
    .replace(/^\][A-Za-z]\d/, '')
    .replaceAll(GS, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  const ups = /^1Z[0-9A-Z]{16}$/.exec(text);
  if (ups) return ok({ trackingNumber: text, carrier: 'UPS' });
  const usps = /^420\d{5}(?:\d{4})?(9[1-5]\d{18,32})$/.exec(text);
  if (usps) return ok({ trackingNumber: usps[1]!, carrier: 'USPS' });
  if (/^\d{34}$/.test(text)) return ok({ trackingNumber: text.slice(-12), carrier: 'FEDEX' });
  if (/^[0-9A-Z]{8,35}$/.test(text)) return ok({ trackingNumber: text, carrier: null });
  return fail('SHIP.TRACKING_UNREADABLE', 'Not a carrier tracking number or label barcode', {
    scan: raw.slice(0, 60),
  });
}
