import type { Insertable } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { CustomerTable } from '../../adapters/db/schema.js';
import type { CustomerDefinition } from '../../core/customers/customer.rules.js';
import { FailureError } from '../../core/shared/result.js';
import { priceListNotFound, warehouseNotFound } from './customer-failures.js';

/**
 * Checks what an account points at: the price list exists and prices in the account's
 * currency (a EUR list cannot price a USD account's orders), and the preferred warehouse exists.
 */
export async function checkReferences(trx: Tx, customer: CustomerDefinition): Promise<void> {
  if (customer.priceListId !== null) {
    const list = await trx
      .selectFrom('price_lists')
      .select('currency')
      .where('id', '=', customer.priceListId)
      .executeTakeFirst();
    if (!list) throw priceListNotFound(customer.priceListId);
    if (list.currency !== customer.currency) {
      throw new FailureError({
        code: 'CUSTOMER.CURRENCY_MISMATCH',
        message: `Price list ${customer.priceListId} is in ${list.currency}, the account in ${customer.currency}`,
        details: { priceListCurrency: list.currency, customerCurrency: customer.currency },
      });
    }
  }
  if (customer.preferredWarehouseId !== null) {
    const warehouse = await trx
      .selectFrom('warehouses')
      .select('id')
      .where('id', '=', customer.preferredWarehouseId)
      .executeTakeFirst();
    if (!warehouse) throw warehouseNotFound(customer.preferredWarehouseId);
  }
}

/** The `customers` columns a definition sets (everything but id, hold and timestamps). */
export function customerColumns(
  customer: CustomerDefinition,
): Omit<Insertable<CustomerTable>, 'id' | 'on_hold' | 'hold_reason' | 'created_at' | 'updated_at'> {
  return {
    account_number: customer.accountNumber,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    bill_to_line1: customer.billTo.line1,
    bill_to_line2: customer.billTo.line2,
    bill_to_city: customer.billTo.city,
    bill_to_region: customer.billTo.region,
    bill_to_postal_code: customer.billTo.postalCode,
    bill_to_country: customer.billTo.country,
    price_list_id: customer.priceListId,
    currency: customer.currency,
    payment_terms_days: customer.paymentTermsDays,
    credit_limit_minor: customer.creditLimitMinor,
    priority: customer.priority,
    preferred_warehouse_id: customer.preferredWarehouseId,
    ship_complete: customer.shipComplete ? 1 : 0,
    allow_backorders: customer.allowBackorders ? 1 : 0,
    min_remaining_shelf_life_days: customer.minRemainingShelfLifeDays,
    active: customer.active ? 1 : 0,
  };
}
