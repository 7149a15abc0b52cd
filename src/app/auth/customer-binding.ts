import type { Tx } from '../../adapters/db/database.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import type { Role } from '../../core/shared/roles.js';

/**
 * Whom a key or user acts for: a customer role is bound to one account, a staff role to none.
 * A customer id sent with a staff role is refused rather than quietly stored (or dropped), so
 * the caller learns the binding did not happen. `area` prefixes the codes (AUTH, USERS).
 */
export function customerBinding(
  area: 'AUTH' | 'USERS',
  role: Role,
  customerId: number | null | undefined,
): Result<number | null> {
  if (role === 'customer') {
    return customerId
      ? ok(customerId)
      : fail(
          `${area}.CUSTOMER_REQUIRED`,
          `A customer ${kind(area)} must be bound to a customer account`,
        );
  }
  return customerId
    ? fail(
        `${area}.CUSTOMER_NOT_ALLOWED`,
        `A ${role} ${kind(area)} is not bound to a customer account`,
        {
          field: 'customerId',
        },
      )
    : ok(null);
}

const kind = (area: 'AUTH' | 'USERS') => (area === 'AUTH' ? 'key' : 'user');

/**
 * The account must exist when the binding is made: a key bound to a future id would open
 * whichever account is created with it later. Run inside the write that stores the binding.
 */
export async function requireCustomer(trx: Tx, customerId: number | null): Promise<Result<null>> {
  if (customerId === null) return ok(null);
  const found = await trx
    .selectFrom('customers')
    .select('id')
    .where('id', '=', customerId)
    .executeTakeFirst();
  return found
    ? ok(null)
    : fail('CUSTOMER.NOT_FOUND', `No customer ${customerId}`, { field: 'customerId', customerId });
}
