/**
 * The UCI "Online Retail" file (a UK gift-ware wholesaler's invoice lines, GBP): how each
 * line is understood. One line is one of:
 *  - a sale line of a product (positive quantity on an invoice number of digits);
 *  - a cancellation line (invoice number starting with C, quantity negative): the customer
 *    cancelled or was credited an earlier sale — recorded as cancelled quantity, never as a
 *    negative sale;
 *  - or a rejected line, with a reason: a non-product charge (postage, fees, discounts,
 *    vouchers), a stock adjustment (negative quantity on a sales invoice: damages, losses —
 *    not sales at all), or a malformed cell.
 */
import { decimalToMinor, parseInteger, RowReader, type RawRow, type RowOutcome } from './cells.js';

export const ONLINE_RETAIL_COLUMNS = [
  'InvoiceNo',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'CustomerID',
  'Country',
] as const;

/**
 * Stock codes that are charges on the invoice, not goods: postage (POST, DOT, C2), manual
 * lines (M), discounts (D), samples (S), bad-debt adjustments (B), marketplace and bank
 * fees, charity (CRUK). Gift vouchers (`gift_…`) are money, not stock.
 */
const NON_PRODUCT_CODES = new Set([
  'POST',
  'DOT',
  'C2',
  'M',
  'D',
  'S',
  'B',
  'AMAZONFEE',
  'BANK CHARGES',
  'CRUK',
  'ADJUST',
  'ADJUST2',
]);

export function isNonProductCode(code: string): boolean {
  return NON_PRODUCT_CODES.has(code.toUpperCase()) || /^gift_/i.test(code);
}

/** The countries this file names, as ISO 3166-1 alpha-2. */
const COUNTRY_CODES: Record<string, string> = {
  'United Kingdom': 'GB',
  Germany: 'DE',
  France: 'FR',
  EIRE: 'IE',
  Norway: 'NO',
  Portugal: 'PT',
  Belgium: 'BE',
  Cyprus: 'CY',
  Spain: 'ES',
  Netherlands: 'NL',
  Japan: 'JP',
  Switzerland: 'CH',
  Italy: 'IT',
  Australia: 'AU',
  Lithuania: 'LT',
  Iceland: 'IS',
  Sweden: 'SE',
  Denmark: 'DK',
  'Channel Islands': 'JE',
  Finland: 'FI',
  Austria: 'AT',
  Poland: 'PL',
  Israel: 'IL',
  Bahrain: 'BH',
  Greece: 'GR',
  Singapore: 'SG',
  Lebanon: 'LB',
  'United Arab Emirates': 'AE',
  'Saudi Arabia': 'SA',
  'Czech Republic': 'CZ',
  Canada: 'CA',
  Brazil: 'BR',
  USA: 'US',
  Malta: 'MT',
  RSA: 'ZA',
};

/** A line understood: a sale, or a cancellation of an earlier sale (quantity positive). */
export interface RetailLine {
  kind: 'sale' | 'cancellation';
  invoiceNo: string;
  stockCode: string;
  description: string | undefined;
  /** Eaches sold, or cancelled; always > 0. */
  quantity: number;
  unitPriceMinor: number;
  /** The file's CustomerID without its ".0"; null for a walk-in (cash) sale. */
  customerId: string | null;
  /** ISO alpha-2; GB when the file says "Unspecified" or a name we do not know. */
  country: string;
  /** ISO-8601 UTC; the file's times are UK local, which is UTC in winter. */
  at: string;
}

/** Stable codes of the reasons a line is not imported. */
export const RETAIL_REJECTIONS = {
  nonProduct: 'ONLINE_RETAIL.NON_PRODUCT_CHARGE',
  adjustment: 'ONLINE_RETAIL.STOCK_ADJUSTMENT',
  positiveCancellation: 'ONLINE_RETAIL.CANCELLATION_NOT_NEGATIVE',
  zeroQuantity: 'ONLINE_RETAIL.ZERO_QUANTITY',
} as const;

/** Reads one line of the file into a sale or cancellation, or the reason it is rejected. */
export function retailLine(raw: RawRow, row: number): RowOutcome<RetailLine> {
  const r = new RowReader(raw, row);
  const invoiceNo = r.required('InvoiceNo');
  const stockCode = r.required('StockCode');
  const quantityText = r.required('Quantity');
  const quantity = parseInteger(quantityText);
  if (quantityText && !quantity.ok) r.issue('Quantity', 'IMPORT.INVALID_NUMBER', 'Not whole');
  const price = decimalToMinor(r.required('UnitPrice'));
  if (!price.ok || price.value < 0)
    r.issue('UnitPrice', 'IMPORT.INVALID_MONEY', 'UnitPrice must be an amount ≥ 0');
  const at = isoOf(r.required('InvoiceDate'));
  if (!at) r.issue('InvoiceDate', 'IMPORT.INVALID_DATE', 'InvoiceDate is YYYY-MM-DD HH:MM:SS');
  if (r.issues.length > 0 || !quantity.ok || !price.ok || !at)
    return { ok: false, issues: r.issues };

  const cancellation = invoiceNo.toUpperCase().startsWith('C');
  if (isNonProductCode(stockCode))
    r.issue('StockCode', RETAIL_REJECTIONS.nonProduct, `${stockCode} is a charge, not goods`);
  else if (quantity.value === 0)
    r.issue('Quantity', RETAIL_REJECTIONS.zeroQuantity, 'A line of nothing');
  else if (!cancellation && quantity.value < 0)
    r.issue(
      'Quantity',
      RETAIL_REJECTIONS.adjustment,
      'Negative quantity on a sales invoice: a stock write-off in the source, not a sale',
    );
  else if (cancellation && quantity.value > 0)
    r.issue('Quantity', RETAIL_REJECTIONS.positiveCancellation, 'A cancellation must be negative');
  return r.done({
    kind: cancellation ? 'cancellation' : 'sale',
    invoiceNo,
    stockCode: stockCode.toUpperCase(),
    description: r.optional('Description'),
    quantity: Math.abs(quantity.value),
    unitPriceMinor: price.value,
    customerId: customerIdOf(r.optional('CustomerID')),
    country: COUNTRY_CODES[r.optional('Country') ?? ''] ?? 'GB',
    at,
  });
}

/** "17850.0" → "17850" (the file went through a float column once). */
function customerIdOf(text: string | undefined): string | null {
  if (text === undefined) return null;
  return text.replace(/\.0+$/, '');
}

/** "2010-12-01 08:26:00" (or with a T, or without seconds) → ISO UTC; undefined if not a date. */
function isoOf(text: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}.000Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** The account number a file customer gets; walk-in sales share one account. */
export function retailAccountNumber(customerId: string | null): string {
  return customerId === null ? WALK_IN_ACCOUNT : `OR-${customerId}`;
}

/** The one account for sales without a CustomerID (cash sales at the counter, web guests). */
export const WALK_IN_ACCOUNT = 'OR-WALK-IN';
