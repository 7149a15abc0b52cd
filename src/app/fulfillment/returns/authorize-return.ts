import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import {
  checkAuthorizable,
  isReturnReason,
  RETURN_REASONS,
  rmaNumber,
} from '../../../core/fulfillment/return-rules.js';
import { FailureError, must } from '../../../core/shared/result.js';
import type { Actor } from '../../../core/shared/roles.js';
import { lockOrder } from '../../orders/lock-order.js';
import { recordOrderEvent } from '../../orders/order-timeline.js';

export interface AuthorizeReturnInput {
  orderId: number;
  reason: string;
  notes?: string | undefined;
  lines: readonly { orderLineId: number; quantity: number }[];
}

/**
 * Authorizes a return (RMA) against shipped lines of an order. A customer-role key may ask
 * only for its own orders (anything else is ORDER.NOT_FOUND). Each line may authorize no more
 * than was shipped less what the line's other RMAs (open or closed) already authorized.
 */
export async function authorizeReturn(
  trx: Tx,
  input: AuthorizeReturnInput,
  actor: Actor,
  now: Date,
) {
  const nowIso = now.toISOString();
  if (!isReturnReason(input.reason)) {
    throw new FailureError({
      code: 'RETURN.INVALID_REASON',
      message: `Returns need a reason: one of ${RETURN_REASONS.join(', ')}`,
      details: { allowed: RETURN_REASONS },
    });
  }
  // The order lock serializes authorizations of one order: two RMAs cannot both take the same units.
  const order = await lockOrder(trx, input.orderId, actor);
  const wanted = quantitiesByLine(input.lines);
  const orderLines = await trx
    .selectFrom('order_lines')
    .select(['id', 'sku_id', 'quantity_shipped'])
    .where('order_id', '=', order.id)
    .execute();
  const already = await authorizedElsewhere(trx, [...wanted.keys()]);
  const lines = [...wanted].map(([orderLineId, quantity]) => {
    const line = orderLines.find((l) => l.id === orderLineId);
    if (!line) {
      throw new FailureError({
        code: 'RETURN.ORDER_LINE_NOT_FOUND',
        message: `Order ${order.id} has no line ${orderLineId}`,
        details: { orderId: order.id, orderLineId },
      });
    }
    must(
      checkAuthorizable(
        {
          orderLineId,
          quantityShipped: line.quantity_shipped,
          authorizedElsewhere: already.get(orderLineId) ?? 0,
        },
        quantity,
      ),
    );
    return { orderLineId, skuId: line.sku_id, quantity };
  });
  const rma = await trx
    .insertInto('returns')
    .values({
      order_id: order.id,
      customer_id: order.customer_id,
      status: 'authorized',
      reason: input.reason,
      notes: input.notes ?? null,
      credit_minor: 0,
      created_by: actor.id,
      created_at: nowIso,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const l of lines) {
    await trx
      .insertInto('return_lines')
      .values({
        return_id: rma.id,
        order_line_id: l.orderLineId,
        sku_id: l.skuId,
        quantity_authorized: l.quantity,
        quantity_received: 0,
        lot_id: 0,
        disposition: null,
        location_id: null,
        credit_minor: 0,
      })
      .execute();
  }
  await recordOrderEvent(
    trx,
    order.id,
    'return_authorized',
    actor.id,
    { returnId: rma.id, rmaNumber: rmaNumber(rma.id), reason: input.reason, lines },
    nowIso,
  );
  return { id: rma.id, rmaNumber: rmaNumber(rma.id), orderId: order.id, status: 'authorized' };
}

/** Sums quantities per order line, so a line named twice is checked once for its total. */
function quantitiesByLine(lines: AuthorizeReturnInput['lines']): Map<number, number> {
  if (lines.length === 0) {
    throw new FailureError({ code: 'RETURN.NO_LINES', message: 'Name at least one line' });
  }
  const byLine = new Map<number, number>();
  for (const l of lines) byLine.set(l.orderLineId, (byLine.get(l.orderLineId) ?? 0) + l.quantity);
  return byLine;
}

/** Units already authorized per order line on RMAs that are not cancelled. */
async function authorizedElsewhere(trx: Tx, orderLineIds: number[]): Promise<Map<number, number>> {
  const rows = await trx
    .selectFrom('return_lines as rl')
    .innerJoin('returns as r', 'r.id', 'rl.return_id')
    .select([
      'rl.order_line_id',
      sql<number>`cast(sum(rl.quantity_authorized) as bigint)`.as('authorized'),
    ])
    .where('rl.order_line_id', 'in', orderLineIds)
    .where('r.status', '!=', 'cancelled')
    .groupBy('rl.order_line_id')
    .execute();
  return new Map(rows.map((r) => [r.order_line_id, Number(r.authorized)]));
}
