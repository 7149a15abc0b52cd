import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { run } from '../../src/adapters/db/database.js';
import { FailureError } from '../../src/core/shared/result.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';

describe.each(dialects)('database on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => store?.drop());

  it('commits concurrent units and rolls back only the one that fails', async () => {
    const { database } = store;
    const now = new Date().toISOString();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        run(database, async (trx) => {
          await trx
            .insertInto('settings')
            .values({ key: `k${i}`, value: now })
            .execute();
          if (i % 10 === 3) throw new FailureError({ code: 'TEST.REFUSED', message: 'no' });
          return i;
        }),
      ),
    );
    expect(results.filter((r) => !r.ok)).toHaveLength(5);
    const rows = await database.db
      .selectFrom('settings')
      .select('key')
      .where('key', 'like', 'k%')
      .execute();
    expect(rows).toHaveLength(45);
    expect(rows.map((r) => r.key)).not.toContain('k3');
  });

  it('runs bulk work without the commit fsync, and puts it back after (even on a throw)', async () => {
    const { database } = store;
    // SQLite: each group-committed batch is made durable by one WAL sync; bulk work skips it.
    // PostgreSQL has no such switch here: the work just runs.
    const syncs = () => database.stats().commitSyncs;
    const write = (key: string) =>
      database.write((trx) => trx.insertInto('settings').values({ key, value: 'x' }).execute());
    const before = syncs();
    // A request answered while bulk work runs (started outside it) is still synced.
    let startRequest = () => {};
    const requestWritten = new Promise<void>((resolve) => (startRequest = resolve)).then(() =>
      write('request'),
    );
    const committed = await database.withoutCommitFsync(async () => {
      await write('bulk');
      const afterBulk = syncs();
      startRequest();
      await requestWritten;
      return [afterBulk, syncs()];
    });
    expect(committed).toEqual(dialect === 'sqlite' ? [before, before + 1] : [0, 0]);
    const stored = await database.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'bulk')
      .executeTakeFirst();
    expect(stored?.value).toBe('x');
    await expect(
      database.withoutCommitFsync(() => Promise.reject(new Error('bulk load died'))),
    ).rejects.toThrow('bulk load died');
    await write('durable');
    expect(syncs()).toBe(dialect === 'sqlite' ? before + 2 : 0);
  });

  it('rethrows unexpected errors after rolling back', async () => {
    await expect(
      store.database.write(async (trx) => {
        await trx.insertInto('settings').values({ key: 'boom', value: 'x' }).execute();
        await sql`select * from no_such_table`.execute(trx);
      }),
    ).rejects.toThrow();
    const row = await store.database.db
      .selectFrom('settings')
      .selectAll()
      .where('key', '=', 'boom')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});
