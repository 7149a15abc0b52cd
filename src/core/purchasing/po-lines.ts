import { fail, ok, type Result } from '../shared/result.js';

/** A PO line as the buyer asks for it. */
export interface PoLineRequest {
  skuId: number;
  /** Base units. */
  quantity: number;
  unitCostMinor?: number | undefined;
  /** YYYY-MM-DD, when this line is due on another day than the PO. */
  expectedDate?: string | undefined;
}

/** Most lines on one PO: beyond this the supplier's EDI and our screens suffer. */
export const MAX_PO_LINES = 500;

const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Checks a date the buyer typed: a real calendar day. */
export function checkDate(field: string, value: string | null | undefined): Result<true> {
  return value == null || isDate(value)
    ? ok(true)
    : fail('PURCHASING.INVALID_DATE', `${field} must be a date (YYYY-MM-DD)`, { field });
}

/**
 * Lines of a PO: at least one, each a positive whole quantity of a SKU that appears once
 * (two lines of one SKU would make receipts ambiguous), with a cost ≥ 0 and a real date.
 */
export function checkPoLines(lines: readonly PoLineRequest[]): Result<true> {
  if (lines.length === 0) return fail('PURCHASING.NO_LINES', 'A PO needs at least one line');
  if (lines.length > MAX_PO_LINES)
    return fail('PURCHASING.TOO_MANY_LINES', `A PO holds at most ${MAX_PO_LINES} lines`);
  const seen = new Set<number>();
  for (const [i, line] of lines.entries()) {
    const lineNumber = i + 1;
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0)
      return fail(
        'PURCHASING.BAD_QUANTITY',
        `Line ${lineNumber}: quantity must be a positive integer`,
        {
          lineNumber,
        },
      );
    if (
      line.unitCostMinor !== undefined &&
      !(Number.isSafeInteger(line.unitCostMinor) && line.unitCostMinor >= 0)
    )
      return fail(
        'PURCHASING.INVALID_COST',
        `Line ${lineNumber}: cost must be whole minor units ≥ 0`,
        {
          lineNumber,
        },
      );
    if (seen.has(line.skuId))
      return fail(
        'PURCHASING.REPEATED_SKU',
        `Line ${lineNumber}: SKU ${line.skuId} is on another line`,
        {
          lineNumber,
          skuId: line.skuId,
        },
      );
    seen.add(line.skuId);
    const date = checkDate(`Line ${lineNumber} expectedDate`, line.expectedDate);
    if (!date.ok) return date;
  }
  return ok(true);
}
