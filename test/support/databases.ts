import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type DialectName } from '../../src/adapters/db/database.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';

/** The dialects this run tests: both, unless PostgreSQL was found missing outside CI. */
export const dialects: DialectName[] =
  process.env.STOCKLINE_TEST_PG === '0' ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestStore {
  database: Database;
  /** A URL another process can open to reach the same store. */
  url: string;
  schema?: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated store of its own: a new SQLite file, or a new PostgreSQL schema — on the
 * shared test server, or on `postgresUrl` (a drill's throwaway cluster).
 */
export async function freshStore(dialect: DialectName, postgresUrl?: string): Promise<TestStore> {
  return dialect === 'sqlite' ? freshSqlite() : freshPostgres(postgresUrl);
}

async function freshSqlite(): Promise<TestStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-test-'));
  const url = path.join(dir, 'stockline.db');
  const database = openDatabase({ url });
  await migrateToLatest(database);
  return {
    database,
    url,
    async drop() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freshPostgres(postgresUrl?: string): Promise<TestStore> {
  const base =
    postgresUrl ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(base, `create schema ${schema}`);
  const database = openDatabase({ url: base, schema });
  await migrateToLatest(database);
  return {
    database,
    url: `${base}?schema=${schema}`,
    schema,
    async drop() {
      await database.close();
      await adminQuery(base, `drop schema if exists ${schema} cascade`);
    },
  };
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
