import type { Tx } from '../../adapters/db/database.js';
import { validatePriceRows } from '../../core/pricing/price-rows.js';
import { fail, must, ok, type Result } from '../../core/shared/result.js';
import type { PriceSet, PriceSetView } from './price-lists.js';
import { customerOwner, deletePriceRow, pricesOf, upsertPrices } from './price-rows.repo.js';
import { priceNotFound, requireCustomer, requireSkuLevel } from './pricing-failures.js';
import type { PriceView } from './pricing-views.js';

/** A customer's own prices (contract prices), which win over any price list. */
export interface CustomerPrices {
  customerId: number;
  prices: PriceView[];
}

/**
 * Adds or corrects a customer's own prices for one SKU and pack level, in the customer's
 * currency. Same shape and rules as a price list's prices (see `upsertPrices`).
 */
export async function upsertCustomerPrices(
  trx: Tx,
  customerId: number,
  input: PriceSet,
): Promise<PriceSetView> {
  await requireCustomer(trx, customerId);
  const packLevel = await requireSkuLevel(trx, input.skuId, input.packLevel);
  const rows = must(validatePriceRows(input.prices));
  const prices = await upsertPrices(trx, customerOwner(customerId), input.skuId, packLevel, rows);
  return { skuId: input.skuId, packLevel, prices };
}

/** A customer's own prices (all, or one SKU's), in price-sheet order; `CUSTOMER.NOT_FOUND`. */
export async function listCustomerPrices(
  db: Tx,
  customerId: number,
  skuId?: number,
): Promise<Result<CustomerPrices>> {
  const customer = await db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer) return fail('CUSTOMER.NOT_FOUND', `No customer ${customerId}`, { customerId });
  return ok({ customerId, prices: await pricesOf(db, customerOwner(customerId), { skuId }) });
}

/** Removes one of a customer's prices (the list price applies again); returns what was removed. */
export async function deleteCustomerPrice(
  trx: Tx,
  customerId: number,
  priceId: number,
): Promise<PriceView> {
  await requireCustomer(trx, customerId);
  const removed = await deletePriceRow(trx, customerOwner(customerId), priceId);
  if (!removed) throw priceNotFound(priceId);
  return removed;
}
