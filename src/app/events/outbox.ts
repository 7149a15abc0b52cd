import crypto from 'node:crypto';
import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';

/** Events as a JSON array, inserted in array order (ids, and so delivery order, follow it). */
const INSERT_EVENTS = fixedSql(
  'outbox.insert',
  `insert into outbox_events (event_id, type, aggregate_type, aggregate_id, payload, created_at)
   select value ->> 'event_id', value ->> 'type', value ->> 'aggregate_type',
          value ->> 'aggregate_id', value ->> 'payload', ?
   from json_each(?) order by key`,
  `insert into outbox_events (event_id, type, aggregate_type, aggregate_id, payload, created_at)
   select e ->> 'event_id', e ->> 'type', e ->> 'aggregate_type', e ->> 'aggregate_id',
          e ->> 'payload', $1
   from jsonb_array_elements($2::jsonb) with ordinality as r(e, n) order by n`,
);

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
  }));
  await runSql(trx, INSERT_EVENTS, [nowIso, JSON.stringify(rows)]);
  return rows.map((r) => r.event_id);
}
