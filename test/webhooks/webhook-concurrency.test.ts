import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/adapters/db/database.js';
import { deliverWebhooks } from '../../src/app/webhooks/deliver-webhooks.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { startReceiver } from './receiver.js';
import { clockedContext, commitEvents, deliveriesOf, subscribe } from './webhook-world.js';

describe.each(dialects)('two dispatchers on one %s store', (dialect) => {
  let store: TestStore;
  let second: Database;
  beforeAll(async () => {
    store = await freshStore(dialect);
    second = openDatabase({ url: store.url });
  });
  afterAll(async () => {
    await second?.close();
    await store?.drop();
  });

  it('deliver each event exactly once and never exceed the per-endpoint limit together', async () => {
    const a = clockedContext(store.database).ctx;
    const b = clockedContext(second).ctx;
    const hooks = await startReceiver({ delayMs: 5 });
    try {
      const endpoint = await subscribe(a, hooks.url);
      const ids = await commitEvents(a, 60);
      const options = { maxInFlightPerEndpoint: 4, batchSize: 10 };
      const [ra, rb] = await Promise.all([
        deliverWebhooks(a, { ...options, holder: 'process-a' }),
        deliverWebhooks(b, { ...options, holder: 'process-b' }),
      ]);

      expect(ra.succeeded + rb.succeeded).toBe(60);
      const seen = hooks.received.map((r) => r.id);
      expect(seen).toHaveLength(60); // no duplicates at all while both stay alive
      expect(new Set(seen)).toEqual(new Set(ids));
      expect(hooks.maxConcurrent).toBeLessThanOrEqual(4);
      const rows = await deliveriesOf(store.database, endpoint.id);
      expect(rows).toHaveLength(60); // fan-out ran in both, rows exist once
      expect(rows.every((r) => r.status === 'succeeded' && r.attempts === 1)).toBe(true);
    } finally {
      await hooks.close();
    }
  });
});
