import type { Tx } from '../../adapters/db/database.js';
import { isUniqueViolation } from '../../adapters/db/database.js';
import type { SkuDefinition } from '../../core/catalog/sku.rules.js';
import type { Failure } from '../../core/shared/result.js';

/**
 * Checks, before any insert, that a SKU's code and every GTIN it carries (the each's and its
 * packs') are not already in the item master — a GTIN must lead a scanner to exactly one SKU
 * and level, whether it was printed on an each or on a case. `exceptSkuId` skips the SKU's
 * own rows when it is being updated.
 */
export async function findCatalogConflict(
  trx: Tx,
  definition: SkuDefinition,
  exceptSkuId?: number,
): Promise<Failure | undefined> {
  if (exceptSkuId === undefined) {
    const sameCode = await trx
      .selectFrom('skus')
      .select('id')
      .where('code', '=', definition.code)
      .executeTakeFirst();
    if (sameCode) return skuExists(definition.code, sameCode.id);
  }
  const gtins = [definition.gtin, ...definition.packs.map((p) => p.gtin)].filter(
    (g): g is string => g !== null,
  );
  if (gtins.length === 0) return undefined;
  let items = trx.selectFrom('skus').select(['id', 'gtin']).where('gtin', 'in', gtins);
  let packs = trx
    .selectFrom('sku_packs')
    .select(['sku_id as id', 'gtin'])
    .where('gtin', 'in', gtins);
  if (exceptSkuId !== undefined) {
    items = items.where('id', '<>', exceptSkuId);
    packs = packs.where('sku_id', '<>', exceptSkuId);
  }
  const taken = (await items.executeTakeFirst()) ?? (await packs.executeTakeFirst());
  if (!taken) return undefined;
  return {
    code: 'CATALOG.GTIN_ALREADY_EXISTS',
    message: `GTIN ${taken.gtin} is already on SKU ${taken.id}`,
    details: { gtin: taken.gtin, skuId: taken.id },
  };
}

/**
 * Turns a unique-constraint violation on the catalog tables (a concurrent create that
 * passed the same check a moment earlier) into the failure the check would have returned.
 * Undefined for any other error.
 */
export function catalogConflictOf(error: unknown): Failure | undefined {
  if (!isUniqueViolation(error)) return undefined;
  const e = error as { constraint?: string; message?: string };
  const text = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (/skus[._]code/.test(text)) {
    return { code: 'CATALOG.SKU_ALREADY_EXISTS', message: 'A SKU with this code already exists' };
  }
  if (/(skus|sku_packs)[._]gtin/.test(text)) {
    return { code: 'CATALOG.GTIN_ALREADY_EXISTS', message: 'This GTIN is already on another SKU' };
  }
  return undefined;
}

function skuExists(code: string, skuId: number): Failure {
  return {
    code: 'CATALOG.SKU_ALREADY_EXISTS',
    message: `A SKU with code "${code}" already exists`,
    details: { skuCode: code, skuId },
  };
}
