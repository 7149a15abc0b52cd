import { AsyncLocalStorage } from 'node:async_hooks';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Tables } from './schema.js';
import type { Tx } from './database.js';
import type { WalSync } from './sqlite-wal-sync.js';

interface Unit {
  work: (trx: Tx) => Promise<unknown>;
  /** Submitted inside `withoutSync`: may be acknowledged without a WAL sync. */
  bulk: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const MAX_BATCH = 1024;
/** Set while bulk work (that can be redone) submits its units: see `withoutSync`. */
const bulkWork = new AsyncLocalStorage<boolean>();
/**
 * Savepoints of succeeded units stay open until GROUP of them are released together (SQLite
 * checks every open savepoint on each page it writes, so an unbounded stack would cost more per
 * unit the larger the batch): the first unit of a group opens `grp`, the others `unit`.
 */
const GROUP = 16;
const SAVEPOINT = {
  first: CompiledQuery.raw('savepoint grp'),
  next: CompiledQuery.raw('savepoint unit'),
};
const ROLLBACK_TO = {
  first: CompiledQuery.raw('rollback to grp'),
  next: CompiledQuery.raw('rollback to unit'),
};
const RELEASE_GROUP = CompiledQuery.raw('release grp');

/**
 * Group commit for SQLite. Units of work that arrive while a batch runs or syncs are run
 * together in the next transaction, each inside its own savepoint: a unit that fails rolls back
 * only itself. Nobody hears "done" before the batch's WAL frames are on disk: the COMMIT writes
 * them (synchronous = NORMAL, no fsync on the event loop) and `WalSync` then fdatasyncs the WAL
 * on libuv's thread pool. While that sync runs, requests keep being read and the next batch is
 * already running; syncs are chained, so a later batch is never acknowledged before an earlier
 * one is durable. The durability is that of synchronous = FULL, at one off-thread fsync per batch.
 */
export class SqliteGroupWriter {
  #queue: Unit[] = [];
  #draining: Promise<void> | undefined;
  #running = false;
  /** The last batch's acknowledgement: settled once its WAL sync returned. */
  #acknowledged: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly walSync: WalSync,
    /** Called after each commit (the WAL checkpointer starts on it). */
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  submit<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        work,
        bulk: bulkWork.getStore() === true,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (!this.#running) {
        this.#running = true;
        this.#draining = this.#drain();
      }
    });
  }

  /** Runs `work` with its units acknowledged without a WAL sync (see Database.withoutCommitFsync). */
  withoutSync<T>(work: () => Promise<T>): Promise<T> {
    return bulkWork.run(true, work);
  }

  /** Resolves when no unit is queued or running and every batch so far is acknowledged. */
  async drained(): Promise<void> {
    while (this.#running) await this.#draining;
    await this.#acknowledged;
  }

  async #drain(): Promise<void> {
    // Let the callers of this tick (and the requests already read) join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      const syncedBefore = this.#acknowledged;
      await this.#runBatch(batch);
      // At most one batch syncs while the next runs: wait for the sync before this batch's, so
      // what arrives meanwhile gathers into the next batch (one sync for many, not one each).
      await syncedBefore;
      // Read what arrived meanwhile before the next batch: it joins that batch.
      if (this.#queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
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
    for (const [i, unit] of batch.entries()) {
      const first = i % GROUP === 0;
      outcomes.push(await runUnit(trx, unit, first));
      if (i % GROUP === GROUP - 1 || i === batch.length - 1) await trx.executeQuery(RELEASE_GROUP);
    }
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
    this.afterCommit();
    // Not awaited: the next batch runs while this one's frames reach the disk.
    const durable = batch.some((unit) => !unit.bulk);
    this.#acknowledged = this.#acknowledged
      .then(() => (durable ? this.walSync.sync() : undefined))
      .then(
        () => settle(batch, outcomes),
        (error: unknown) => {
          for (const unit of batch) unit.reject(error);
        },
      );
  }
}

function settle(batch: readonly Unit[], outcomes: readonly Outcome[]) {
  batch.forEach((unit, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) unit.resolve(outcome.value);
    else unit.reject(outcome.error);
  });
}

/**
 * A unit in its own savepoint. A unit that succeeds leaves its savepoint on the stack until its
 * group is released (a RELEASE per unit would be one more statement per order); one that fails
 * rolls back to its own — the most recent of that name — and nothing else.
 */
async function runUnit(trx: Tx, unit: Unit, first: boolean): Promise<Outcome> {
  await trx.executeQuery(first ? SAVEPOINT.first : SAVEPOINT.next);
  try {
    const value = await unit.work(trx);
    return { ok: true, value };
  } catch (error) {
    await trx.executeQuery(first ? ROLLBACK_TO.first : ROLLBACK_TO.next);
    return { ok: false, error };
  }
}
