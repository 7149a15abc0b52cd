import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../src/adapters/http/pagination.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { dialects } from '../support/databases.js';
import { customerRow, skuRow } from '../support/fixtures.js';

/** More rows than the largest page, so a page size that is not enforced shows. */
const ROWS = MAX_PAGE_SIZE + 60;
const DEFAULT_PAGE = 50;

/**
 * Page sizes on more than a page of rows: the largest page is exactly MAX_PAGE_SIZE with a
 * cursor, the default exactly 50, the last page the remainder with no cursor, and walking the
 * cursors yields every row once, in order. (On a handful of rows a page-size check cannot fail.)
 */
describe.each(dialects)('page sizes on %s', (dialect) => {
  let api: TestApi;
  const expected = { customers: [] as string[], skus: [] as string[] };
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const numbers = Array.from({ length: ROWS }, (_, i) => String(i + 1).padStart(4, '0'));
    expected.customers = numbers.map((n) => `PAGE-${n}`);
    expected.skus = numbers.map((n) => `PAGE-SKU-${n}`);
    await api.store.database.write(async (trx) => {
      await trx
        .insertInto('customers')
        .values(expected.customers.map((a) => customerRow(a)))
        .execute();
      await trx
        .insertInto('skus')
        .values(expected.skus.map((c) => skuRow(c)))
        .execute();
    });
  }, 120_000);
  afterAll(async () => api?.close());

  const lists = [
    { list: 'customers' as const, key: 'accountNumber' },
    { list: 'skus' as const, key: 'code' },
  ];

  /** Every page of a list at a page size (none: the default): lengths and the keys seen. */
  async function walk(list: string, key: string, limit?: number) {
    const lengths: number[] = [];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = [limit ? `limit=${limit}` : '', cursor ? `cursor=${cursor}` : '']
        .filter(Boolean)
        .join('&');
      const response = await api.app.inject({
        method: 'GET',
        url: `/api/v1/${list}${query ? `?${query}` : ''}`,
        headers: api.as('manager'),
      });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as {
        items: Record<string, string>[];
        nextCursor: string | null;
      };
      lengths.push(page.items.length);
      seen.push(...page.items.map((item) => item[key]!));
      cursor = page.nextCursor;
      if (lengths.length > ROWS) throw new Error('the cursor never ends');
    } while (cursor);
    return { lengths, seen };
  }

  it.each(lists)(
    'serves exactly MAX_PAGE_SIZE rows a page at most on /$list',
    async ({ list, key }) => {
      const { lengths, seen } = await walk(list, key, MAX_PAGE_SIZE);
      expect(lengths).toEqual([MAX_PAGE_SIZE, ROWS - MAX_PAGE_SIZE]);
      expect(seen.filter((k) => k.startsWith('PAGE-'))).toEqual(expected[list]);
      expect(new Set(seen).size).toBe(seen.length);
    },
  );

  it.each(lists)('serves exactly 50 rows a page by default on /$list', async ({ list, key }) => {
    const { lengths, seen } = await walk(list, key);
    const total = seen.length;
    expect(total).toBeGreaterThanOrEqual(ROWS);
    const full = Math.floor(total / DEFAULT_PAGE);
    const rest = total % DEFAULT_PAGE;
    expect(lengths).toEqual([...Array<number>(full).fill(DEFAULT_PAGE), ...(rest ? [rest] : [])]);
    expect(seen.filter((k) => k.startsWith('PAGE-'))).toEqual(expected[list]);
    expect(new Set(seen).size).toBe(total);
  });

  it.each(lists)('refuses a page size over MAX_PAGE_SIZE with 400 on /$list', async ({ list }) => {
    const response = await api.app.inject({
      method: 'GET',
      url: `/api/v1/${list}?limit=${MAX_PAGE_SIZE + 1}`,
      headers: api.as('manager'),
    });
    expect(response.statusCode).toBe(400);
  });
});
