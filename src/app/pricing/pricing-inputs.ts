import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { isPackLevel } from '../../core/catalog/sku.rules.js';
import type { SkuPricingFacts } from '../../core/pricing/line-pricing.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import { orderRuleView, priceCandidate } from './pricing-views.js';

/** Whose prices, for which SKUs, on which day. */
export interface PricingInputsRequest {
  customerId?: number | null | undefined;
  /**
   * The customer (and its list's currency) as the caller already read it in this transaction,
   * so neither is read again. Its id must be `customerId`; `priceListCurrency` null means the
   * customer's list was not found.
   */
  customer?: KnownCustomer | undefined;
  /** Default: the customer's price list. */
  priceListId?: number | null | undefined;
  skuIds: readonly number[];
  /** `YYYY-MM-DD`. Only prices valid on this day are loaded. */
  onDate: string;
}

/** A customer as order entry loaded it: see `loadCustomerForOrder`. */
export interface KnownCustomer {
  id: number;
  currency: string;
  priceListId: number | null;
  priceListCurrency: string | null;
}

/** What an SKU's line needs to be priced, plus whether the SKU may still be sold. */
export interface SkuPricing extends SkuPricingFacts {
  active: boolean;
}

/** Everything the pure pricing needs for one order or quote. */
export interface PricingInputs {
  customerId: number | null;
  /** The list that applied: the one asked for, else the customer's, else none. */
  priceListId: number | null;
  /** The currency of every price loaded (the customer's and the list's agree). */
  currency: string | null;
  onDate: string;
  skus: ReadonlyMap<number, SkuPricing>;
}

/**
 * Loads, in one query per table (customer and price list unless the caller passes them, SKUs, packs, list prices, customer
 * prices, order rules — `sku_id in (…)`), what pricing an order's SKUs needs. Only prices valid
 * on `onDate` are loaded. Fails with `CUSTOMER.NOT_FOUND`, `PRICING.PRICE_LIST_NOT_FOUND`,
 * `CATALOG.SKU_NOT_FOUND` (details list the missing `skuIds`) or `PRICING.CURRENCY_MISMATCH`
 * when the customer's currency is not the list's (their prices could not be compared).
 */
export async function loadPricingInputs(
  trx: Tx,
  request: PricingInputsRequest,
): Promise<Result<PricingInputs>> {
  const customerId = request.customerId ?? null;
  const known = request.customer?.id === customerId ? request.customer : undefined;
  const customer =
    customerId === null
      ? undefined
      : known
        ? { id: known.id, currency: known.currency, price_list_id: known.priceListId }
        : await trx
            .selectFrom('customers')
            .select(['id', 'currency', 'price_list_id'])
            .where('id', '=', customerId)
            .executeTakeFirst();
  if (customerId !== null && !customer) {
    return fail('CUSTOMER.NOT_FOUND', `No customer ${customerId}`, { customerId });
  }
  const priceListId = request.priceListId ?? customer?.price_list_id ?? null;
  const list =
    priceListId === null
      ? undefined
      : known && priceListId === known.priceListId
        ? known.priceListCurrency === null
          ? undefined
          : { id: priceListId, currency: known.priceListCurrency }
        : await trx
            .selectFrom('price_lists')
            .select(['id', 'currency'])
            .where('id', '=', priceListId)
            .executeTakeFirst();
  if (priceListId !== null && !list) {
    return fail('PRICING.PRICE_LIST_NOT_FOUND', `No price list ${priceListId}`, { priceListId });
  }
  if (customer && list && customer.currency !== list.currency) {
    return fail(
      'PRICING.CURRENCY_MISMATCH',
      `The customer buys in ${customer.currency} but price list ${list.id} is in ${list.currency}`,
      { customerCurrency: customer.currency, priceListCurrency: list.currency },
    );
  }
  const skus = await loadSkus(
    trx,
    [...new Set(request.skuIds)],
    customerId,
    priceListId,
    request.onDate,
  );
  if (!skus.ok) return skus;
  return ok({
    customerId,
    priceListId,
    currency: customer?.currency ?? list?.currency ?? null,
    onDate: request.onDate,
    skus: skus.value,
  });
}

async function loadSkus(
  trx: Tx,
  skuIds: number[],
  customerId: number | null,
  priceListId: number | null,
  onDate: string,
): Promise<Result<Map<number, SkuPricing>>> {
  const facts = await loadSkuPricing(trx, skuIds, customerId, priceListId, onDate);
  const missing = skuIds.filter((id) => !facts.has(id));
  if (missing.length > 0) {
    return fail('CATALOG.SKU_NOT_FOUND', `No SKU with id ${missing.join(', ')}`, {
      skuIds: missing,
    });
  }
  return ok(facts);
}

/**
 * Pricing facts of the SKUs that exist among `skuIds` (one query per table): packs, the list's
 * and the customer's prices valid on `onDate`, order rules. Unknown ids are simply absent.
 */
export async function loadSkuPricing(
  trx: Tx,
  skuIds: readonly number[],
  customerId: number | null,
  priceListId: number | null,
  onDate: string,
): Promise<Map<number, SkuPricing>> {
  const facts = new Map<number, SkuPricing>();
  if (skuIds.length === 0) return facts;
  const rows = await trx
    .selectFrom('skus')
    .select(['id', 'active'])
    .where('id', 'in', skuIds)
    .execute();
  for (const row of rows) {
    facts.set(row.id, {
      skuId: row.id,
      active: row.active === 1,
      packSizes: {},
      prices: [],
      rule: null,
    });
  }
  if (rows.length === 0) return facts;
  skuIds = rows.map((r) => r.id);
  const at = (skuId: number) => facts.get(skuId)!;
  const packs = await trx
    .selectFrom('sku_packs')
    .select(['sku_id', 'level', 'quantity'])
    .where('sku_id', 'in', skuIds)
    .execute();
  for (const pack of packs) {
    if (isPackLevel(pack.level)) at(pack.sku_id).packSizes[pack.level] = pack.quantity;
  }
  const listPrices =
    priceListId === null
      ? []
      : await trx
          .selectFrom('price_list_prices')
          .selectAll()
          .where('price_list_id', '=', priceListId)
          .where('sku_id', 'in', skuIds)
          .where(validOn(onDate))
          .execute();
  const customerPrices =
    customerId === null
      ? []
      : await trx
          .selectFrom('customer_prices')
          .selectAll()
          .where('customer_id', '=', customerId)
          .where('sku_id', 'in', skuIds)
          .where(validOn(onDate))
          .execute();
  const prices = [
    ...listPrices.map((r) => priceCandidate(r, 'list')),
    ...customerPrices.map((r) => priceCandidate(r, 'customer')),
  ];
  for (const price of prices) at(price.skuId).prices = [...at(price.skuId).prices, price];
  const rules = await trx
    .selectFrom('sku_order_rules')
    .selectAll()
    .where('sku_id', 'in', skuIds)
    .execute();
  for (const rule of rules) {
    const { skuId: _sku, ...orderRule } = orderRuleView(rule);
    at(rule.sku_id).rule = orderRule;
  }
  return facts;
}

/** Rows valid on a day: from inclusive, to exclusive, null open (dates compare as text). */
function validOn(onDate: string) {
  return sql<boolean>`(valid_from is null or valid_from <= ${onDate}) and (valid_to is null or valid_to > ${onDate})`;
}
