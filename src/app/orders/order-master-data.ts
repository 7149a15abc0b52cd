import type { Tx } from '../../adapters/db/database.js';
import { FailureError } from '../../core/shared/result.js';
import { loadCustomerForOrder, type CustomerForOrder } from '../customers/customer-for-order.js';
import { loadShipTo } from '../customers/ship-tos.js';
import { skuShelfLifeRules } from '../customers/sku-rules.js';
import type { MasterDataCache } from '../master-data/master-data-cache.js';
import { loadSkuPricing, type SkuPricing } from '../pricing/pricing-inputs.js';

/**
 * What order entry reads about the buyer and the SKUs, from the master-data cache (brought up
 * to date by the caller in this transaction), loaded in this transaction on a miss.
 */
export class OrderMasterData {
  constructor(
    private readonly cache: MasterDataCache,
    private readonly trx: Tx,
  ) {}

  customer(customerId: number): Promise<CustomerForOrder | undefined> {
    return this.cache.get('customer', String(customerId), () =>
      loadCustomerForOrder(this.trx, customerId),
    );
  }

  async hasShipTo(customerId: number, shipToId: number): Promise<boolean> {
    return this.cache.get('ship-to', `${customerId}:${shipToId}`, async () =>
      Boolean(await loadShipTo(this.trx, customerId, shipToId)),
    );
  }

  /**
   * Pricing facts for the SKUs, as the customer's list and own prices stand on `onDate`;
   * fails like `loadPricingInputs` when the list is missing, in another currency, or a SKU is
   * unknown.
   */
  async skuPricing(
    customer: CustomerForOrder,
    skuIds: readonly number[],
    onDate: string,
  ): Promise<Map<number, SkuPricing>> {
    checkPriceList(customer);
    const scope = `${customer.id}|${customer.priceListId}|${onDate}|`;
    const cached = await this.cache.getMany<SkuPricing>(
      'sku-pricing',
      skuIds.map((id) => scope + id),
      async (missing) => {
        const ids = missing.map((k) => Number(k.slice(scope.length)));
        const loaded = await loadSkuPricing(
          this.trx,
          ids,
          customer.id,
          customer.priceListId,
          onDate,
        );
        return new Map([...loaded].map(([id, facts]) => [scope + id, facts]));
      },
    );
    const facts = new Map<number, SkuPricing>();
    const missing: number[] = [];
    for (const id of skuIds) {
      const found = cached.get(scope + id);
      if (found) facts.set(id, found);
      else if (!missing.includes(id)) missing.push(id);
    }
    if (missing.length > 0)
      throw new FailureError({
        code: 'CATALOG.SKU_NOT_FOUND',
        message: `No SKU with id ${missing.join(', ')}`,
        details: { skuIds: missing },
      });
    return facts;
  }

  /** The customer's per-SKU minimum remaining shelf life, where it has a rule. */
  async shelfLifeRules(
    customerId: number,
    skuIds: readonly number[],
  ): Promise<Map<number, number>> {
    const scope = `${customerId}|`;
    const cached = await this.cache.getMany<number>(
      'shelf-life',
      skuIds.map((id) => scope + id),
      async (missing) => {
        const rules = await skuShelfLifeRules(
          this.trx,
          customerId,
          missing.map((k) => Number(k.slice(scope.length))),
        );
        return new Map([...rules].map(([id, days]) => [scope + id, days]));
      },
    );
    const rules = new Map<number, number>();
    for (const id of skuIds) {
      const days = cached.get(scope + id);
      if (days !== undefined) rules.set(id, days);
    }
    return rules;
  }
}

/** The same refusals as `loadPricingInputs` for a customer whose list is gone or in another currency. */
function checkPriceList(customer: CustomerForOrder) {
  if (customer.priceListId === null) return;
  if (customer.priceListCurrency === null)
    throw new FailureError({
      code: 'PRICING.PRICE_LIST_NOT_FOUND',
      message: `No price list ${customer.priceListId}`,
      details: { priceListId: customer.priceListId },
    });
  if (customer.currency !== customer.priceListCurrency)
    throw new FailureError({
      code: 'PRICING.CURRENCY_MISMATCH',
      message: `The customer buys in ${customer.currency} but price list ${customer.priceListId} is in ${customer.priceListCurrency}`,
      details: {
        customerCurrency: customer.currency,
        priceListCurrency: customer.priceListCurrency,
      },
    });
}
