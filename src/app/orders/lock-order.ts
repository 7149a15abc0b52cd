import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
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

const LOCK_ORDERS = fixedSql(
  'orders.lock-many',
  `update orders set version = version + 1
   where id in (select value from json_each(?))
   returning id, status, customer_id as "customerId"`,
  `update orders o set version = o.version + 1
   from (select id from orders
         where id in (select jsonb_array_elements_text($1::jsonb)::bigint)
         order by id for update) as l
   where o.id = l.id
   returning o.id, o.status, o.customer_id as "customerId"`,
);

/** What `lockOrders` returns of each order. */
export interface LockedOrder {
  id: number;
  status: string;
  customerId: number;
}

/**
 * `lockOrder` for several orders in one statement (a batch pick serves many): row locks taken
 * in id order on PostgreSQL, so two commands over overlapping orders cannot deadlock. Returns
 * the orders in id order; an id with no order is simply missing.
 */
export async function lockOrders(trx: Tx, orderIds: readonly number[]): Promise<LockedOrder[]> {
  const ids = [...new Set(orderIds)].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const rows = await runSql<LockedOrder>(trx, LOCK_ORDERS, [JSON.stringify(ids)]);
  return rows.sort((a, b) => a.id - b.id);
}
