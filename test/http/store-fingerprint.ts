import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../src/adapters/db/database.js';

/** Per table of a store: how many rows it holds and a hash of all of them. */
export type StoreFingerprint = Record<string, { rows: number; hash: string }>;

/**
 * Every row of every table of the store, hashed per table. Two fingerprints differ when any
 * request inserted, updated or deleted anything (the outbox, the ledger, idempotency records,
 * sessions included), which a row count alone would miss for an UPDATE.
 */
export async function storeFingerprint(database: Database): Promise<StoreFingerprint> {
  const tables = (await database.db.introspection.getTables()).filter(
    (t) => !t.isView && (database.schema === undefined || t.schema === database.schema),
  );
  const fingerprint: StoreFingerprint = {};
  for (const { name } of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
      database.db,
    );
    // Row order is not part of the state: sort the serialized rows before hashing.
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    const hash = crypto.createHash('sha256').update(lines.join('\n')).digest('hex');
    fingerprint[name] = { rows: rows.length, hash };
  }
  return fingerprint;
}

/** The tables whose rows differ between two fingerprints, with their row counts. */
export function changedTables(before: StoreFingerprint, after: StoreFingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((n) => before[n]?.hash !== after[n]?.hash)
    .map((n) => `${n}: ${before[n]?.rows ?? 'absent'} → ${after[n]?.rows ?? 'absent'} rows`);
}
