import type { Tx } from '../../adapters/db/database.js';
import { FailureError } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';

/**
 * Takes the order for this transaction: bumps its version (a row lock on PostgreSQL; SQLite
 * writers are serial anyway) and returns it as it is now. Every change to an order starts
 * here, so two requests — or two server processes filling backorders — never allocate the
 * same line twice. A customer-role actor only ever finds its own orders.
 */
export async function lockOrder(trx: Tx, orderId: number, actor: Pick<Actor, 'customerId'>) {
  const order = await trx
    .updateTable('orders')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', orderId)
    .returningAll()
    .executeTakeFirst();
  if (!order || (actor.customerId !== null && order.customer_id !== actor.customerId)) {
    throw new FailureError({ code: 'ORDER.NOT_FOUND', message: `No order ${orderId}` });
  }
  return order;
}
