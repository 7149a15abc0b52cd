import type { Tx } from '../../adapters/db/database.js';
import { isPriceLevel, type PriceLevel } from '../../core/pricing/price-resolver.js';
import { FailureError } from '../../core/shared/result.js';

/** The price list a request names does not exist (404). */
export function priceListNotFound(priceListId: number): FailureError {
  return new FailureError({
    code: 'PRICING.PRICE_LIST_NOT_FOUND',
    message: `No price list ${priceListId}`,
    details: { priceListId },
  });
}

/** The customer a request names does not exist (404). */
export function customerNotFound(customerId: number): FailureError {
  return new FailureError({
    code: 'CUSTOMER.NOT_FOUND',
    message: `No customer ${customerId}`,
    details: { customerId },
  });
}

/** The price row a request names does not exist under that list or customer (404). */
export function priceNotFound(priceId: number): FailureError {
  return new FailureError({
    code: 'PRICING.PRICE_NOT_FOUND',
    message: `No price ${priceId} here`,
    details: { priceId },
  });
}

/** The SKU a request names does not exist (404). */
export function skuNotFound(skuId: number): FailureError {
  return new FailureError({
    code: 'CATALOG.SKU_NOT_FOUND',
    message: `No SKU with id ${skuId}`,
    details: { skuId },
  });
}

/**
 * Checks that a SKU exists and has the pack level a price is set for (the each always
 * exists), so no price is stored that no order line could ever use.
 */
export async function requireSkuLevel(
  trx: Tx,
  skuId: number,
  packLevel: string,
): Promise<PriceLevel> {
  const sku = await trx.selectFrom('skus').select('id').where('id', '=', skuId).executeTakeFirst();
  if (!sku) throw skuNotFound(skuId);
  if (!isPriceLevel(packLevel)) throw unknownLevel(skuId, packLevel);
  if (packLevel === 'each') return packLevel;
  const pack = await trx
    .selectFrom('sku_packs')
    .select('id')
    .where('sku_id', '=', skuId)
    .where('level', '=', packLevel)
    .executeTakeFirst();
  if (!pack) throw unknownLevel(skuId, packLevel);
  return packLevel;
}

/** Fails unless the customer exists. */
export async function requireCustomer(trx: Tx, customerId: number): Promise<void> {
  const row = await trx
    .selectFrom('customers')
    .select('id')
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!row) throw customerNotFound(customerId);
}

function unknownLevel(skuId: number, packLevel: string): FailureError {
  return new FailureError({
    code: 'PRICING.UNKNOWN_PACK_LEVEL',
    message: `SKU ${skuId} has no ${packLevel} pack to price`,
    details: { skuId, packLevel },
  });
}
