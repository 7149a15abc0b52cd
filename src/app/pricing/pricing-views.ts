import type { Selectable } from 'kysely';
import type {
  CustomerPriceTable,
  PriceListPriceTable,
  PriceListTable,
  SkuOrderRuleTable,
} from '../../adapters/db/schema.js';
import { isRounding, type OrderRule } from '../../core/pricing/order-quantity.js';
import type { PriceCandidate } from '../../core/pricing/price-resolver.js';

/** A price list as the API shows it: the currency its prices are in. */
export interface PriceListView {
  id: number;
  code: string;
  name: string;
  currency: string;
  active: boolean;
  createdAt: string;
}

/** One stored price, from a list or a customer's own prices. `validTo` is exclusive. */
export interface PriceView {
  id: number;
  skuId: number;
  packLevel: string;
  minQuantity: number;
  unitPriceMinor: number;
  validFrom: string | null;
  validTo: string | null;
}

/** A price list with its prices, SKU by SKU, breaks smallest first. */
export interface PriceListWithPrices extends PriceListView {
  prices: PriceView[];
}

/** A SKU's order quantity rule as the API shows it. */
export interface OrderRuleView extends OrderRule {
  skuId: number;
}

/** Rows as the store returns them. */
export type PriceListRow = Selectable<PriceListTable>;
export type PriceRow = Selectable<PriceListPriceTable> | Selectable<CustomerPriceTable>;
export type OrderRuleRow = Selectable<SkuOrderRuleTable>;

/** Maps a `price_lists` row to its API shape. */
export function priceListView(row: PriceListRow): PriceListView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    currency: row.currency,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

/** Maps a `price_list_prices` or `customer_prices` row to its API shape. */
export function priceView(row: PriceRow): PriceView {
  return {
    id: row.id,
    skuId: row.sku_id,
    packLevel: row.pack_level,
    minQuantity: row.min_quantity,
    unitPriceMinor: Number(row.unit_price_minor),
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** A stored price as the pure resolver takes it, marked with where it came from. */
export function priceCandidate(
  row: PriceRow,
  origin: PriceCandidate['origin'],
): PriceCandidate & { skuId: number } {
  return { ...priceView(row), origin };
}

/** Maps a `sku_order_rules` row to its rule; an unknown rounding is a bug in whoever wrote it. */
export function orderRuleView(row: OrderRuleRow): OrderRuleView {
  if (!isRounding(row.rounding)) {
    throw new Error(`sku_order_rules ${row.sku_id} has unknown rounding ${row.rounding}`);
  }
  return {
    skuId: row.sku_id,
    minOrderQuantity: row.min_order_quantity,
    orderMultiple: row.order_multiple,
    rounding: row.rounding,
  };
}

/** Sorts prices the way a price sheet reads: by SKU, level, break, start date. */
export function byPriceSheetOrder(a: PriceView, b: PriceView): number {
  return (
    a.skuId - b.skuId ||
    a.packLevel.localeCompare(b.packLevel) ||
    a.minQuantity - b.minQuantity ||
    (a.validFrom ?? '').localeCompare(b.validFrom ?? '') ||
    a.id - b.id
  );
}
