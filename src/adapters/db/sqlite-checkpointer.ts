import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the checkpointer copies committed WAL frames into the database file. */
const EVERY_MS = 200;

/** Ticks with nothing new in the WAL after which the thread ends (started again by a write). */
const IDLE_TICKS = 150;

/**
 * The worker's whole program (CommonJS, run with `eval`, so it needs no build step or loader):
 * its own connection checkpoints in PASSIVE mode — it never waits for or blocks the writer —
 * and syncs the WAL and the database file on this thread, not on the event loop. When the WAL
 * has had nothing new for IDLE_TICKS ticks, it ends: a thread is ~15 MB an idle server need
 * not hold.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
let idle = 0, last = -1;
const checkpoint = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    idle = r.log === r.checkpointed && r.log === last ? idle + 1 : 0;
    last = r.log;
  } catch { idle = 0; }
};
const stop = () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); };
const timer = setInterval(() => { checkpoint(); if (idle >= workerData.idleTicks) stop(); }, workerData.everyMs);
parentPort.on('message', stop);
`;

/**
 * Checkpoints the WAL from a worker thread. SQLite's automatic checkpoint runs inside the COMMIT
 * that crosses 1,000 WAL pages, copying pages and syncing the database file on the event loop,
 * which then answers no request for that long; the writer turns it off (`wal_autocheckpoint = 0`)
 * and this thread does the same work beside it. The thread starts on the first commit that
 * wrote to the WAL (`wake`) and ends after a while with nothing to copy, so an idle server holds
 * no thread; a commit that finds it gone starts it again.
 */
export class SqliteCheckpointer {
  #worker: Worker | undefined;
  #exited: Promise<void> = Promise.resolve();
  /** The WAL's size and time when the thread last ended: unchanged means nothing new to copy. */
  #walSeen = '';
  readonly #driver = createRequire(import.meta.url).resolve('better-sqlite3');

  constructor(
    private readonly file: string,
    private readonly idleTicks = IDLE_TICKS,
  ) {}

  /** Whether the thread runs now. */
  get running(): boolean {
    return this.#worker !== undefined;
  }

  /** After a commit: makes sure the thread runs when the WAL changed since it last ended. */
  wake(): void {
    if (this.#worker || this.#walStamp() === this.#walSeen) return;
    const worker = new Worker(PROGRAM, {
      eval: true,
      workerData: {
        file: this.file,
        driver: this.#driver,
        everyMs: EVERY_MS,
        idleTicks: this.idleTicks,
      },
    });
    worker.unref();
    this.#worker = worker;
    this.#exited = new Promise((resolve) =>
      worker.once('exit', () => {
        this.#worker = undefined;
        this.#walSeen = this.#walStamp();
        resolve();
      }),
    );
  }

  /** A last checkpoint, then the thread ends. */
  async close(): Promise<void> {
    const worker = this.#worker;
    if (worker) {
      // Held while it closes: an unref'ed thread would let the process end under the caller.
      worker.ref();
      worker.postMessage('close');
    }
    await this.#exited;
  }

  #walStamp(): string {
    const stat = fs.statSync(`${this.file}-wal`, { throwIfNoEntry: false });
    // A WAL of no frames (created empty when the store opens) has nothing to copy.
    return stat && stat.size > 0 ? `${stat.size}:${stat.mtimeMs}` : '';
  }
}
