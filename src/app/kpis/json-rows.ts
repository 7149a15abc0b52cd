import type { Tx } from '../../adapters/db/database.js';
import { runSql, type FixedSql } from '../../adapters/db/fixed-sql.js';

/** Rows per statement: each chunk travels as one JSON parameter (no parameter limit to mind). */
const CHUNK = 20_000;

/**
 * Runs a fixed statement that reads its rows from one JSON array of tuples (`jsonb_each(?)` /
 * `jsonb_array_elements($1)`), once per chunk: a refresh writes ~70,000 aggregate rows per
 * quarter-million movements, and building them as query values costs more than writing them.
 * On SQLite, `jsonb_each` hands each tuple over as binary JSON, so taking its fields apart
 * does not parse text again: a third off writing a year's stock days.
 */
export async function writeJsonRows<T>(
  trx: Tx,
  statement: FixedSql,
  rows: readonly T[],
  tuple: (row: T) => unknown[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await runSql(trx, statement, [JSON.stringify(rows.slice(i, i + CHUNK).map(tuple))]);
}
