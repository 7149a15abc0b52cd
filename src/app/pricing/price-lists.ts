import { isUniqueViolation, type Tx } from '../../adapters/db/database.js';
import { validatePriceRows, type PriceRowDraft } from '../../core/pricing/price-rows.js';
import { FailureError, fail, must, ok, type Result } from '../../core/shared/result.js';
import { deletePriceRow, listOwner, pricesOf, upsertPrices } from './price-rows.repo.js';
import { priceListNotFound, priceNotFound, requireSkuLevel } from './pricing-failures.js';
import {
  priceListView,
  type PriceListView,
  type PriceListWithPrices,
  type PriceView,
} from './pricing-views.js';

/** A new price list as a client sends it: e.g. `WHOLESALE-2025`, "Trade prices", USD. */
export interface NewPriceList {
  code: string;
  name: string;
  currency: string;
}

/** A set of prices for one SKU at one pack level (volume breaks, dated). */
export interface PriceSet {
  skuId: number;
  packLevel: string;
  prices: PriceRowDraft[];
}

/** The prices one SKU and pack level have after a write. */
export interface PriceSetView {
  skuId: number;
  packLevel: string;
  prices: PriceView[];
}

const CODE = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** Creates a price list; the code is upper-cased and must be unused (`PRICING.PRICE_LIST_ALREADY_EXISTS`). */
export async function createPriceList(
  trx: Tx,
  input: NewPriceList,
  now: Date,
): Promise<PriceListView> {
  const code = input.code.trim().toUpperCase();
  if (!CODE.test(code))
    throw invalid('A price list code is 1–40 letters, digits, ".", "_" or "-"', 'code');
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) throw invalid('A name is 1–200 characters', 'name');
  if (!CURRENCY.test(input.currency))
    throw invalid('Currency is an ISO 4217 code such as "USD"', 'currency');
  const taken = await trx
    .selectFrom('price_lists')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (taken) throw alreadyExists(code);
  try {
    const row = await trx
      .insertInto('price_lists')
      .values({ code, name, currency: input.currency, active: 1, created_at: now.toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return priceListView(row);
  } catch (error) {
    // Two creates raced past the check; on PostgreSQL the transaction is aborted already.
    if (isUniqueViolation(error)) throw alreadyExists(code);
    throw error;
  }
}

/** Price lists in id order; up to `limit + 1` items (the extra one says a next page exists). */
export async function listPriceLists(
  db: Tx,
  page: { limit: number; afterId?: number | undefined },
): Promise<PriceListView[]> {
  let query = db
    .selectFrom('price_lists')
    .selectAll()
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  return (await query.execute()).map(priceListView);
}

/** One price list with its prices (all, or one SKU's), or `PRICING.PRICE_LIST_NOT_FOUND`. */
export async function getPriceList(
  db: Tx,
  priceListId: number,
  skuId?: number,
): Promise<Result<PriceListWithPrices>> {
  const row = await db
    .selectFrom('price_lists')
    .selectAll()
    .where('id', '=', priceListId)
    .executeTakeFirst();
  if (!row)
    return fail('PRICING.PRICE_LIST_NOT_FOUND', `No price list ${priceListId}`, { priceListId });
  return ok({
    ...priceListView(row),
    prices: await pricesOf(db, listOwner(priceListId), { skuId }),
  });
}

/**
 * Adds or corrects a list's prices for one SKU and pack level (see `upsertPrices`). The SKU
 * must have the level; every row is checked before any is written.
 */
export async function upsertListPrices(
  trx: Tx,
  priceListId: number,
  input: PriceSet,
): Promise<PriceSetView> {
  await requirePriceList(trx, priceListId);
  const packLevel = await requireSkuLevel(trx, input.skuId, input.packLevel);
  const rows = must(validatePriceRows(input.prices));
  const prices = await upsertPrices(trx, listOwner(priceListId), input.skuId, packLevel, rows);
  return { skuId: input.skuId, packLevel, prices };
}

/** Removes one price from a list; returns what was removed. */
export async function deleteListPrice(
  trx: Tx,
  priceListId: number,
  priceId: number,
): Promise<PriceView> {
  await requirePriceList(trx, priceListId);
  const removed = await deletePriceRow(trx, listOwner(priceListId), priceId);
  if (!removed) throw priceNotFound(priceId);
  return removed;
}

async function requirePriceList(trx: Tx, priceListId: number): Promise<void> {
  const row = await trx
    .selectFrom('price_lists')
    .select('id')
    .where('id', '=', priceListId)
    .executeTakeFirst();
  if (!row) throw priceListNotFound(priceListId);
}

function invalid(message: string, field: string): FailureError {
  return new FailureError({ code: 'PRICING.INVALID_PRICE_LIST', message, details: { field } });
}

function alreadyExists(code: string): FailureError {
  return new FailureError({
    code: 'PRICING.PRICE_LIST_ALREADY_EXISTS',
    message: `Price list ${code} already exists`,
    details: { priceListCode: code },
  });
}
