import { run, type Database, type Tx } from '../../adapters/db/database.js';
import { FailureError, fail, type Failure, type Result } from '../../core/shared/result.js';

/**
 * Where a catalog use case runs: the whole store (it opens its own transaction) or a
 * transaction the caller already holds (an idempotent route, a bulk import), so one command
 * stays one transaction either way.
 */
export type Store = Database | Tx;

/** True for the store itself, false for a transaction or a plain query builder. */
export function isDatabase(store: Store): store is Database {
  return typeof (store as Partial<Database>).write === 'function' && 'writer' in store;
}

/** The query builder to read through: the store's reader, or the caller's transaction. */
export function readerOf(store: Store): Tx {
  return isDatabase(store) ? store.db : store;
}

/**
 * Runs a unit of work and returns its expected failure as a value. On the store it is a new
 * transaction, rolled back on failure; on a caller's transaction the caller decides (use
 * cases check everything before their first write, so a failure has written nothing).
 * A unique-constraint race lost on the store is turned into a failure by `conflictOf`.
 */
export async function inUnit<T>(
  store: Store,
  work: (trx: Tx) => Promise<T>,
  conflictOf: (error: unknown) => Failure | undefined = () => undefined,
): Promise<Result<T>> {
  if (isDatabase(store)) {
    try {
      return await run(store, work);
    } catch (error) {
      const conflict = conflictOf(error);
      if (conflict) return fail(conflict.code, conflict.message, conflict.details);
      throw error;
    }
  }
  try {
    return { ok: true, value: await work(store) };
  } catch (error) {
    if (error instanceof FailureError) {
      return fail(error.failure.code, error.failure.message, error.failure.details);
    }
    throw error;
  }
}
