import { isUniqueViolation } from '../../adapters/db/database.js';
import { FailureError } from '../../core/shared/result.js';

/** The warehouse a request names does not exist (404). */
export function warehouseNotFound(warehouseId: number): FailureError {
  return new FailureError({
    code: 'WAREHOUSE.NOT_FOUND',
    message: `No warehouse ${warehouseId}`,
    details: { warehouseId },
  });
}

/** The location a request names does not exist (404). */
export function locationNotFound(what: string): FailureError {
  return new FailureError({ code: 'WAREHOUSE.LOCATION_NOT_FOUND', message: `No location ${what}` });
}

/** A location code (per warehouse) or barcode (everywhere) is already taken (409). */
export function locationAlreadyExists(
  message: string,
  details?: Record<string, unknown>,
): FailureError {
  return new FailureError({
    code: 'WAREHOUSE.LOCATION_ALREADY_EXISTS',
    message,
    ...(details ? { details } : {}),
  });
}

/**
 * Runs an insert; a unique-constraint violation becomes an expected failure. The use cases
 * check first for a helpful message, but two requests can race past that check, and on
 * PostgreSQL the violation has already aborted the transaction, so the unit must end here.
 */
export async function insertOr<T>(
  insert: () => Promise<T>,
  onDuplicate: () => FailureError,
): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw onDuplicate();
    throw error;
  }
}
