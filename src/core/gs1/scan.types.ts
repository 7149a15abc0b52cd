/**
 * What a keyboard-wedge scanner typed, understood. Handheld screens and scan endpoints send
 * the raw string; `interpretScan` (scan.ts) turns it into one of these.
 */
export type ScanResult =
  /** A GTIN-8/12/13/14 (normalized to 14 digits); a case GTIN is resolved to its pack by the catalog. */
  | { kind: 'gtin'; gtin: string }
  /** A GS1-128 / GS1 DataMatrix element string with application identifiers. */
  | {
      kind: 'gs1';
      /** (00) SSCC-18 */
      sscc?: string;
      /** (01) GTIN-14 */
      gtin?: string;
      /** (10) batch/lot */
      lot?: string;
      /** (17) expiry as YYYY-MM-DD (day 00 means end of month) */
      expiryDate?: string;
      /** (37) count of trade items; 1 for an RFID tag read */
      count?: number;
      /** (21) serial number: set for an RFID SGTIN-96 read */
      serial?: string;
      /** The EPC (24 upper-case hex digits) when the read came from an RFID tag */
      epc?: string;
      /** Every AI found, raw. */
      elements: Record<string, string>;
    }
  /** Anything else: a location barcode, a tote, a typo — matched against barcodes by the caller. */
  | { kind: 'text'; value: string };
