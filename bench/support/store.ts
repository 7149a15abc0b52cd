import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type DialectName } from '../../src/adapters/db/database.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';

/** Where the PostgreSQL benchmarks run (a throwaway schema is made and dropped in it). */
export const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

/** The application name of the benches' PostgreSQL connections. */
export const APPLICATION_NAME = `stockline-bench-${process.pid}`;

export interface BenchStore {
  database: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated store of its own, opened with production settings: a new SQLite file or a new PostgreSQL schema. */
export async function freshStore(dialect: DialectName): Promise<BenchStore> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-bench-'));
    const database = openDatabase({ url: path.join(dir, 'stockline.db') });
    await migrateToLatest(database);
    return {
      database,
      async drop() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(`create schema ${schema}`);
  // Named, so a bench can find its own server backends (and their CPU) in pg_stat_activity.
  const url = new URL(PG_URL);
  url.searchParams.set('application_name', APPLICATION_NAME);
  const database = openDatabase({ url: url.toString(), schema });
  await migrateToLatest(database);
  return {
    database,
    async drop() {
      await database.close();
      await adminQuery(`drop schema if exists ${schema} cascade`);
    },
  };
}

/** Runs `work` on a fresh store and always drops the store afterwards. */
export async function withStore<T>(
  dialect: DialectName,
  work: (store: BenchStore) => Promise<T>,
): Promise<T> {
  const store = await freshStore(dialect);
  try {
    return await work(store);
  } finally {
    await store.drop();
  }
}

/** The server version, or undefined when PostgreSQL cannot be reached (the pg metrics are then skipped). */
export async function postgresVersion(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('show server_version');
    return result.rows[0]?.server_version;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
