import type { Tx } from '../../../adapters/db/database.js';
import { moveReturn, rmaNumber } from '../../../core/fulfillment/return-rules.js';
import { must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { appendEvent } from '../../events/outbox.js';
import { lockReturn, saveReturnStatus, statusOf } from './return-store.js';

/**
 * Closes a received RMA once every line that came back has a disposition. The credit memo
 * fixed at receipt is published (`return.credit_memo`) for accounting to issue against the
 * customer's account.
 */
export async function closeReturn(trx: Tx, returnId: number, actor: Actor, now: Date) {
  const nowIso = now.toISOString();
  const { rma, lines } = await lockReturn(trx, returnId, actor);
  const undisposedLines = lines.filter(
    (l) => l.quantity_received > 0 && l.disposition === null,
  ).length;
  must(moveReturn(statusOf(rma), 'closed', { undisposedLines }));
  await saveReturnStatus(
    trx,
    rma,
    'closed',
    { closed_at: nowIso },
    {
      type: 'return_closed',
      actor: actor.id,
      data: { rmaNumber: rmaNumber(rma.id), creditMinor: rma.credit_minor },
    },
    nowIso,
  );
  if (rma.credit_minor > 0) {
    const order = await trx
      .selectFrom('orders')
      .select('currency')
      .where('id', '=', rma.order_id)
      .executeTakeFirstOrThrow();
    await appendEvent(
      trx,
      {
        type: 'return.credit_memo',
        aggregateType: 'return',
        aggregateId: rma.id,
        payload: {
          returnId: rma.id,
          rmaNumber: rmaNumber(rma.id),
          orderId: rma.order_id,
          customerId: rma.customer_id,
          currency: order.currency,
          creditMinor: rma.credit_minor,
          lines: lines.map((l) => ({
            orderLineId: l.order_line_id,
            quantity: l.quantity_received,
            creditMinor: l.credit_minor,
          })),
        },
      },
      nowIso,
    );
  }
  return { id: rma.id, status: 'closed' as const, creditMinor: rma.credit_minor };
}

/** Cancels an RMA before anything arrived; its units may be authorized again. */
export async function cancelReturn(
  trx: Tx,
  returnId: number,
  reason: string | undefined,
  actor: Actor,
  now: Date,
) {
  const nowIso = now.toISOString();
  const { rma } = await lockReturn(trx, returnId, actor);
  must(moveReturn(statusOf(rma), 'cancelled'));
  await saveReturnStatus(
    trx,
    rma,
    'cancelled',
    { closed_at: nowIso },
    {
      type: 'return_cancelled',
      actor: actor.id,
      data: { rmaNumber: rmaNumber(rma.id), reason: reason ?? null },
    },
    nowIso,
  );
  return { id: rma.id, status: 'cancelled' as const, creditMinor: 0 };
}
