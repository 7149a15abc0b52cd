/**
 * What a keyboard-wedge scanner typed, turned into a `ScanResult` for the picking, packing
 * and receiving screens. Scanners differ in what they add around the data (a symbology
 * identifier such as `]C1`, a trailing CR/LF or tab) and in how they show FNC1 (GS, or not
 * at all when the symbol has no variable-length field); this module takes all of them.
 */
import { isValidGtin } from '../catalog/gtin.js';
import { parseElementString, GS, type Gs1Element } from './element-string.js';
import { gs1DateToIso } from './gs1-date.js';
import { isValidSscc } from './sscc.js';
import { decodeSgtin96 } from '../rfid/sgtin96.js';
import type { ScanResult } from './scan.types.js';

/** AIM symbology identifiers that announce GS1 data: GS1-128, DataMatrix, QR, DataBar. */
const GS1_SYMBOLOGIES = new Set([']C1', ']d2', ']Q3', ']e0']);

/** Any AIM symbology identifier: `]`, a letter for the symbology, one modifier character. */
const SYMBOLOGY_ID = /^\][A-Za-z][0-9A-Za-z]/;

/** Options for `interpretScan`. */
export interface ScanOptions {
  /**
   * The current year, for the GS1 century window on dates (§7.12). Use cases pass it from
   * their clock; when omitted the system clock is read — the one impurity here, kept so that
   * a handheld screen can call `interpretScan(raw)` directly.
   */
  readonly currentYear?: number;
}

function gs1Result(elements: readonly Gs1Element[], currentYear: number): ScanResult {
  const byAi: Record<string, string> = {};
  for (const element of elements) byAi[element.ai] = element.value;
  const result: Extract<ScanResult, { kind: 'gs1' }> = { kind: 'gs1', elements: byAi };
  if (byAi['00'] !== undefined) result.sscc = byAi['00'];
  if (byAi['01'] !== undefined) result.gtin = byAi['01'];
  if (byAi['10'] !== undefined) result.lot = byAi['10'];
  if (byAi['37'] !== undefined) result.count = Number(byAi['37']);
  const expiry = byAi['17'] === undefined ? undefined : gs1DateToIso(byAi['17'], currentYear);
  if (expiry !== undefined) result.expiryDate = expiry;
  return result;
}

/**
 * Removes what a scanner adds around the data — CR, LF, tab, other control characters —
 * but keeps GS, which is FNC1 and therefore data. Ends are trimmed; inner spaces are kept.
 */
function stripScannerNoise(raw: string): string {
  let text = '';
  for (const char of raw) {
    const code = char.charCodeAt(0);
    text += char === GS || (code >= 0x20 && code !== 0x7f) ? char : ' ';
  }
  return text.trim();
}

/**
 * A raw GS1 string typed without a symbology identifier still parses if it starts with an
 * SSCC or GTIN AI and every check digit holds — common on scanners with AIM ids turned off.
 */
function looksLikeBareElementString(text: string): boolean {
  return /^0[012]\d{14}/.test(text) && text.length > 18;
}

/**
 * An RFID read of an SGTIN-96 tag (24 hex digits, header 30): one tagged item, so a GS1
 * read with GTIN (01), serial (21) and a count of 1. Other 24-hex strings stay text.
 */
function epcResult(text: string): ScanResult | undefined {
  if (!/^30[0-9A-Fa-f]{22}$/.test(text)) return undefined;
  const tag = decodeSgtin96(text);
  if (!tag.ok) return undefined;
  return {
    kind: 'gs1',
    gtin: tag.value.gtin,
    serial: tag.value.serial,
    epc: text.toUpperCase(),
    count: 1,
    elements: { '01': tag.value.gtin, '21': tag.value.serial },
  };
}

/**
 * Understands one scan:
 * - GS1 element strings (after `]C1`/`]d2`/`]Q3`/`]e0`, with GS separators, or in the
 *   `(01)…(17)…` form) → `gs1` with SSCC, GTIN, lot, expiry and count lifted out;
 * - 8/12/13/14 digits with a valid check digit → `gtin`, padded to 14 digits;
 * - 18 digits with a valid check digit → `gs1` with that SSCC (a carton label read as text);
 * - an RFID SGTIN-96 read (24 hex digits starting `30`) → `gs1` with GTIN, serial, count 1;
 * - anything else, including a GS1 string that fails to parse → `text`, for the caller to
 *   match against location, tote and other barcodes.
 */
export function interpretScan(raw: string, options: ScanOptions = {}): ScanResult {
  const currentYear = options.currentYear ?? new Date().getUTCFullYear();
  let text = stripScannerNoise(raw);
  const symbology = SYMBOLOGY_ID.exec(text)?.[0];
  if (symbology !== undefined) text = text.slice(symbology.length);
  while (text.startsWith(GS)) text = text.slice(GS.length);

  // GS1 data never contains spaces; "(01) 0950…" typed by hand should still parse.
  const compact = text.replace(/ +/g, '');
  const announcedGs1 = symbology !== undefined && GS1_SYMBOLOGIES.has(symbology);
  if (announcedGs1 || compact.includes(GS) || /^\(\d{2,4}\)/.test(compact)) {
    const parsed = parseElementString(compact);
    if (parsed.ok) return gs1Result(parsed.value, currentYear);
    return { kind: 'text', value: text.replaceAll(GS, '') };
  }
  const epc = epcResult(text);
  if (epc) return epc;
  if (/^\d+$/.test(text)) {
    if (isValidGtin(text)) return { kind: 'gtin', gtin: text.padStart(14, '0') };
    if (text.length === 18 && isValidSscc(text))
      return gs1Result([{ ai: '00', value: text }], currentYear);
  }
  if (looksLikeBareElementString(text)) {
    const parsed = parseElementString(text);
    if (parsed.ok) return gs1Result(parsed.value, currentYear);
  }
  return { kind: 'text', value: text };
}
