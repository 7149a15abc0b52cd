/**
 * Reading the cells of an imported row: spreadsheets and CSV exports send numbers as text,
 * with thousands separators, blank cells as '' and money as decimals. These helpers turn a
 * cell into a value or a `RowIssue` naming the column, so the report says where to look.
 */
import { fail, ok, type Result } from '../shared/result.js';

/** One raw row as the reader gives it: header → cell text. */
export type RawRow = Readonly<Record<string, string | undefined>>;

/** A problem in one row of a file: 1-based data row (header excluded), column, code, message. */
export interface RowIssue {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

/** A row that maps, or the issues that keep it out. */
export type RowOutcome<T> = { ok: true; value: T } | { ok: false; issues: RowIssue[] };

/** Collects issues while a row is read, so one report lists every bad cell of the row. */
export class RowReader {
  readonly issues: RowIssue[] = [];
  constructor(
    readonly raw: RawRow,
    readonly row: number,
  ) {}

  issue(column: string | null, code: string, message: string): void {
    this.issues.push({ row: this.row, column, code, message });
  }

  /** Trimmed text, or undefined when blank. */
  optional(column: string): string | undefined {
    const value = this.raw[column]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  required(column: string): string {
    const value = this.optional(column);
    if (value === undefined) this.issue(column, 'IMPORT.REQUIRED', `${column} is required`);
    return value ?? '';
  }

  /** A whole number (thousands separators allowed); undefined when blank. */
  integer(column: string, min = Number.MIN_SAFE_INTEGER): number | undefined {
    const text = this.optional(column);
    if (text === undefined) return undefined;
    const parsed = parseInteger(text);
    if (!parsed.ok || parsed.value < min) {
      this.issue(column, 'IMPORT.INVALID_NUMBER', `${column} must be a whole number ≥ ${min}`);
      return undefined;
    }
    return parsed.value;
  }

  /** Money as integer minor units from a decimal ("2.55" → 255); undefined when blank. */
  money(column: string, min = 0): number | undefined {
    const text = this.optional(column);
    if (text === undefined) return undefined;
    const parsed = decimalToMinor(text);
    if (!parsed.ok || parsed.value < min) {
      this.issue(column, 'IMPORT.INVALID_MONEY', `${column} must be an amount ≥ ${min / 100}`);
      return undefined;
    }
    return parsed.value;
  }

  /** Yes/no cells: 1/0, true/false, yes/no, y/n; `fallback` when blank. */
  flag(column: string, fallback: boolean): boolean {
    const text = this.optional(column)?.toLowerCase();
    if (text === undefined) return fallback;
    if (['1', 'true', 'yes', 'y'].includes(text)) return true;
    if (['0', 'false', 'no', 'n'].includes(text)) return false;
    this.issue(column, 'IMPORT.INVALID_FLAG', `${column} must be yes or no`);
    return fallback;
  }

  done<T>(value: T): RowOutcome<T> {
    return this.issues.length > 0 ? { ok: false, issues: this.issues } : { ok: true, value };
  }
}

/** Whole numbers as spreadsheets write them: "1,200", "12", "-3", "12.0". */
export function parseInteger(text: string): Result<number> {
  const clean = text.replace(/,/g, '').replace(/\.0+$/, '');
  if (!/^-?\d{1,15}$/.test(clean)) return fail('IMPORT.INVALID_NUMBER', `"${text}" is not whole`);
  return ok(Number(clean));
}

/**
 * A decimal amount in major units to integer minor units without going through a float
 * ("0.1" + "0.2" stays exact). More than two decimals round half away from zero.
 */
export function decimalToMinor(text: string): Result<number> {
  const match = /^(-)?(\d{1,13})(?:\.(\d*))?$/.exec(text.replace(/,/g, '').trim());
  if (!match) return fail('IMPORT.INVALID_MONEY', `"${text}" is not an amount`);
  const [, sign, whole, fraction = ''] = match;
  const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  const roundUp = (fraction[2] ?? '0') >= '5' ? 1 : 0;
  const value = cents + roundUp;
  return ok(sign && value !== 0 ? -value : value);
}

/** Minor units back to the decimal text an export writes (255 → "2.55"). */
export function minorToDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
