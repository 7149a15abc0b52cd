import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, type Transaction } from 'kysely';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { FailureError, fail, ok, type Result } from '../../core/shared/result.js';
import { preparingPool } from './pg-prepared.js';
import { StatementCounter, type StoreStats } from './store-stats.js';
import { SqliteGroupWriter } from './sqlite-group-writer.js';
import { SqliteCheckpointer } from './sqlite-checkpointer.js';
import { StocklineSqliteDialect } from './sqlite-dialect.js';
import { WalSync } from './sqlite-wal-sync.js';
import type { Tables } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';
export type Tx = Transaction<Tables> | Kysely<Tables>;

/**
 * The store: reads through `db`, writes through `write`, which runs a unit of work in one
 * transaction. On SQLite concurrent units are group-committed (one fsync for many); on
 * PostgreSQL each unit is its own transaction, retried on serialization failure or deadlock
 * so that neither ever reaches a client.
 */
export interface Database {
  readonly dialect: DialectName;
  /** PostgreSQL schema this store works in, when not the default search path. */
  readonly schema?: string | undefined;
  readonly db: Kysely<Tables>;
  /** The write connection itself, for migrations and bulk loads only (bypasses group commit). */
  readonly writer: Kysely<Tables>;
  write<T>(work: (trx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `work` without waiting for the disk at its commits (SQLite: its units skip the WAL
   * sync; the WAL stays consistent, but a power cut may lose the last of them). Only for bulk
   * work that can be redone, like the demo's simulated history. Other writes meanwhile (requests
   * the server answers) stay durable: a batch is synced if any unit in it is not bulk work.
   * PostgreSQL: it just runs.
   */
  withoutCommitFsync<T>(work: () => Promise<T>): Promise<T>;
  /** Statements (round trips on PostgreSQL) and commit syncs so far: see StoreStats. */
  stats(): StoreStats;
  close(): Promise<void>;
}

/** Runs a unit of work and turns an expected failure (thrown as FailureError to roll back) into a value. */
export async function run<T>(
  database: Database,
  work: (trx: Tx) => Promise<T>,
): Promise<Result<T>> {
  try {
    return ok(await database.write(work));
  } catch (error) {
    if (error instanceof FailureError)
      return fail(error.failure.code, error.failure.message, error.failure.details);
    throw error;
  }
}

export interface OpenOptions {
  /** `postgres://…` or a SQLite file path (`sqlite:///abs/path.db`, `file:…` or a plain path). */
  url: string;
  /** PostgreSQL schema to work in (also read from `?schema=` in the URL). */
  schema?: string;
  poolSize?: number;
}

export function openDatabase(options: OpenOptions): Database {
  return options.url.startsWith('postgres')
    ? openPostgres(options)
    : openSqlite(sqlitePath(options.url));
}

export function sqlitePath(url: string): string {
  return url.replace(/^sqlite:\/\//, '').replace(/^file:/, '');
}

function openSqlite(file: string): Database {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const writer = new BetterSqlite3(file);
  writer.pragma('journal_mode = WAL');
  // Commits write the WAL without an fsync on the event loop; WalSync makes each group-committed
  // batch durable (fdatasync off the event loop) before anyone hears "done": see sqlite-group-writer.
  writer.pragma('synchronous = NORMAL');
  // Savepoints' statement journals stay in memory (a unit's journal would otherwise spill to a
  // temporary file on every order).
  writer.pragma('temp_store = MEMORY');
  // Checkpoints run on a worker thread (SqliteCheckpointer), not inside a request's COMMIT.
  writer.pragma('wal_autocheckpoint = 0');
  writer.pragma('busy_timeout = 10000');
  writer.pragma('foreign_keys = ON');
  const reader = new BetterSqlite3(file, { readonly: false });
  reader.pragma('busy_timeout = 10000');
  reader.pragma('query_only = ON');
  // Reports and availability look-ups read across the whole balance table: give reads a real cache.
  for (const connection of [writer, reader]) {
    connection.pragma('cache_size = -65536');
    connection.pragma('mmap_size = 268435456');
  }
  const counter = new StatementCounter();
  const writeDb = new Kysely<Tables>({ dialect: new StocklineSqliteDialect(writer, counter) });
  const readDb = new Kysely<Tables>({ dialect: new StocklineSqliteDialect(reader, counter) });
  const walSync = new WalSync(writer.name);
  const checkpointer = new SqliteCheckpointer(writer.name);
  const group = new SqliteGroupWriter(writeDb, walSync, () => checkpointer.wake());
  return {
    dialect: 'sqlite',
    db: readDb,
    writer: writeDb,
    write: (work) => group.submit(work),
    stats: () => ({ statements: counter.count, commitSyncs: walSync.count }),
    withoutCommitFsync: (work) => group.withoutSync(work),
    async close() {
      await group.drained();
      await walSync.close();
      await checkpointer.close();
      await readDb.destroy();
      await writeDb.destroy();
      // Kysely destroys only a driver it has used: a store closed without a single read kept its
      // reader open, so the writer was not the last connection and the WAL stayed behind, for
      // the next process to find and checkpoint (a bulk load's WAL started a server's
      // checkpointer thread, ~12 MB).
      for (const connection of [reader, writer]) if (connection.open) connection.close();
    },
  };
}

/**
 * The pg driver, loaded when a PostgreSQL store is first opened: a SQLite server never holds it
 * (~13 MB resident). Synchronous (pg is CommonJS), so `openDatabase` stays synchronous.
 */
let pgModule: typeof pg | undefined;
function loadPg(): typeof pg {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof pg;
    pgModule.types.setTypeParser(pgModule.types.builtins.INT8, (value) => Number(value));
  }
  return pgModule;
}

const RETRYABLE_PG = new Set(['40001', '40P01']);

function openPostgres(options: OpenOptions): Database {
  const url = new URL(options.url);
  const schema = options.schema ?? url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  const pool = new (loadPg().Pool)({
    connectionString: url.toString(),
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection the server dropped (restart, failover) is discarded by the pool, and the
  // next query opens a new one; without a listener its 'error' event would end the process.
  pool.on('error', () => undefined);
  const counter = new StatementCounter();
  const db = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool: preparingPool(pool, counter) }),
  });
  return {
    dialect: 'postgres',
    schema,
    db,
    writer: db,
    async write(work) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(work);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (!code || !RETRYABLE_PG.has(code) || attempt >= 20) throw error;
          await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
        }
      }
    },
    withoutCommitFsync: (work) => work(),
    stats: () => ({ statements: counter.count, commitSyncs: 0 }),
    close: () => db.destroy(),
  };
}

/** True when an error is a unique-constraint violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * PostgreSQL refused a value the request carried: a number beyond bigint (an id of 1e20) or
 * a NUL byte in text; SQLite compares such values without complaint. Only values sent in: a
 * sum that overflows while computing, or a parameter of the wrong type, is a bug (a 500).
 */
export function isUnstorableValue(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e.code === '22003') return /^value ".*" is out of range for type/.test(e.message ?? '');
  return e.code === '22021' || e.code === '22P05';
}

/** True inside a PostgreSQL unit of work: for the few statements (row locks) only it needs. */
export function isPostgres(trx: Tx): boolean {
  return trx.getExecutor().adapter instanceof PostgresAdapter;
}
