import type { Tx } from '../../adapters/db/database.js';
import { creditCheck } from '../../core/customers/credit-check.js';
import { creditExposure } from '../customers/credit-exposure.js';
import type { CustomerForOrder } from '../customers/customer-for-order.js';

/**
 * Why an order must wait for approval: the account is on hold, or the order breaks its credit
 * limit. `alreadyCountedMinor`: how much of the order the exposure already includes (a stored
 * draft is an open order), so it is not counted twice.
 */
export async function holdReasonFor(
  trx: Tx,
  customer: CustomerForOrder,
  totalMinor: number,
  alreadyCountedMinor = 0,
): Promise<string | null> {
  if (customer.onHold)
    return `Account on hold${customer.holdReason ? `: ${customer.holdReason}` : ''}`;
  if (customer.creditLimitMinor === null) return null;
  // Take the account's row first (a row lock on PostgreSQL; SQLite writers are serial): two
  // orders placed at once must not both pass the check against the same exposure.
  await trx
    .updateTable('customers')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', customer.id)
    .execute();
  const exposure = await creditExposure(trx, customer.id);
  const check = creditCheck(
    (exposure?.exposureMinor ?? 0) - alreadyCountedMinor,
    totalMinor,
    customer.creditLimitMinor,
  );
  return check.ok ? null : `Credit hold: ${check.error.message}`;
}
