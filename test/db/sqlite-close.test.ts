import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/database.js';
import { migrateToLatest } from '../../src/adapters/db/migrate.js';

/**
 * SQLite only: closing a store closes both its connections, so the last one checkpoints the
 * WAL into the file and removes it — even when nothing was ever read (a bulk load, a
 * migration). A WAL left behind is work for the next process (a server's checkpointer thread).
 */
describe('closing a SQLite store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-close-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves no WAL behind after writes without a single read', async () => {
    const file = path.join(dir, 'stockline.db');
    const database = openDatabase({ url: file });
    await migrateToLatest(database);
    await database.writer
      .insertInto('settings')
      .values({ key: 'bulk-load', value: 'SKU catalogue' })
      .execute();
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    await database.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    await database.close(); // a second close is harmless
  });
});
