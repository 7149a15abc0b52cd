import type { Tx } from '../../adapters/db/database.js';
import {
  validateCustomer,
  validateShipTos,
  type CustomerDefinition,
  type CustomerDraft,
  type ShipToDefinition,
  type ShipToDraft,
} from '../../core/customers/customer.rules.js';
import { must } from '../../core/shared/result.js';
import { insertOr } from '../warehouses/warehouse-failures.js';
import { customerAlreadyExists } from './customer-failures.js';
import { checkReferences, customerColumns } from './customer-references.js';
import { customerViewById, type CustomerView } from './customer-views.js';
import { shipToRow } from './ship-tos.js';

/** A new account as a client sends it, with the ship-tos it starts with. */
export type NewCustomer = CustomerDraft & { shipTos?: ShipToDraft[] };

/** The code of the ship-to made from the bill-to when an account is opened without any. */
export const MAIN_SHIP_TO = 'MAIN';

/**
 * Opens a customer account and its ship-tos in one unit of work: either the account exists
 * with every ship-to afterwards or nothing does. An account opened without ship-tos ships to
 * its bill-to address (ship-to `MAIN`), so orders always have a default destination.
 */
export async function createCustomer(
  trx: Tx,
  input: NewCustomer,
  now: Date,
): Promise<CustomerView> {
  const customer = must(validateCustomer(input));
  const shipTos = must(validateShipTos(input.shipTos ?? []));
  const taken = await trx
    .selectFrom('customers')
    .select('id')
    .where('account_number', '=', customer.accountNumber)
    .executeTakeFirst();
  if (taken) throw customerAlreadyExists(customer.accountNumber);
  await checkReferences(trx, customer);
  const at = now.toISOString();
  const row = await insertOr(
    () =>
      trx
        .insertInto('customers')
        .values({
          ...customerColumns(customer),
          on_hold: 0,
          hold_reason: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    () => customerAlreadyExists(customer.accountNumber),
  );
  const destinations = shipTos.length > 0 ? shipTos : [billToShipTo(customer)];
  await trx
    .insertInto('customer_ship_tos')
    .values(destinations.map((s) => shipToRow(row.id, s)))
    .execute();
  const view = await customerViewById(trx, row.id);
  if (!view) throw new Error(`Customer ${row.id} vanished inside its own transaction`);
  return view;
}

function billToShipTo(customer: CustomerDefinition): ShipToDefinition {
  return { code: MAIN_SHIP_TO, name: customer.name, address: customer.billTo, isDefault: true };
}
