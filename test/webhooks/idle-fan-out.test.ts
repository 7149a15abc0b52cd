import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/database.js';
import { fanOutBatch, WEBHOOK_SINK } from '../../src/app/webhooks/webhook-fan-out.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';

/**
 * The webhook job ticks every two seconds on every server. With nothing in the outbox it must
 * write nothing: its watermark row comes with the schema (migration 0025), so a first start's
 * idle server starts no SQLite WAL checkpointer thread (~15 MB) for a bookkeeping row.
 */
describe.each(dialects)('webhook fan-out of an empty outbox on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(() => store?.drop());

  it('finds its watermark row made by the schema, with nothing delivered yet', async () => {
    const sinks = await store.database.db.selectFrom('outbox_sinks').selectAll().execute();
    expect(sinks.map((s) => [s.name, Number(s.last_outbox_id)])).toEqual([[WEBHOOK_SINK, 0]]);
    expect(await fanOutBatch(store.database, new Date())).toBe(0);
  });

  it.runIf(dialect === 'sqlite')(
    'writes nothing to the WAL of a freshly opened store',
    async () => {
      // Reopened: closing checkpointed the migrations, so the WAL starts with no frames.
      await store.database.close();
      store.database = openDatabase({ url: store.url });
      const walBytes = () => fs.statSync(`${store.url}-wal`, { throwIfNoEntry: false })?.size ?? 0;
      expect(walBytes()).toBe(0);
      expect(await fanOutBatch(store.database, new Date())).toBe(0);
      expect(walBytes()).toBe(0);
    },
  );
});
