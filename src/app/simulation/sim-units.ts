import type { Database, Tx } from '../../adapters/db/database.js';
import { FailureError } from '../../core/shared/result.js';

/** How many units go to the SQLite group writer at once (it commits up to 512 together). */
const BATCH = 256;

/** What one unit did: its value, or the code of the expected failure that rolled it back. */
export type UnitOutcome<T> = { ok: true; value: T } | { ok: false; code: string };

/**
 * Runs one unit of work per item, each its own transaction, in the items' order. On SQLite
 * the units of a batch are queued together, so the group writer commits them with one fsync
 * (each still in its own savepoint: a refusal rolls back only its unit); the writer runs them
 * one after another in queue order, so the outcome is the same as one by one. On PostgreSQL
 * they run one by one, since concurrent units could commit in any order and the simulation
 * must be deterministic. Expected failures come back as codes; anything else is a bug and throws.
 */
export async function runUnits<I, T>(
  database: Database,
  items: readonly I[],
  work: (trx: Tx, item: I, index: number) => Promise<T>,
): Promise<UnitOutcome<T>[]> {
  const outcomes: UnitOutcome<T>[] = [];
  const size = database.dialect === 'sqlite' ? BATCH : 1;
  for (let start = 0; start < items.length; start += size) {
    const slice = items.slice(start, start + size);
    const settled = await Promise.allSettled(
      slice.map((item, i) => database.write((trx) => work(trx, item, start + i))),
    );
    for (const result of settled) {
      if (result.status === 'fulfilled') outcomes.push({ ok: true, value: result.value });
      else if (result.reason instanceof FailureError)
        outcomes.push({ ok: false, code: result.reason.failure.code });
      else throw result.reason;
    }
  }
  return outcomes;
}

/** Runs one unit, turning an expected failure into its code. */
export async function runUnit<T>(
  database: Database,
  work: (trx: Tx) => Promise<T>,
): Promise<UnitOutcome<T>> {
  return (await runUnits(database, [0], (trx) => work(trx)))[0]!;
}
