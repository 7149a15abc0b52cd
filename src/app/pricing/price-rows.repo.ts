import type { Tx } from '../../adapters/db/database.js';
import type { PriceRow as CheckedRow } from '../../core/pricing/price-rows.js';
import type { PriceLevel } from '../../core/pricing/price-resolver.js';
import { priceView, type PriceView } from './pricing-views.js';

/**
 * Whose prices: a price list's (`price_list_prices`) or a customer's own (`customer_prices`).
 * Both tables have the same shape but the owner column, so one set of queries serves both.
 */
export type PriceOwner =
  | { table: 'price_list_prices'; column: 'price_list_id'; id: number }
  | { table: 'customer_prices'; column: 'customer_id'; id: number };

/** A price list as the owner of prices. */
export const listOwner = (id: number): PriceOwner => ({
  table: 'price_list_prices',
  column: 'price_list_id',
  id,
});

/** A customer as the owner of prices. */
export const customerOwner = (id: number): PriceOwner => ({
  table: 'customer_prices',
  column: 'customer_id',
  id,
});

/**
 * Writes a set of prices for one SKU and pack level. A row on the same break and start date
 * as a stored one replaces its price and end date (a correction); any other row is added, so
 * tomorrow's price can be loaded beside today's. Rows not mentioned stay. Returns every price
 * the owner now has for that SKU and level.
 */
export async function upsertPrices(
  trx: Tx,
  owner: PriceOwner,
  skuId: number,
  packLevel: PriceLevel,
  rows: readonly CheckedRow[],
): Promise<PriceView[]> {
  const stored = await pricesOf(trx, owner, { skuId, packLevel });
  for (const row of rows) {
    const same = stored.find(
      (s) => s.minQuantity === row.minQuantity && s.validFrom === row.validFrom,
    );
    if (same) {
      await trx
        .updateTable(owner.table)
        .set({ unit_price_minor: row.unitPriceMinor, valid_to: row.validTo })
        .where('id', '=', same.id)
        .execute();
    } else {
      await trx
        .insertInto(owner.table)
        .values({
          [owner.column]: owner.id,
          sku_id: skuId,
          pack_level: packLevel,
          min_quantity: row.minQuantity,
          unit_price_minor: row.unitPriceMinor,
          valid_from: row.validFrom,
          valid_to: row.validTo,
        })
        .execute();
    }
  }
  return pricesOf(trx, owner, { skuId, packLevel });
}

/** The owner's prices, optionally for one SKU (and level), in price-sheet order. */
export async function pricesOf(
  trx: Tx,
  owner: PriceOwner,
  filter: { skuId?: number | undefined; packLevel?: string | undefined } = {},
): Promise<PriceView[]> {
  let query = trx
    .selectFrom(owner.table)
    .selectAll()
    .where(owner.column, '=', owner.id)
    .orderBy('sku_id')
    .orderBy('pack_level')
    .orderBy('min_quantity')
    .orderBy('id');
  if (filter.skuId !== undefined) query = query.where('sku_id', '=', filter.skuId);
  if (filter.packLevel !== undefined) query = query.where('pack_level', '=', filter.packLevel);
  return (await query.execute()).map((row) => priceView(row));
}

/** Deletes one of the owner's prices; undefined when the owner has no such price. */
export async function deletePriceRow(
  trx: Tx,
  owner: PriceOwner,
  priceId: number,
): Promise<PriceView | undefined> {
  const row = await trx
    .deleteFrom(owner.table)
    .where('id', '=', priceId)
    .where(owner.column, '=', owner.id)
    .returningAll()
    .executeTakeFirst();
  return row ? priceView(row) : undefined;
}
