/**
 * SGTIN-96: the 96-bit EPC an RFID tag on a trade item carries (GS1 EPC Tag Data Standard,
 * §14.5.1). It is a GTIN split into company prefix and item reference, plus a serial number,
 * so one read names one physical item. Receiving and counting decode it to GTIN-14 + serial.
 */
import { gtinCheckDigit } from '../catalog/gtin.js';
import { fail, ok, type Result } from '../shared/result.js';

/** The EPC header that announces an SGTIN-96 (TDS table 14-1). */
export const SGTIN96_HEADER = 0x30;

/** One row of the SGTIN partition table (TDS table 14-2): bit and digit widths per partition. */
interface PartitionRow {
  companyBits: number;
  companyDigits: number;
  itemBits: number;
  itemDigits: number;
}

/** Partition value 0..6 → widths; company prefix + item reference is always 44 bits, 13 digits. */
const PARTITIONS: readonly PartitionRow[] = [
  { companyBits: 40, companyDigits: 12, itemBits: 4, itemDigits: 1 },
  { companyBits: 37, companyDigits: 11, itemBits: 7, itemDigits: 2 },
  { companyBits: 34, companyDigits: 10, itemBits: 10, itemDigits: 3 },
  { companyBits: 30, companyDigits: 9, itemBits: 14, itemDigits: 4 },
  { companyBits: 27, companyDigits: 8, itemBits: 17, itemDigits: 5 },
  { companyBits: 24, companyDigits: 7, itemBits: 20, itemDigits: 6 },
  { companyBits: 20, companyDigits: 6, itemBits: 24, itemDigits: 7 },
];

/** SGTIN-96 serials are 38-bit integers (no leading zeros in the URI form). */
const MAX_SERIAL = (1n << 38n) - 1n;

/** A decoded tag: what the GS1 pure-identity URI says, and the GTIN-14 it stands for. */
export interface Sgtin {
  /** 0–7: point of sale, full case, pallet… (TDS §10.1); not part of the identity. */
  filter: number;
  companyPrefix: string;
  /** Indicator digit followed by the item reference, as in the URI. */
  itemReference: string;
  serial: string;
  gtin: string;
  /** `urn:epc:id:sgtin:CompanyPrefix.ItemRefAndIndicator.Serial` */
  uri: string;
}

/** Normalizes an EPC as readers report it: hex digits, upper case, spaces and 0x removed. */
export function normalizeEpcHex(raw: string): string {
  return raw.trim().replace(/^0x/i, '').replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Decodes a 24-hex-digit SGTIN-96. Refuses: not 24 hex digits (`RFID.INVALID_EPC`), another
 * EPC scheme such as SSCC-96 or GRAI-96 (`RFID.NOT_SGTIN96`), partition 7
 * (`RFID.INVALID_PARTITION`), and a field wider than its digits allow (`RFID.INVALID_FIELD`).
 */
export function decodeSgtin96(raw: string): Result<Sgtin> {
  const hex = normalizeEpcHex(raw);
  if (!/^[0-9A-F]{24}$/.test(hex))
    return fail('RFID.INVALID_EPC', 'An EPC-96 is 24 hexadecimal digits', { epc: raw });
  const bits = BigInt(`0x${hex}`);
  const field = (offset: number, width: number) =>
    (bits >> BigInt(96 - offset - width)) & ((1n << BigInt(width)) - 1n);
  const header = Number(field(0, 8));
  if (header !== SGTIN96_HEADER)
    return fail('RFID.NOT_SGTIN96', `EPC header 0x${hex.slice(0, 2)} is not SGTIN-96 (0x30)`, {
      epc: hex,
      header: hex.slice(0, 2),
    });
  const filter = Number(field(8, 3));
  const partition = Number(field(11, 3));
  const row = PARTITIONS[partition];
  if (!row)
    return fail('RFID.INVALID_PARTITION', `Partition ${partition} is not defined for SGTIN`, {
      epc: hex,
    });
  const company = field(14, row.companyBits);
  const item = field(14 + row.companyBits, row.itemBits);
  const serial = field(58, 38);
  if (company >= 10n ** BigInt(row.companyDigits) || item >= 10n ** BigInt(row.itemDigits))
    return fail('RFID.INVALID_FIELD', 'Company prefix or item reference exceeds its digits', {
      epc: hex,
    });
  const companyPrefix = company.toString().padStart(row.companyDigits, '0');
  const itemReference = item.toString().padStart(row.itemDigits, '0');
  return ok({
    filter,
    companyPrefix,
    itemReference,
    serial: serial.toString(),
    gtin: gtinOf(companyPrefix, itemReference),
    uri: `urn:epc:id:sgtin:${companyPrefix}.${itemReference}.${serial}`,
  });
}

/** GTIN-14: indicator digit, company prefix, rest of the item reference, check digit. */
function gtinOf(companyPrefix: string, itemReference: string): string {
  const body = itemReference[0] + companyPrefix + itemReference.slice(1);
  return body + String(gtinCheckDigit(body));
}

/** What `encodeSgtin96` needs: the URI fields and the filter. */
export interface SgtinFields {
  filter: number;
  companyPrefix: string;
  itemReference: string;
  serial: string;
}

/**
 * The 24-hex-digit SGTIN-96 for the given fields: the inverse of `decodeSgtin96`, used by
 * tests and by tools that print tags. Throws on impossible input (a programming error).
 */
export function encodeSgtin96(fields: SgtinFields): string {
  const partition = PARTITIONS.findIndex((p) => p.companyDigits === fields.companyPrefix.length);
  const row = PARTITIONS[partition];
  if (!row || fields.itemReference.length !== row.itemDigits)
    throw new Error('Company prefix + item reference must be 13 digits, prefix 6–12');
  if (!/^\d+$/.test(fields.companyPrefix + fields.itemReference + fields.serial))
    throw new Error('SGTIN fields are digits');
  const serial = BigInt(fields.serial);
  if (serial > MAX_SERIAL) throw new Error('An SGTIN-96 serial fits in 38 bits');
  if (fields.filter < 0 || fields.filter > 7) throw new Error('Filter is 0–7');
  let bits = BigInt(SGTIN96_HEADER);
  bits = (bits << 3n) | BigInt(fields.filter);
  bits = (bits << 3n) | BigInt(partition);
  bits = (bits << BigInt(row.companyBits)) | BigInt(fields.companyPrefix);
  bits = (bits << BigInt(row.itemBits)) | BigInt(fields.itemReference);
  bits = (bits << 38n) | serial;
  return bits.toString(16).toUpperCase().padStart(24, '0');
}
