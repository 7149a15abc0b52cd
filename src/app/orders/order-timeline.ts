import type { Tx } from '../../adapters/db/database.js';
import { appendEvents } from '../events/outbox.js';

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

/**
 * Several changes of one command, in order, with one insert into each table: the timeline and
 * the outbox get them in the sequence given, in the caller's transaction.
 */
export async function recordOrderEvents(
  trx: Tx,
  orderId: number,
  actor: string,
  events: readonly OrderEvent[],
  nowIso: string,
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('order_events')
    .values(
      events.map((e) => ({
        order_id: orderId,
        type: e.type,
        actor,
        data: JSON.stringify(e.data),
        created_at: nowIso,
      })),
    )
    .execute();
  await appendEvents(
    trx,
    events.map((e) => ({
      type: `order.${e.type}`,
      aggregateType: 'order',
      aggregateId: orderId,
      payload: { orderId, actor, ...e.data },
    })),
    nowIso,
  );
}
