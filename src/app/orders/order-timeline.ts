import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import { appendEvents, type DomainEvent } from '../events/outbox.js';

const INSERT_ORDER_EVENTS = fixedSql(
  'order-events.insert',
  `insert into order_events (order_id, type, actor, data, created_at)
   select value ->> 'order', value ->> 'type', ?, value ->> 'data', ? from json_each(?) order by key`,
  `insert into order_events (order_id, type, actor, data, created_at)
   select (e ->> 'order')::bigint, e ->> 'type', $1, e ->> 'data', $2
   from jsonb_array_elements($3::jsonb) with ordinality as r(e, n) order by n`,
);

/** One change on an order's timeline: `type` becomes `order.<type>` on the outbox. */
export interface OrderEvent {
  type: string;
  data: Record<string, unknown>;
}

/**
 * Records a change on the order's timeline (who, when, what) and, in the same transaction,
 * publishes it to the outbox as `order.<type>` for webhooks and other subscribers.
 */
export async function recordOrderEvent(
  trx: Tx,
  orderId: number,
  type: string,
  actor: string,
  data: Record<string, unknown>,
  nowIso: string,
): Promise<void> {
  await recordOrderEvents(trx, orderId, actor, [{ type, data }], nowIso);
}

/** Other events of the same command, written to the outbox before and after the order's. */
export interface AlongsideEvents {
  before?: readonly DomainEvent[];
  after?: readonly DomainEvent[];
}

/**
 * Several changes of one command, in order, with one insert into each table: the timeline and
 * the outbox get them in the sequence given, in the caller's transaction. The command's other
 * events (`alongside`: an invoice, a shipment) join the same outbox insert.
 */
export async function recordOrderEvents(
  trx: Tx,
  orderId: number,
  actor: string,
  events: readonly OrderEvent[],
  nowIso: string,
  alongside: AlongsideEvents = {},
): Promise<void> {
  await recordEventsOfOrders(
    trx,
    actor,
    events.map((e) => ({ ...e, orderId })),
    nowIso,
    alongside,
  );
}

/** A change on one of several orders a command touched (a batch pick serves many). */
export interface OrderEventOf extends OrderEvent {
  orderId: number;
}

/** `recordOrderEvents` for a command that changed several orders: still one insert per table. */
export async function recordEventsOfOrders(
  trx: Tx,
  actor: string,
  events: readonly OrderEventOf[],
  nowIso: string,
  alongside: AlongsideEvents = {},
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({
    order: e.orderId,
    type: e.type,
    data: JSON.stringify(e.data),
  }));
  await runSql(trx, INSERT_ORDER_EVENTS, [actor, nowIso, JSON.stringify(rows)]);
  await appendEvents(
    trx,
    [
      ...(alongside.before ?? []),
      ...events.map((e) => ({
        type: `order.${e.type}`,
        aggregateType: 'order',
        aggregateId: e.orderId,
        payload: { orderId: e.orderId, actor, ...e.data },
      })),
      ...(alongside.after ?? []),
    ],
    nowIso,
  );
}
