import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import { readerOf, type Store } from './catalog-unit.js';
import { toSku, type Sku, type SkuPackRow, type SkuRow } from './sku.mapper.js';

/** Fetches one SKU of the item master by its id; `CATALOG.SKU_NOT_FOUND` if there is none. */
export async function getSkuById(store: Store, id: number): Promise<Result<Sku>> {
  const db = readerOf(store);
  const row = await db.selectFrom('skus').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return fail('CATALOG.SKU_NOT_FOUND', `No SKU with id ${id}`, { skuId: id });
  return ok((await withPacks(db, [row]))[0]!);
}

/** Fetches a SKU by its code (exact match, as printed on pick lists and labels). */
export async function getSkuByCode(store: Store, code: string): Promise<Result<Sku>> {
  const db = readerOf(store);
  const row = await db.selectFrom('skus').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return fail('CATALOG.SKU_NOT_FOUND', `No SKU with code "${code}"`, { skuCode: code });
  return ok((await withPacks(db, [row]))[0]!);
}

/** What a buyer or planner filters the item master by. */
export interface SkuFilter {
  category?: string;
  active?: boolean;
  /** Case-insensitive substring of the code or the name. */
  search?: string;
  /** Return SKUs with ids above this one (the cursor of the previous page). */
  afterId?: number;
  limit: number;
}

/** One page of SKUs in id order, and the id to continue after (null on the last page). */
export interface SkuPage {
  items: Sku[];
  nextAfterId: number | null;
}

/** Lists the item master, filtered, a page at a time in id order (stable under inserts). */
export async function listSkus(store: Store, filter: SkuFilter): Promise<SkuPage> {
  const db = readerOf(store);
  let query = db
    .selectFrom('skus')
    .selectAll()
    .orderBy('id')
    .limit(filter.limit + 1);
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId);
  if (filter.category !== undefined) query = query.where('category', '=', filter.category);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
  if (filter.search) {
    // lower() on both sides: LIKE is case-insensitive on SQLite but not on PostgreSQL.
    const pattern = `%${escapeLike(filter.search.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(code) like ${pattern} escape '\\'`,
        sql<boolean>`lower(name) like ${pattern} escape '\\'`,
      ]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    items: await withPacks(db, page),
    nextAfterId: rows.length > filter.limit && last ? last.id : null,
  };
}

/** Attaches each SKU's pack levels with one query for the whole batch. */
export async function withPacks(db: Tx, rows: readonly SkuRow[]): Promise<Sku[]> {
  if (rows.length === 0) return [];
  const packs = await db
    .selectFrom('sku_packs')
    .selectAll()
    .where(
      'sku_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const bySku = new Map<number, SkuPackRow[]>();
  for (const pack of packs) bySku.set(pack.sku_id, [...(bySku.get(pack.sku_id) ?? []), pack]);
  return rows.map((row) => toSku(row, bySku.get(row.id) ?? []));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
