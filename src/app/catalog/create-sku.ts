import { validateSku, type SkuDraft } from '../../core/catalog/sku.rules.js';
import { FailureError, must, type Result } from '../../core/shared/result.js';
import { inUnit, type Store } from './catalog-unit.js';
import { newSkuRow, packRows, type Sku } from './sku.mapper.js';
import { getSkuById } from './sku-queries.js';
import { catalogConflictOf, findCatalogConflict } from './sku-uniqueness.js';

/**
 * Adds a SKU and its pack levels to the item master in one transaction. Refuses an unsound
 * definition (see `validateSku`), a code already in use (`CATALOG.SKU_ALREADY_EXISTS`) and
 * a GTIN already on any SKU or pack (`CATALOG.GTIN_ALREADY_EXISTS`) — all checked before the
 * first insert, so a refused create writes nothing.
 */
export async function createSku(store: Store, input: SkuDraft, now: Date): Promise<Result<Sku>> {
  const definition = validateSku(input);
  if (!definition.ok) return definition;
  return inUnit(
    store,
    async (trx) => {
      const conflict = await findCatalogConflict(trx, definition.value);
      if (conflict) throw new FailureError(conflict);
      const { id } = await trx
        .insertInto('skus')
        .values(newSkuRow(definition.value, now))
        .returning('id')
        .executeTakeFirstOrThrow();
      if (definition.value.packs.length > 0) {
        await trx.insertInto('sku_packs').values(packRows(id, definition.value.packs)).execute();
      }
      return must(await getSkuById(trx, id));
    },
    catalogConflictOf,
  );
}
