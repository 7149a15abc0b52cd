import type { Tx } from '../../adapters/db/database.js';
import { validateCustomer, type CustomerDraft } from '../../core/customers/customer.rules.js';
import { FailureError, must } from '../../core/shared/result.js';
import { checkReferences, customerColumns } from './customer-references.js';
import { touchCustomer } from './customer-queries.js';
import {
  customerViewById,
  definitionOf,
  type CustomerRow,
  type CustomerView,
} from './customer-views.js';

/**
 * What may change on an account. A field left out stays as it is; null clears an optional
 * value (email, limit, price list…); `billTo` replaces the whole address. The account number
 * stays: invoices, remittances and the customer's own systems quote it.
 */
export type CustomerPatch = Partial<Omit<CustomerDraft, 'accountNumber'>>;

/**
 * Changes an account in one transaction: the patch is merged into the stored account and the
 * whole checked again, so rules across fields (a price list in the account's currency) hold
 * after every change. Hold and release have their own commands, with a reason.
 */
export async function updateCustomer(
  trx: Tx,
  customerId: number,
  patch: CustomerPatch,
  now: Date,
): Promise<CustomerView> {
  const current = await touchCustomer(trx, customerId, now);
  const merged: CustomerDraft = { ...definitionOf(current), ...definedOnly(patch) };
  const customer = must(validateCustomer(merged));
  if (customer.currency !== current.currency) await refuseCurrencyChange(trx, current);
  await checkReferences(trx, customer);
  await trx
    .updateTable('customers')
    .set({ ...customerColumns(customer), updated_at: now.toISOString() })
    .where('id', '=', customerId)
    .execute();
  const view = await customerViewById(trx, customerId);
  if (!view) throw new Error(`Customer ${customerId} vanished inside its own transaction`);
  return view;
}

/**
 * Orders and invoices are priced in the account's currency and exposure adds them up, so the
 * currency may change only before the account has traded.
 */
async function refuseCurrencyChange(trx: Tx, current: CustomerRow): Promise<void> {
  const order = await trx
    .selectFrom('orders')
    .select('id')
    .where('customer_id', '=', current.id)
    .limit(1)
    .executeTakeFirst();
  const invoice = await trx
    .selectFrom('invoices')
    .select('id')
    .where('customer_id', '=', current.id)
    .limit(1)
    .executeTakeFirst();
  if (order || invoice) {
    throw new FailureError({
      code: 'CUSTOMER.CURRENCY_LOCKED',
      message: `The account already has orders or invoices in ${current.currency}; open a new account for another currency`,
      details: { customerCurrency: current.currency },
    });
  }
}

/** Drops keys whose value is undefined, so they do not overwrite stored values in a merge. */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
