import { connect, headers, type JetStreamClient, type NatsConnection } from 'nats';
import type { Database } from '../db/database.js';
import {
  advanceSinkWatermark,
  isInternalEvent,
  lockSinkWatermark,
  nextOutboxEvents,
  type OutboxEvent,
} from '../../app/webhooks/outbox-cursor.js';
import { withLease } from '../../app/jobs/lease.js';

/** The outbox as a NATS JetStream stream: every event on `stockline.<event type>`. */
export const NATS_SINK = 'nats';
export const DEFAULT_STREAM = 'STOCKLINE';
export const SUBJECT_PREFIX = 'stockline';

export interface NatsSinkOptions {
  stream?: string;
  /** First subject token; each stream needs its own (tests use one per run). */
  subjectPrefix?: string;
  /** Events published per round. */
  batchSize?: number;
}

/** An open publisher; `publishPending` is the job to run on `repeatEvery`. */
export interface NatsSink {
  readonly stream: string;
  publishPending(database: Database, now: () => Date): Promise<number>;
  close(): Promise<void>;
}

export function subjectFor(eventType: string, prefix = SUBJECT_PREFIX): string {
  return `${prefix}.${eventType}`;
}

/**
 * Connects to NATS at `url` and makes sure the stream exists (subjects `stockline.>`).
 * JetStream de-duplicates on `Nats-Msg-Id` (= the outbox event id) within the stream's
 * duplicate window, so a batch published twice (a crash before the watermark moved, or two
 * processes) is stored once.
 */
export async function openNatsSink(url: string, options: NatsSinkOptions = {}): Promise<NatsSink> {
  const stream = options.stream ?? DEFAULT_STREAM;
  const prefix = options.subjectPrefix ?? SUBJECT_PREFIX;
  const connection = await connect({ servers: url, name: 'stockline-outbox' });
  const manager = await connection.jetstreamManager();
  try {
    await manager.streams.info(stream);
  } catch {
    await manager.streams.add({ name: stream, subjects: [`${prefix}.>`] });
  }
  const js = connection.jetstream();
  return {
    stream,
    publishPending: (database, now) =>
      publishPending(js, prefix, database, now, options.batchSize ?? 500).then((n) => n ?? 0),
    close: () => closeQuietly(connection),
  };
}

async function closeQuietly(connection: NatsConnection) {
  await connection.drain().catch(() => connection.close());
}

/** Publishes one event; true when JetStream already had it (same Msg-Id). */
export async function publishEvent(
  js: JetStreamClient,
  event: OutboxEvent,
  prefix = SUBJECT_PREFIX,
): Promise<boolean> {
  const h = headers();
  h.set('Stockline-Event-Type', event.type);
  h.set('Stockline-Aggregate', `${event.aggregate_type}:${event.aggregate_id}`);
  const body = JSON.stringify({
    id: event.event_id,
    type: event.type,
    timestamp: event.created_at,
    aggregateType: event.aggregate_type,
    aggregateId: event.aggregate_id,
    data: JSON.parse(event.payload) as unknown,
  });
  const ack = await js.publish(subjectFor(event.type, prefix), body, {
    msgID: event.event_id,
    headers: h,
  });
  return ack.duplicate;
}

/**
 * Publishes what the outbox holds past the NATS watermark, then moves the watermark. Runs under
 * a lease so one process publishes at a time; the outbox is read outside any write transaction
 * (no SQLite writer held during network I/O). A crash between publish and watermark re-sends
 * the batch, which JetStream drops as duplicates. Returns the events published.
 */
async function publishPending(
  js: JetStreamClient,
  prefix: string,
  database: Database,
  now: () => Date,
  batchSize: number,
): Promise<number | undefined> {
  return withLease(database, 'outbox-nats', { now }, async () => {
    let published = 0;
    for (;;) {
      const nowIso = now().toISOString();
      const after = await database.write((trx) => lockSinkWatermark(trx, NATS_SINK, nowIso));
      const events = await nextOutboxEvents(database.db, after, batchSize, now());
      if (events.length === 0) return published;
      for (const event of events) {
        if (!isInternalEvent(event.type)) await publishEvent(js, event, prefix);
      }
      const lastId = events[events.length - 1]!.id;
      await database.write((trx) => advanceSinkWatermark(trx, NATS_SINK, lastId, nowIso));
      published += events.length;
      if (events.length < batchSize) return published;
    }
  });
}
