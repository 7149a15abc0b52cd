import crypto from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openNatsSink,
  publishEvent,
  type NatsSink,
} from '../../src/adapters/nats/jetstream-sink.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { clockedContext, commitEvents } from './webhook-world.js';

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
/** Decided once by the global setup: required under CI=true, skipped with a banner otherwise. */
const natsReachable = process.env.STOCKLINE_TEST_NATS !== '0';

describe.skipIf(!natsReachable).each(dialects)('NATS JetStream outbox sink on %s', (dialect) => {
  const tag = `t${crypto.randomBytes(4).toString('hex')}`;
  const stream = `STOCKLINE_${tag.toUpperCase()}`;
  let store: TestStore;
  let sink: NatsSink;
  let nc: NatsConnection;
  beforeAll(async () => {
    store = await freshStore(dialect);
    sink = await openNatsSink(NATS_URL, { stream, subjectPrefix: tag });
    nc = await connect({ servers: NATS_URL });
  });
  afterAll(async () => {
    await (await nc?.jetstreamManager())?.streams.delete(stream).catch(() => undefined);
    await nc?.close();
    await sink?.close();
    await store?.drop();
  });

  const messagesInStream = async () =>
    (await (await nc.jetstreamManager()).streams.info(stream)).state.messages;

  it('publishes each outbox event to <prefix>.<type> with the event id as Nats-Msg-Id', async () => {
    const { ctx } = clockedContext(store.database, new Date());
    const orders = await commitEvents(ctx, 3, 'order.created');
    const stock = await commitEvents(ctx, 2, 'stock.adjusted');
    expect(await sink.publishPending(store.database, ctx.now)).toBe(5);
    expect(await sink.publishPending(store.database, ctx.now)).toBe(0); // watermark moved

    const consumer = await nc.jetstream().consumers.get(stream);
    const batch = await consumer.fetch({ max_messages: 5, expires: 2000 });
    const seen: { subject: string; msgId: string | undefined; id: string }[] = [];
    for await (const m of batch) {
      const body = m.json<{ id: string }>();
      seen.push({ subject: m.subject, msgId: m.headers?.get('Nats-Msg-Id'), id: body.id });
      if (seen.length === 5) break;
    }
    expect(seen.map((s) => s.id)).toEqual([...orders, ...stock]);
    expect(seen.every((s) => s.msgId === s.id)).toBe(true);
    expect(seen.map((s) => s.subject)).toEqual([
      ...orders.map(() => `${tag}.order.created`),
      ...stock.map(() => `${tag}.stock.adjusted`),
    ]);
  });

  it('stores a re-published event once (JetStream de-duplicates on Msg-Id)', async () => {
    const { ctx } = clockedContext(store.database, new Date());
    const before = await messagesInStream();
    const event = await store.database.db
      .selectFrom('outbox_events')
      .selectAll()
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(await publishEvent(nc.jetstream(), event, tag)).toBe(true); // duplicate

    // A crash after publishing but before the watermark moved: the batch goes out again.
    await store.database.write((trx) =>
      trx
        .updateTable('outbox_sinks')
        .set({ last_outbox_id: 0 })
        .where('name', '=', 'nats')
        .execute(),
    );
    expect(await sink.publishPending(store.database, ctx.now)).toBe(5);
    expect(await messagesInStream()).toBe(before);
  });
});
