import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { StatementCounter } from './store-stats.js';

/**
 * Kysely's SQLite dialect with two changes that matter for a ledger:
 * write transactions start with BEGIN IMMEDIATE (take the write lock up front, so two
 * processes never deadlock upgrading a read lock), and prepared statements are cached
 * (the built-in driver prepares every query anew).
 */
export class StocklineSqliteDialect implements Dialect {
  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly counter: StatementCounter = new StatementCounter(),
  ) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new CachingSqliteDriver(this.db, this.counter);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}

class CachingSqliteDriver implements Driver {
  readonly #connection: CachingSqliteConnection;
  #held = false;
  /** Callers waiting for the connection, first come first served; each is handed it in turn. */
  readonly #waiting: (() => void)[] = [];

  constructor(db: BetterSqlite3.Database, counter: StatementCounter) {
    this.#connection = new CachingSqliteConnection(db, counter);
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection: callers queue until the previous one releases it. A release hands it to
    // the next in line only (waking every waiter to race for it made 20,000 waiting reads
    // quadratic).
    if (this.#held) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#held = true;
    return this.#connection;
  }
  async releaseConnection() {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
  async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async destroy() {
    this.#connection.close();
  }
}

class CachingSqliteConnection implements DatabaseConnection {
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly counter: StatementCounter,
  ) {}

  close() {
    this.#statements.clear();
    if (this.db.open) this.db.close();
  }

  #prepare(sqlText: string): BetterSqlite3.Statement {
    let statement = this.#statements.get(sqlText);
    if (!statement) {
      statement = this.db.prepare(sqlText);
      // Schema changes (migrations) are rare; bounded cache keeps memory flat for ad-hoc SQL.
      if (this.#statements.size > 2000) this.#statements.clear();
      this.#statements.set(sqlText, statement);
    }
    return statement;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    this.counter.count++;
    const statement = this.#prepare(compiled.sql);
    const parameters = compiled.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used by Stockline');
  }
}
