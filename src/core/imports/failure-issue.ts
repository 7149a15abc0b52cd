import type { Failure } from '../shared/result.js';
import type { RowIssue } from './cells.js';

/**
 * A domain refusal (from a validator or a use case) as a row issue: the code and message are
 * the domain's own, the column is found from `details.field` or the code through `columnOf`.
 */
export function failureIssue(
  failure: Failure,
  row: number,
  columnOf: Readonly<Record<string, string>> = {},
): RowIssue {
  const field = failure.details?.['field'];
  const column =
    (typeof field === 'string'
      ? (columnOf[field] ?? columnOf[failure.code] ?? field)
      : undefined) ??
    columnOf[failure.code] ??
    null;
  return { row, column, code: failure.code, message: failure.message };
}
