import type { Tx } from '../../adapters/db/database.js';
import { SETTLED_ORDER_STATUSES, availableCredit } from '../../core/customers/credit-check.js';

/** What an account owes or has committed to, against its limit. All money in minor units. */
export interface CreditExposure {
  customerId: number;
  currency: string;
  /** Value of orders not yet invoiced: open orders' totals less what they were already invoiced for. */
  openOrdersMinor: number;
  /** Open invoices: total less what has been paid. */
  unpaidInvoicesMinor: number;
  exposureMinor: number;
  /** Null: no limit. */
  creditLimitMinor: number | null;
  /** Limit minus exposure, negative when over the limit; null when there is no limit. */
  availableCreditMinor: number | null;
}

/**
 * The account's credit exposure right now, read in the caller's transaction so an order's
 * credit check sees the same orders it is about to add to. Undefined when there is no such
 * customer.
 */
export async function creditExposure(
  trx: Tx,
  customerId: number,
): Promise<CreditExposure | undefined> {
  const customer = await trx
    .selectFrom('customers')
    .select(['currency', 'credit_limit_minor'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer) return undefined;
  // One after the other: two statements at once on one transaction's connection gain nothing.
  const orders = await trx
    .selectFrom('orders')
    .select((eb) => eb.fn.sum<number | string | null>('total_minor').as('total'))
    .where('customer_id', '=', customerId)
    .where('status', 'not in', [...SETTLED_ORDER_STATUSES])
    .executeTakeFirst();
  // A partly shipped order is already invoiced for what left: that part counts once, as an invoice.
  const invoicedOpen = await trx
    .selectFrom('invoices as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .select((eb) => eb.fn.sum<number | string | null>('i.total_minor').as('total'))
    .where('o.customer_id', '=', customerId)
    .where('o.status', 'not in', [...SETTLED_ORDER_STATUSES])
    .where('i.status', '<>', 'void')
    .executeTakeFirst();
  const invoices = await trx
    .selectFrom('invoices')
    .select((eb) =>
      eb.fn.sum<number | string | null>(eb('total_minor', '-', eb.ref('paid_minor'))).as('total'),
    )
    .where('customer_id', '=', customerId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  // PostgreSQL returns sum(bigint) as numeric text; SQLite as a number; no rows → null.
  const openOrdersMinor = Math.max(
    0,
    Number(orders?.total ?? 0) - Number(invoicedOpen?.total ?? 0),
  );
  const unpaidInvoicesMinor = Number(invoices?.total ?? 0);
  const exposureMinor = openOrdersMinor + unpaidInvoicesMinor;
  return {
    customerId,
    currency: customer.currency,
    openOrdersMinor,
    unpaidInvoicesMinor,
    exposureMinor,
    creditLimitMinor: customer.credit_limit_minor,
    availableCreditMinor: availableCredit(exposureMinor, customer.credit_limit_minor),
  };
}
