import type { Selectable } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import type { Tables } from '../../adapters/db/schema.js';
import { FailureError } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/roles.js';

const LOCK_ORDER = fixedSql(
  'orders.lock',
  'update orders set version = version + 1 where id = ? returning *',
);

const SET_STATUS = fixedSql(
  'orders.set-status',
  'update orders set status = ?, updated_at = ? where id = ?',
);

/** Writes an order's new status (the caller holds its lock and checked the move). */
export async function setOrderStatus(
  trx: Tx,
  orderId: number,
  status: string,
  nowIso: string,
): Promise<void> {
  await runSql(trx, SET_STATUS, [status, nowIso, orderId]);
}

/**
 * Takes the order for this transaction: bumps its version (a row lock on PostgreSQL; SQLite
 * writers are serial anyway) and returns it as it is now. Every change to an order starts
 * here, so two requests — or two server processes filling backorders — never allocate the
 * same line twice. A customer-role actor only ever finds its own orders.
 */
export async function lockOrder(trx: Tx, orderId: number, actor: Pick<Actor, 'customerId'>) {
  const [order] = await runSql<Selectable<Tables['orders']>>(trx, LOCK_ORDER, [orderId]);
  if (!order || (actor.customerId !== null && order.customer_id !== actor.customerId)) {
    throw new FailureError({ code: 'ORDER.NOT_FOUND', message: `No order ${orderId}` });
  }
  return order;
}
