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
  const [eventId] = await appendEvents(trx, [event], nowIso);
  return eventId!;
}

/** Several events of one transaction with one insert, in the order given; returns their ids. */
export async function appendEvents(
  trx: Tx,
  events: readonly DomainEvent[],
  nowIso: string,
): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({
    event_id: crypto.randomUUID(),
    type: event.type,
    aggregate_type: event.aggregateType,
    aggregate_id: String(event.aggregateId),
    payload: JSON.stringify(event.payload),
    created_at: nowIso,
  }));
  await trx.insertInto('outbox_events').values(rows).execute();
  return rows.map((r) => r.event_id);
}
