import { CompiledQuery } from 'kysely';
import { isPostgres, type Tx } from './database.js';
import { preparedOnPostgres } from './pg-prepared.js';

/**
 * A hot-path statement written once per dialect as plain SQL with `?` placeholders (numbered
 * `$n` for PostgreSQL by `fixedSql`). It is never built or compiled per call: SQLite runs it
 * from the connection's prepared-statement cache, PostgreSQL as a named prepared statement.
 * Lists travel as one JSON parameter (`json_each` / `jsonb_to_recordset`), so the text stays
 * the same whatever the number of rows.
 */
export interface FixedSql {
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}

/** Declares a fixed statement; `postgres` defaults to the SQLite text with numbered placeholders. */
export function fixedSql(name: string, sqlite: string, postgres?: string): FixedSql {
  const pgText = postgres ?? numbered(sqlite);
  preparedOnPostgres(pgText);
  return { name, sqlite, postgres: pgText };
}

/** Runs a fixed statement in the caller's transaction; returns its rows (RETURNING included). */
export async function runSql<R>(trx: Tx, statement: FixedSql, parameters: unknown[]): Promise<R[]> {
  const text = isPostgres(trx) ? statement.postgres : statement.sqlite;
  const result = await trx.executeQuery<R>(CompiledQuery.raw(text, parameters));
  return result.rows as R[];
}

function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
