import { validateSku, type PackDraft, type SkuDraft } from '../../core/catalog/sku.rules.js';
import { FailureError, must, type Result } from '../../core/shared/result.js';
import { inUnit, type Store } from './catalog-unit.js';
import { definitionOf, packRows, skuColumns, type Sku } from './sku.mapper.js';
import { getSkuById } from './sku-queries.js';
import { catalogConflictOf, findCatalogConflict } from './sku-uniqueness.js';

/**
 * The parts of a SKU that may change after it is created. A field left out stays as it is;
 * null clears an optional value; `packs`, when given, replaces all pack levels. The code, the
 * each's GTIN and lot tracking are fixed: labels, lots and stock already refer to them.
 */
export type SkuPatch = Partial<
  Pick<
    SkuDraft,
    | 'name'
    | 'category'
    | 'weightG'
    | 'lengthMm'
    | 'widthMm'
    | 'heightMm'
    | 'shelfLifeDays'
    | 'standardCostMinor'
    | 'currency'
    | 'active'
  >
> & { packs?: PackDraft[] };

/**
 * Changes a SKU in one transaction: the patch is merged into the stored definition and the
 * whole result validated again, so rules that span fields (a lot-tracked SKU needs a shelf
 * life, packs nest) hold after every update. New pack GTINs must be free on every other SKU.
 */
export async function updateSku(
  store: Store,
  id: number,
  patch: SkuPatch,
  now: Date,
): Promise<Result<Sku>> {
  return inUnit(
    store,
    async (trx) => {
      const current = must(await getSkuById(trx, id));
      const merged: SkuDraft = { ...definitionOf(current), ...definedOnly(patch) };
      const definition = must(validateSku(merged));
      const conflict = await findCatalogConflict(trx, definition, id);
      if (conflict) throw new FailureError(conflict);
      await trx
        .updateTable('skus')
        .set({ ...skuColumns(definition), updated_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
      if (patch.packs !== undefined) {
        await trx.deleteFrom('sku_packs').where('sku_id', '=', id).execute();
        if (definition.packs.length > 0) {
          await trx.insertInto('sku_packs').values(packRows(id, definition.packs)).execute();
        }
      }
      return must(await getSkuById(trx, id));
    },
    catalogConflictOf,
  );
}

/** Drops keys whose value is undefined, so they do not overwrite stored values in a merge. */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
