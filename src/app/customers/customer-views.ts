import type { Selectable } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type {
  CustomerShipToTable,
  CustomerSkuRuleTable,
  CustomerTable,
} from '../../adapters/db/schema.js';
import type { Address } from '../../core/customers/address.rules.js';
import type { CustomerDefinition } from '../../core/customers/customer.rules.js';

/** A delivery address of an account as the API shows it. */
export interface ShipToView {
  id: number;
  customerId: number;
  code: string;
  name: string;
  address: Address;
  isDefault: boolean;
}

/** A per-SKU exception to the account's minimum remaining shelf life. */
export interface SkuRuleView {
  skuId: number;
  minRemainingShelfLifeDays: number;
}

/** A customer account as the API shows it: camelCase, flags as booleans, with its ship-tos and SKU rules. */
export interface CustomerView {
  id: number;
  accountNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  billTo: Address;
  priceListId: number | null;
  currency: string;
  paymentTermsDays: number;
  creditLimitMinor: number | null;
  onHold: boolean;
  holdReason: string | null;
  priority: number;
  preferredWarehouseId: number | null;
  shipComplete: boolean;
  allowBackorders: boolean;
  minRemainingShelfLifeDays: number;
  active: boolean;
  shipTos: ShipToView[];
  skuRules: SkuRuleView[];
  createdAt: string;
  updatedAt: string;
}

export type CustomerRow = Selectable<CustomerTable>;
export type ShipToRow = Selectable<CustomerShipToTable>;
type SkuRuleRow = Selectable<CustomerSkuRuleTable>;

/** Maps a `customer_ship_tos` row to its API shape. */
export function shipToView(row: ShipToRow): ShipToView {
  return {
    id: row.id,
    customerId: row.customer_id,
    code: row.code,
    name: row.name,
    address: {
      line1: row.line1,
      line2: row.line2,
      city: row.city,
      region: row.region,
      postalCode: row.postal_code,
      country: row.country,
    },
    isDefault: row.is_default === 1,
  };
}

/** The stored account as a definition, the base a patch is merged into. */
export function definitionOf(row: CustomerRow): CustomerDefinition {
  return {
    accountNumber: row.account_number,
    name: row.name,
    email: row.email,
    phone: row.phone,
    billTo: {
      line1: row.bill_to_line1,
      line2: row.bill_to_line2,
      city: row.bill_to_city,
      region: row.bill_to_region,
      postalCode: row.bill_to_postal_code,
      country: row.bill_to_country,
    },
    ...termsOf(row),
  };
}

type TermsRow = Pick<
  CustomerRow,
  | 'price_list_id'
  | 'currency'
  | 'payment_terms_days'
  | 'credit_limit_minor'
  | 'priority'
  | 'preferred_warehouse_id'
  | 'ship_complete'
  | 'allow_backorders'
  | 'min_remaining_shelf_life_days'
  | 'active'
>;

/**
 * How an account buys and is served (pricing, terms, credit, priority, warehouse, backorders,
 * shelf life), mapped once: the API view and the order-entry read both use it.
 */
export function termsOf(row: TermsRow) {
  return {
    priceListId: row.price_list_id,
    currency: row.currency,
    paymentTermsDays: row.payment_terms_days,
    creditLimitMinor: row.credit_limit_minor,
    priority: row.priority,
    preferredWarehouseId: row.preferred_warehouse_id,
    shipComplete: row.ship_complete === 1,
    allowBackorders: row.allow_backorders === 1,
    minRemainingShelfLifeDays: row.min_remaining_shelf_life_days,
    active: row.active === 1,
  };
}

/** Maps a `customers` row and its children to the API shape. */
export function customerView(
  row: CustomerRow,
  shipTos: ShipToRow[],
  rules: SkuRuleRow[],
): CustomerView {
  return {
    id: row.id,
    ...definitionOf(row),
    onHold: row.on_hold === 1,
    holdReason: row.hold_reason,
    shipTos: shipTos.map(shipToView),
    skuRules: rules.map((r) => ({
      skuId: r.sku_id,
      minRemainingShelfLifeDays: r.min_remaining_shelf_life_days,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Loads the ship-tos and SKU rules of a page of customers in two queries and maps them. */
export async function customerViews(db: Tx, rows: CustomerRow[]): Promise<CustomerView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const shipTos = await db
    .selectFrom('customer_ship_tos')
    .selectAll()
    .where('customer_id', 'in', ids)
    .orderBy('id')
    .execute();
  const rules = await db
    .selectFrom('customer_sku_rules')
    .selectAll()
    .where('customer_id', 'in', ids)
    .orderBy('sku_id')
    .execute();
  return rows.map((row) =>
    customerView(
      row,
      shipTos.filter((s) => s.customer_id === row.id),
      rules.filter((r) => r.customer_id === row.id),
    ),
  );
}

/** One customer with its children, by id; undefined when there is none. */
export async function customerViewById(
  db: Tx,
  customerId: number,
): Promise<CustomerView | undefined> {
  const row = await db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', customerId)
    .executeTakeFirst();
  return row ? (await customerViews(db, [row]))[0] : undefined;
}
