import { sql, type Kysely } from 'kysely';
import type { Tables } from './schema.js';
import type { Tx } from './database.js';

interface Unit {
  work: (trx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const MAX_BATCH = 512;

/**
 * Group commit for SQLite. Units of work that arrive while a commit is in flight are run
 * together in the next transaction, each inside its own savepoint: a unit that fails rolls
 * back only itself. Nobody hears "done" before the shared COMMIT (synchronous=FULL) returns,
 * so durability is that of one transaction per unit, at one fsync per batch.
 */
export class SqliteGroupWriter {
  #queue: Unit[] = [];
  #draining: Promise<void> | undefined;
  #running = false;

  constructor(private readonly db: Kysely<Tables>) {}

  submit<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#running) {
        this.#running = true;
        this.#draining = this.#drain();
      }
    });
  }

  async drained(): Promise<void> {
    while (this.#running) await this.#draining;
  }

  async #drain(): Promise<void> {
    // Let the callers of this tick join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      await this.#runBatch(batch);
    }
    // Same synchronous step as the emptiness check: a unit submitted after this starts a new drain.
    this.#running = false;
  }

  async #runBatch(batch: Unit[]): Promise<void> {
    let trx;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (error) {
      for (const unit of batch) unit.reject(error);
      return;
    }
    const outcomes: Outcome[] = [];
    for (const unit of batch) outcomes.push(await runUnit(trx, unit));
    try {
      await trx.commit().execute();
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const unit of batch) unit.reject(error);
      return;
    }
    batch.forEach((unit, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }
}

async function runUnit(trx: Tx, unit: Unit): Promise<Outcome> {
  await sql`savepoint unit`.execute(trx);
  try {
    const value = await unit.work(trx);
    await sql`release unit`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql`rollback to unit`.execute(trx);
    await sql`release unit`.execute(trx);
    return { ok: false, error };
  }
}
