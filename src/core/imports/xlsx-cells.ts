/**
 * How an exported value goes into a spreadsheet cell. CSV stays text (so export → edit →
 * import round-trips exactly); in XLSX, money is a number with a two-place format (Excel sums
 * it) and dates are real dates, so a buyer can filter and total the sheet as it is.
 */
export interface XlsxCell {
  readonly value: string | number | boolean | Date | null;
  /** Excel number format, when the cell needs one. */
  readonly numFmt?: string;
}

/** Money columns of the exports, written as decimals (`12.5`) in CSV. */
const MONEY = /(^|_)(price|cost|amount|total|credit_limit|min_order_value)$/;
/** Business-date columns (`YYYY-MM-DD`). */
const DATE = /(_date|^valid_from|^valid_to)$/;
/** Instant columns (ISO-8601 UTC). */
const INSTANT = /_at$/;

export const MONEY_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const INSTANT_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** The XLSX cell for `value` in `column`; anything it does not recognise stays as it is. */
export function xlsxCell(
  column: string,
  value: string | number | boolean | null | undefined,
): XlsxCell {
  if (value === undefined || value === null || value === '') return { value: null };
  if (typeof value !== 'string') return { value };
  if (MONEY.test(column) && /^-?\d+(\.\d+)?$/.test(value))
    return { value: Number(value), numFmt: MONEY_FORMAT };
  if (DATE.test(column) && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return { value: new Date(`${value}T00:00:00Z`), numFmt: DATE_FORMAT };
  if (INSTANT.test(column) && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value))
    return { value: new Date(value), numFmt: INSTANT_FORMAT };
  return { value };
}
