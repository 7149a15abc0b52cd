import type { Tx } from '../../adapters/db/database.js';
import { appendEvent } from '../events/outbox.js';

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
  await trx
    .insertInto('order_events')
    .values({ order_id: orderId, type, actor, data: JSON.stringify(data), created_at: nowIso })
    .execute();
  await appendEvent(
    trx,
    {
      type: `order.${type}`,
      aggregateType: 'order',
      aggregateId: orderId,
      payload: { orderId, actor, ...data },
    },
    nowIso,
  );
}
