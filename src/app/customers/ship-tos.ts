import type { Insertable, Updateable } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { CustomerShipToTable } from '../../adapters/db/schema.js';
import { validateAddress, type AddressDraft } from '../../core/customers/address.rules.js';
import {
  validateShipTo,
  type ShipToDefinition,
  type ShipToDraft,
} from '../../core/customers/customer.rules.js';
import { FailureError, must } from '../../core/shared/result.js';
import { insertOr } from '../warehouses/warehouse-failures.js';
import { shipToAlreadyExists, shipToNotFound } from './customer-failures.js';
import { touchCustomer } from './customer-queries.js';
import { shipToView, type ShipToView } from './customer-views.js';

/** What may change on a ship-to. The code stays: it is printed on the customer's paperwork. */
export interface ShipToChanges {
  name?: string;
  address?: AddressDraft;
  /** Only `true` moves the default here; an account always keeps exactly one default. */
  isDefault?: boolean;
}

/** The `customer_ship_tos` row for a checked ship-to. */
export function shipToRow(
  customerId: number,
  shipTo: ShipToDefinition,
): Insertable<CustomerShipToTable> {
  return {
    customer_id: customerId,
    code: shipTo.code,
    name: shipTo.name,
    line1: shipTo.address.line1,
    line2: shipTo.address.line2,
    city: shipTo.address.city,
    region: shipTo.address.region,
    postal_code: shipTo.address.postalCode,
    country: shipTo.address.country,
    is_default: shipTo.isDefault ? 1 : 0,
  };
}

/**
 * Adds a delivery address to an account. Marked default, it takes over from the old default;
 * the first ship-to of an account is always the default.
 */
export async function addShipTo(
  trx: Tx,
  customerId: number,
  input: ShipToDraft,
  now: Date,
): Promise<ShipToView> {
  await touchCustomer(trx, customerId, now);
  const shipTo = must(validateShipTo(input));
  const existing = await trx
    .selectFrom('customer_ship_tos')
    .select(['code', 'is_default'])
    .where('customer_id', '=', customerId)
    .execute();
  if (existing.some((s) => s.code === shipTo.code)) throw shipToAlreadyExists(shipTo.code);
  const isDefault = shipTo.isDefault || !existing.some((s) => s.is_default === 1);
  if (isDefault) await clearDefault(trx, customerId);
  const row = await insertOr(
    () =>
      trx
        .insertInto('customer_ship_tos')
        .values(shipToRow(customerId, { ...shipTo, isDefault }))
        .returningAll()
        .executeTakeFirstOrThrow(),
    () => shipToAlreadyExists(shipTo.code),
  );
  return shipToView(row);
}

/** Changes a ship-to's name or address, or makes it the account's default. */
export async function updateShipTo(
  trx: Tx,
  customerId: number,
  shipToId: number,
  changes: ShipToChanges,
  now: Date,
): Promise<ShipToView> {
  await touchCustomer(trx, customerId, now);
  const current = await loadShipTo(trx, customerId, shipToId);
  if (!current) throw shipToNotFound(customerId, shipToId);
  if (changes.isDefault === false && current.isDefault) {
    throw new FailureError({
      code: 'CUSTOMER.DEFAULT_SHIP_TO_REQUIRED',
      message: 'An account always has a default ship-to: make another one the default instead',
      details: { shipToId },
    });
  }
  const set: Updateable<CustomerShipToTable> = {};
  if (changes.name !== undefined) {
    set.name = must(
      validateShipTo({ code: current.code, name: changes.name, address: current.address }),
    ).name;
  }
  if (changes.address !== undefined) {
    const address = must(validateAddress(changes.address, 'address'));
    Object.assign(set, {
      line1: address.line1,
      line2: address.line2,
      city: address.city,
      region: address.region,
      postal_code: address.postalCode,
      country: address.country,
    });
  }
  if (changes.isDefault === true && !current.isDefault) {
    await clearDefault(trx, customerId);
    set.is_default = 1;
  }
  if (Object.keys(set).length === 0) return current;
  const row = await trx
    .updateTable('customer_ship_tos')
    .set(set)
    .where('id', '=', shipToId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return shipToView(row);
}

/**
 * A ship-to of this customer, or undefined when it does not exist or belongs to another
 * account: an order must never be delivered to someone else's address.
 */
export async function loadShipTo(
  trx: Tx,
  customerId: number,
  shipToId: number,
): Promise<ShipToView | undefined> {
  const row = await trx
    .selectFrom('customer_ship_tos')
    .selectAll()
    .where('id', '=', shipToId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return row ? shipToView(row) : undefined;
}

async function clearDefault(trx: Tx, customerId: number): Promise<void> {
  await trx
    .updateTable('customer_ship_tos')
    .set({ is_default: 0 })
    .where('customer_id', '=', customerId)
    .where('is_default', '=', 1)
    .execute();
}
