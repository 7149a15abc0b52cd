import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { dialects } from '../support/databases.js';
import { insertSku, insertWarehouse, NOW, type WarehouseFixture } from '../support/fixtures.js';

const SKUS = 7;

/**
 * Issue 17, item 11: a malformed cursor restarted at page 1 (a buggy client looped forever),
 * and /stock encoded an offset, so a row added between pages shifted every later page.
 */
describe.each(dialects)('pagination on %s', (dialect) => {
  let api: TestApi;
  let wh: WarehouseFixture;
  const skuIds: number[] = [];
  beforeAll(async () => {
    api = await startTestApi(dialect);
    wh = await insertWarehouse(api.store.database, 'PAGE', 2);
    for (let i = 1; i <= SKUS; i++) skuIds.push(await insertSku(api.store.database, `PG-${i}`));
    await stockAt(wh.bins[0]!, skuIds);
  });
  afterAll(async () => api?.close());

  /** Balance rows straight into the projection: enough for a stock report's pages. */
  const stockAt = (locationId: number, skus: number[]) =>
    api.store.database.write((trx) =>
      trx
        .insertInto('stock_balances')
        .values(
          skus.map((skuId) => ({
            location_id: locationId,
            sku_id: skuId,
            lot_id: 0,
            warehouse_id: wh.id,
            on_hand: 5,
            allocated: 0,
            updated_at: NOW,
          })),
        )
        .execute(),
    );

  const get = (url: string) =>
    api.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: api.as('manager') });

  it.each(['/stock', '/customers', '/orders', '/suppliers'])(
    'refuses a cursor it did not hand out on %s with 400',
    async (list) => {
      for (const cursor of ['garbage', 'MTA=', Buffer.from('1e3').toString('base64url'), '%00']) {
        const response = await get(`${list}?cursor=${cursor}`);
        expect(response.statusCode, `${cursor}: ${response.body}`).toBe(400);
        expect(response.json()).toMatchObject({ field: 'cursor' });
      }
    },
  );

  it('walks /stock in exact pages with keyset cursors: a row added behind the cursor shifts nothing', async () => {
    const first = await get('/stock?groupBy=sku&limit=3');
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json() as { items: { skuId: number }[]; nextCursor: string };
    expect(page1.items.map((r) => r.skuId)).toEqual(skuIds.slice(0, 3));
    // Another bin of the first SKU: under an offset cursor the pages after this would repeat rows.
    await stockAt(wh.bins[1]!, [skuIds[0]!]);
    const seen = [...page1.items.map((r) => r.skuId)];
    let cursor: string | null = page1.nextCursor;
    const lengths = [page1.items.length];
    while (cursor) {
      const page = (await get(`/stock?groupBy=sku&limit=3&cursor=${cursor}`)).json() as {
        items: { skuId: number }[];
        nextCursor: string | null;
      };
      lengths.push(page.items.length);
      seen.push(...page.items.map((r) => r.skuId));
      cursor = page.nextCursor;
    }
    expect(lengths).toEqual([3, 3, 1]);
    expect(seen).toEqual(skuIds);
  });

  it('pages by location with a composite key, each row once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await get(
        `/stock?groupBy=location&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as {
        items: { skuId: number; locationId: number }[];
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((r) => `${r.skuId}@${r.locationId}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(SKUS + 1);
    expect(new Set(seen).size).toBe(SKUS + 1);
  });
});
