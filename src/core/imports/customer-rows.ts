/**
 * A customers file, one account per row with its bill-to address; the account ships to its
 * bill-to (ship-to MAIN) until ship-tos are added.
 */
import { validateCustomer, type CustomerDraft } from '../customers/customer.rules.js';
import { RowReader, type RawRow, type RowOutcome } from './cells.js';
import { failureIssue } from './failure-issue.js';

export const CUSTOMER_COLUMNS = [
  'account_number',
  'name',
  'email',
  'phone',
  'address_line1',
  'address_line2',
  'city',
  'region',
  'postal_code',
  'country',
  'currency',
  'payment_terms_days',
  'credit_limit',
  'priority',
  'active',
] as const;

const COLUMN_OF: Record<string, string> = {
  accountNumber: 'account_number',
  'billTo.line1': 'address_line1',
  'billTo.city': 'city',
  'billTo.postalCode': 'postal_code',
  'billTo.country': 'country',
  paymentTermsDays: 'payment_terms_days',
  creditLimitMinor: 'credit_limit',
};

/** Reads one customers row into a checked account draft, or the issues of every bad cell. */
export function customerRow(raw: RawRow, row: number): RowOutcome<CustomerDraft> {
  const r = new RowReader(raw, row);
  const draft: CustomerDraft = {
    accountNumber: r.required('account_number').toUpperCase(),
    name: r.required('name'),
    email: r.optional('email') ?? null,
    phone: r.optional('phone') ?? null,
    billTo: {
      line1: r.required('address_line1'),
      line2: r.optional('address_line2') ?? null,
      city: r.required('city'),
      region: r.optional('region') ?? null,
      postalCode: r.required('postal_code'),
      country: r.required('country'),
    },
    currency: (r.optional('currency') ?? 'USD').toUpperCase(),
    paymentTermsDays: r.integer('payment_terms_days', 0) ?? 30,
    creditLimitMinor: r.money('credit_limit') ?? null,
    priority: r.integer('priority', 1) ?? 5,
    active: r.flag('active', true),
  };
  if (r.issues.length > 0) return r.done(draft);
  const checked = validateCustomer(draft);
  if (!checked.ok) r.issues.push(failureIssue(checked.error, row, COLUMN_OF));
  return r.done(draft);
}
