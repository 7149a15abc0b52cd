import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the checkpointer copies committed WAL frames into the database file. */
const EVERY_MS = 200;

/**
 * The worker's whole program (CommonJS, run with `eval`, so it needs no build step or loader):
 * its own connection checkpoints in PASSIVE mode — it never waits for or blocks the writer —
 * and syncs the WAL and the database file on this thread, not on the event loop.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

/**
 * Checkpoints the WAL from a worker thread. SQLite's automatic checkpoint runs inside the COMMIT
 * that crosses 1,000 WAL pages, copying pages and syncing the database file on the event loop,
 * which then answers no request for that long; the writer turns it off (`wal_autocheckpoint = 0`)
 * and this thread does the same work beside it.
 */
export class SqliteCheckpointer {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(PROGRAM, {
      eval: true,
      workerData: { file, driver, everyMs: EVERY_MS },
    });
    this.#worker.unref();
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
  }

  /** A last checkpoint, then the thread ends. */
  async close(): Promise<void> {
    // Held while it closes: an unref'ed thread would let the process end under the caller.
    this.#worker.ref();
    this.#worker.postMessage('close');
    await this.#exited;
  }
}
