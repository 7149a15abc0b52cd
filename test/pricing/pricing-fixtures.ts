import { dogFood } from '../catalog/catalog-fixtures.js';
import type { TestApi } from '../support/api.js';

/** The day every pricing test runs on (the server clock is fixed to noon UTC of it). */
export const TODAY = '2025-06-15';
export const YESTERDAY = '2025-06-14';
export const TOMORROW = '2025-06-16';
export const fixedClock = () => new Date(`${TODAY}T12:00:00Z`);

/** Creates a dog-food SKU (4 bags to a case, 160 to a pallet) and returns its id. */
export async function createSkuVia(api: TestApi, n: number): Promise<number> {
  const response = await api.app.inject({
    method: 'POST',
    url: '/api/v1/skus',
    headers: api.as('manager'),
    payload: dogFood(n),
  });
  if (response.statusCode !== 201) throw new Error(`create SKU ${n}: ${response.body}`);
  return response.json().id as number;
}

/** Creates a price list and returns its id. */
export async function createPriceListVia(api: TestApi, code: string, currency = 'USD') {
  const response = await api.app.inject({
    method: 'POST',
    url: '/api/v1/price-lists',
    headers: api.as('manager'),
    payload: { code, name: `Trade prices ${code}`, currency },
  });
  if (response.statusCode !== 201) throw new Error(`create price list ${code}: ${response.body}`);
  return response.json().id as number;
}

/**
 * Inserts a customer row directly (the customers API is built elsewhere): a pet shop in
 * Springfield buying from `priceListId`.
 */
export async function insertCustomer(
  api: TestApi,
  accountNumber: string,
  priceListId: number | null,
  currency = 'USD',
): Promise<number> {
  const at = fixedClock().toISOString();
  const row = await api.store.database.write((trx) =>
    trx
      .insertInto('customers')
      .values({
        account_number: accountNumber,
        name: `Paws & Claws ${accountNumber}`,
        email: null,
        phone: null,
        bill_to_line1: '12 Main St',
        bill_to_line2: null,
        bill_to_city: 'Springfield',
        bill_to_region: 'IL',
        bill_to_postal_code: '62701',
        bill_to_country: 'US',
        price_list_id: priceListId,
        currency,
        payment_terms_days: 30,
        credit_limit_minor: null,
        on_hold: 0,
        hold_reason: null,
        priority: 5,
        preferred_warehouse_id: null,
        ship_complete: 0,
        allow_backorders: 1,
        min_remaining_shelf_life_days: 0,
        active: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

/** A PUT of prices for one SKU and level, as a manager; returns the response. */
export function putPrices(
  api: TestApi,
  url: string,
  skuId: number,
  packLevel: string,
  prices: Record<string, unknown>[],
  role: Parameters<TestApi['as']>[0] = 'manager',
) {
  return api.app.inject({
    method: 'PUT',
    url,
    headers: api.as(role),
    payload: { skuId, packLevel, prices },
  });
}

/** POST /quotes as a role; returns the response. */
export function postQuote(
  api: TestApi,
  body: Record<string, unknown>,
  role: Parameters<TestApi['as']>[0] = 'sales',
) {
  return api.app.inject({
    method: 'POST',
    url: '/api/v1/quotes',
    headers: api.as(role),
    payload: body,
  });
}
