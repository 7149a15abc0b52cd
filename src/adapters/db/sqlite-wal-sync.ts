import fs from 'node:fs';
import { promisify } from 'node:util';

const open = promisify(fs.open);
const fdatasync = promisify(fs.fdatasync);
const close = promisify(fs.close);

/**
 * Makes committed WAL frames durable without blocking the event loop. The writer connection
 * runs at synchronous = NORMAL, where a COMMIT writes its frames to the WAL but does not fsync;
 * `sync()` then fdatasyncs the WAL file on libuv's thread pool. A commit whose sync returned is
 * as durable as under synchronous = FULL (SQLite ignores frames after the last synced commit
 * frame on recovery, by their checksums). Checkpoints sync the WAL themselves before copying it
 * into the database file.
 */
export class WalSync {
  #fd: number | undefined;
  /** Syncs done so far: one per group-committed batch (the bench reads it). */
  count = 0;

  constructor(private readonly databaseFile: string) {}

  async sync(): Promise<void> {
    // The WAL exists from the first write and is only removed when the last connection closes.
    this.#fd ??= await open(`${this.databaseFile}-wal`, 'r');
    await fdatasync(this.#fd);
    this.count++;
  }

  async close(): Promise<void> {
    const fd = this.#fd;
    this.#fd = undefined;
    if (fd !== undefined) await close(fd);
  }
}
