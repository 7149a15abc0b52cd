import type { Database } from '../../adapters/db/database.js';
import { endpointWants } from '../../core/webhooks/event-filter.js';
import {
  advanceSinkWatermark,
  isInternalEvent,
  lockSinkWatermark,
  nextOutboxEvents,
} from './outbox-cursor.js';

export const WEBHOOK_SINK = 'webhooks';
const INSERT_CHUNK = 200;

/**
 * Turns new outbox events into delivery rows, one per subscribed active endpoint, and moves the
 * webhook watermark past them, all in one transaction: an event is fanned out exactly once
 * (the unique endpoint × event constraint guards replays of the same range). Returns the number
 * of events read; call again while it returns `batchSize`.
 */
export async function fanOutBatch(database: Database, now: Date, batchSize = 500): Promise<number> {
  const nowIso = now.toISOString();
  return database.write(async (trx) => {
    const after = await lockSinkWatermark(trx, WEBHOOK_SINK, nowIso);
    const events = await nextOutboxEvents(trx, after, batchSize, now);
    if (events.length === 0) return 0;
    const endpoints = (
      await trx
        .selectFrom('webhook_endpoints')
        .select(['id', 'event_types'])
        .where('status', '=', 'active')
        .execute()
    ).map((e) => ({ id: e.id, filters: JSON.parse(e.event_types) as string[] }));
    const rows = events.flatMap((event) =>
      isInternalEvent(event.type)
        ? []
        : endpoints
            .filter((e) => endpointWants(e.filters, event.type))
            .map((e) => ({
              endpoint_id: e.id,
              outbox_id: event.id,
              event_id: event.event_id,
              event_type: event.type,
              status: 'pending',
              attempts: 0,
              next_attempt_at: nowIso,
              created_at: nowIso,
            })),
    );
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('webhook_deliveries')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) => oc.columns(['endpoint_id', 'outbox_id']).doNothing())
        .execute();
    }
    await advanceSinkWatermark(trx, WEBHOOK_SINK, events[events.length - 1]!.id, nowIso);
    return events.length;
  });
}

/** Fans out everything committed so far (batch after batch); returns the events read. */
export async function fanOutWebhooks(database: Database, now: Date, batchSize = 500) {
  let total = 0;
  for (;;) {
    const read = await fanOutBatch(database, now, batchSize);
    total += read;
    if (read < batchSize) return total;
  }
}
