import { normalizeGtin } from '../../core/catalog/gtin.js';
import type { PackLevel } from '../../core/catalog/sku.rules.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import { readerOf, type Store } from './catalog-unit.js';
import type { Sku } from './sku.mapper.js';
import { withPacks } from './sku-queries.js';

/**
 * What a scanned barcode stands for: which SKU, at which packaging level, and how many
 * eaches one scan of it counts (1 for the each, 24 for a case of 24, …).
 */
export interface GtinMatch {
  /** The GTIN as stored: 14 digits. */
  gtin: string;
  level: 'each' | PackLevel;
  quantity: number;
  sku: Sku;
}

/**
 * Finds the SKU behind any GTIN — the each's or a pack level's — in any of its printed forms
 * (GTIN-8/12/13/14 are normalized to 14 digits). Inactive SKUs are found too, with
 * `active: false`: a discontinued case still has to be received and put away.
 * `CATALOG.INVALID_GTIN` for a malformed number, `CATALOG.GTIN_NOT_FOUND` for an unknown one.
 */
export async function findSkuByGtin(store: Store, gtin: string): Promise<Result<GtinMatch>> {
  const normalized = normalizeGtin(gtin);
  if (!normalized.ok) return normalized;
  const db = readerOf(store);
  const item = await db
    .selectFrom('skus')
    .selectAll()
    .where('gtin', '=', normalized.value)
    .executeTakeFirst();
  if (item) {
    const [sku] = await withPacks(db, [item]);
    return ok({ gtin: normalized.value, level: 'each', quantity: 1, sku: sku! });
  }
  const pack = await db
    .selectFrom('sku_packs')
    .select(['sku_id', 'quantity'])
    .where('gtin', '=', normalized.value)
    .executeTakeFirst();
  const owner = pack
    ? await db.selectFrom('skus').selectAll().where('id', '=', pack.sku_id).executeTakeFirst()
    : undefined;
  if (!pack || !owner) {
    return fail('CATALOG.GTIN_NOT_FOUND', `No SKU carries GTIN ${normalized.value}`, {
      gtin: normalized.value,
    });
  }
  const [sku] = await withPacks(db, [owner]);
  const level = sku!.packs.find((p) => p.gtin === normalized.value)!.level;
  return ok({ gtin: normalized.value, level, quantity: pack.quantity, sku: sku! });
}
