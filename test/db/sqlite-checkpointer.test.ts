import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteCheckpointer } from '../../src/adapters/db/sqlite-checkpointer.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 10_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await sleep(50);
  }
}

/**
 * SQLite only: the WAL checkpointer thread runs while there is written WAL to copy and ends
 * when there is none, so an idle server holds no thread (~15 MB).
 */
describe('SQLite WAL checkpointer', () => {
  let dir: string;
  let file: string;
  let writer: BetterSqlite3.Database;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-checkpointer-'));
    file = path.join(dir, 'store.db');
    writer = new BetterSqlite3(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('create table t (id integer primary key, v text)');
    expect(fs.statSync(file).size).toBeLessThan(5000);
  });
  afterAll(() => {
    writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts on a write, copies the WAL, ends when idle and starts again on the next write', async () => {
    const checkpointer = new SqliteCheckpointer(file, 3);
    expect(checkpointer.running).toBe(false);

    writer.prepare('insert into t (v) values (?)').run('a'.repeat(5000));
    checkpointer.wake();
    expect(checkpointer.running).toBe(true);
    // Idle after the copy: the thread ends by itself.
    await until(() => !checkpointer.running);
    // The row's pages were copied from the WAL into the database file (empty before).
    expect(fs.statSync(file).size).toBeGreaterThan(5000);

    // A commit that wrote nothing new does not start it.
    checkpointer.wake();
    expect(checkpointer.running).toBe(false);

    await sleep(20); // a later mtime, even on coarse clocks
    writer.prepare('insert into t (v) values (?)').run('b');
    checkpointer.wake();
    expect(checkpointer.running).toBe(true);
    await checkpointer.close();
    expect(checkpointer.running).toBe(false);
  });
});
