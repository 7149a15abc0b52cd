import crypto from 'node:crypto';
import type { Tx } from '../../adapters/db/database.js';

export interface DomainEvent {
  /** Dotted name, e.g. `stock.adjusted`, `order.created`. */
  type: string;
  aggregateType: string;
  aggregateId: string | number;
  payload: Record<string, unknown>;
}

/**
 * Appends an event to the transactional outbox, in the caller's transaction: the event exists
 * if and only if the change it describes was committed. Delivery (webhooks, NATS) reads it later.
 */
export async function appendEvent(trx: Tx, event: DomainEvent, nowIso: string): Promise<string> {
  const eventId = crypto.randomUUID();
  await trx
    .insertInto('outbox_events')
    .values({
      event_id: eventId,
      type: event.type,
      aggregate_type: event.aggregateType,
      aggregate_id: String(event.aggregateId),
      payload: JSON.stringify(event.payload),
      created_at: nowIso,
    })
    .execute();
  return eventId;
}
