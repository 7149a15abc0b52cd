import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_GAP_WAIT_MS, nextOutboxEvents } from '../../src/app/webhooks/outbox-cursor.js';
import { fanOutWebhooks } from '../../src/app/webhooks/webhook-fan-out.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { clockedContext, deliveriesOf, subscribe } from './webhook-world.js';

describe.each(dialects)('outbox cursor on %s', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => store?.drop());

  const t0 = new Date('2026-03-02T09:00:00Z');
  const insert = (id: number, at: Date) =>
    store.database.write((trx) =>
      trx
        .insertInto('outbox_events')
        .values({
          id,
          event_id: `evt-${id}`,
          type: 'order.created',
          aggregate_type: 'order',
          aggregate_id: String(id),
          payload: '{}',
          created_at: at.toISOString(),
        } as never)
        .execute(),
    );

  it('stops at a young gap (a transaction still committing) and passes it once it is old', async () => {
    const { ctx, set } = clockedContext(store.database, t0);
    const endpoint = await subscribe(ctx, 'http://127.0.0.1:9/hooks');
    await insert(1, t0);
    await insert(2, t0);
    await insert(4, t0); // 3 is not visible yet
    expect((await nextOutboxEvents(store.database.db, 0, 10, t0)).map((e) => e.id)).toEqual([1, 2]);
    expect(await fanOutWebhooks(store.database, t0)).toBe(2);

    await insert(3, t0); // the slow transaction commits: nothing skipped
    expect(await fanOutWebhooks(store.database, t0)).toBe(2);
    expect((await deliveriesOf(store.database, endpoint.id)).map((d) => d.outbox_id)).toEqual([
      1, 2, 3, 4,
    ]);

    await insert(6, t0); // 5 was rolled back and never comes
    expect(await fanOutWebhooks(store.database, t0)).toBe(0);
    set(new Date(t0.getTime() + OUTBOX_GAP_WAIT_MS + 1));
    expect(await fanOutWebhooks(store.database, ctx.now())).toBe(1);
    expect(await fanOutWebhooks(store.database, ctx.now())).toBe(0); // each event once
    const rows = await deliveriesOf(store.database, endpoint.id);
    expect(rows.map((d) => d.outbox_id).sort()).toEqual([1, 2, 3, 4, 6]);
  });
});
