import type { Tx } from '../../adapters/db/database.js';
import { termsOf } from './customer-views.js';

/**
 * Everything order entry and allocation need to know about the buyer, in one read: pricing
 * (currency, price list), terms and credit limit, whether it is on hold or inactive, how it
 * wants to be served (priority, warehouse, ship-complete, backorders, shelf life) and where
 * goods go by default.
 */
export interface CustomerForOrder {
  id: number;
  accountNumber: string;
  currency: string;
  priceListId: number | null;
  /** The price list's currency (read with the customer); null when it has no list. */
  priceListCurrency: string | null;
  paymentTermsDays: number;
  /** Null: no limit. */
  creditLimitMinor: number | null;
  onHold: boolean;
  holdReason: string | null;
  /** 1 is served first, 9 last. */
  priority: number;
  preferredWarehouseId: number | null;
  shipComplete: boolean;
  allowBackorders: boolean;
  /** The account's own minimum; per-SKU rules come from `skuShelfLifeRules`. */
  minRemainingShelfLifeDays: number;
  active: boolean;
  /** Null only for an account whose ship-tos were never set up (not possible through the API). */
  defaultShipToId: number | null;
}

/** The customer as an order sees it, read in the caller's transaction; undefined when there is none. */
export async function loadCustomerForOrder(
  trx: Tx,
  customerId: number,
): Promise<CustomerForOrder | undefined> {
  const row = await trx
    .selectFrom('customers')
    .leftJoin('customer_ship_tos as ship_to', (join) =>
      join.onRef('ship_to.customer_id', '=', 'customers.id').on('ship_to.is_default', '=', 1),
    )
    .leftJoin('price_lists as list', 'list.id', 'customers.price_list_id')
    .select([
      'customers.id',
      'customers.account_number',
      'customers.currency',
      'customers.price_list_id',
      'list.currency as price_list_currency',
      'customers.payment_terms_days',
      'customers.credit_limit_minor',
      'customers.on_hold',
      'customers.hold_reason',
      'customers.priority',
      'customers.preferred_warehouse_id',
      'customers.ship_complete',
      'customers.allow_backorders',
      'customers.min_remaining_shelf_life_days',
      'customers.active',
      'ship_to.id as default_ship_to_id',
    ])
    .where('customers.id', '=', customerId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    accountNumber: row.account_number,
    ...termsOf(row),
    priceListCurrency: row.price_list_currency,
    onHold: row.on_hold === 1,
    holdReason: row.hold_reason,
    defaultShipToId: row.default_ship_to_id,
  };
}
