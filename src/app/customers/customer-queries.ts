import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import { customerNotFound } from './customer-failures.js';
import {
  customerViewById,
  customerViews,
  type CustomerRow,
  type CustomerView,
} from './customer-views.js';

/** Filters for the account list. `customerId` narrows it to one account (a customer's own key). */
export interface CustomerFilter {
  /** Part of the account number or name, any case: `rivers` finds "Riverside Vets". */
  search?: string;
  onHold?: boolean;
  active?: boolean;
  customerId?: number;
}

/** A page request: at most `limit` items with an id after `afterId` (the decoded cursor). */
export interface CustomerPage {
  limit: number;
  afterId?: number;
}

/** One customer with its ship-tos and SKU rules, or `CUSTOMER.NOT_FOUND`. */
export async function getCustomer(db: Tx, customerId: number): Promise<Result<CustomerView>> {
  const view = await customerViewById(db, customerId);
  return view ? ok(view) : fail('CUSTOMER.NOT_FOUND', `No customer ${customerId}`, { customerId });
}

/**
 * Customers in id order (stable pages while accounts are opened), filtered. Returns up to
 * `limit + 1` items: the extra one says a next page exists.
 */
export async function listCustomers(
  db: Tx,
  filter: CustomerFilter,
  page: CustomerPage,
): Promise<CustomerView[]> {
  let query = db
    .selectFrom('customers')
    .selectAll()
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  if (filter.customerId !== undefined) query = query.where('id', '=', filter.customerId);
  if (filter.onHold !== undefined) query = query.where('on_hold', '=', filter.onHold ? 1 : 0);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
  const search = filter.search?.trim();
  if (search) {
    // lower() on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
    const pattern = `%${search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(${sql.ref('account_number')}) like ${pattern} escape '!'`,
        sql<boolean>`lower(${sql.ref('name')}) like ${pattern} escape '!'`,
      ]),
    );
  }
  return customerViews(db, await query.execute());
}

/**
 * Marks the account changed and returns its row, or fails `CUSTOMER.NOT_FOUND`. Every change
 * to an account or its ship-tos starts here: on PostgreSQL the update locks the customer row,
 * so two concurrent changes (say, two new default ship-tos) run one after the other.
 */
export async function touchCustomer(trx: Tx, customerId: number, now: Date): Promise<CustomerRow> {
  const row = await trx
    .updateTable('customers')
    .set({ updated_at: now.toISOString() })
    .where('id', '=', customerId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw customerNotFound(customerId);
  return row;
}
