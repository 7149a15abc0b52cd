/**
 * Expected failures are values, not exceptions: insufficient stock, an illegal transition,
 * a bad GTIN. Each carries a stable code (`AREA.REASON`) that the HTTP edge maps to a status.
 */
export interface Failure {
  readonly code: string;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: string,
  message: string,
  details?: Record<string, unknown>,
): Result<T> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/** Thrown inside a transaction to roll it back while still returning a Failure to the caller. */
export class FailureError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'FailureError';
  }
}

/** Unwraps a result inside a transaction: a failure aborts (and rolls back) the unit of work. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) throw new FailureError(result.error);
  return result.value;
}
