import type { Tx } from '../../adapters/db/database.js';
import { fail, must } from '../../core/shared/result.js';
import { mustFindSupplier } from './suppliers.js';

export interface PreferredSupplierInput {
  skuId: number;
  warehouseId: number;
  /** null: no preference (replenishment picks the cheapest listed supplier). */
  supplierId: number | null;
}

/**
 * Sets who replenishment buys a SKU from for one warehouse. Upserts the SKU × warehouse
 * planning row and touches only the preference: ABC class, service level and the rest stay.
 * The supplier must be active and sell the SKU, or no PO could be priced.
 */
export async function setPreferredSupplier(
  trx: Tx,
  input: PreferredSupplierInput,
  nowIso: string,
): Promise<PreferredSupplierInput> {
  const sku = await trx
    .selectFrom('skus')
    .select('id')
    .where('id', '=', input.skuId)
    .executeTakeFirst();
  if (!sku) must(fail('PURCHASING.SKU_NOT_FOUND', `No SKU ${input.skuId}`, { skuId: input.skuId }));
  const warehouse = await trx
    .selectFrom('warehouses')
    .select('id')
    .where('id', '=', input.warehouseId)
    .executeTakeFirst();
  if (!warehouse)
    must(
      fail('PURCHASING.WAREHOUSE_NOT_FOUND', `No warehouse ${input.warehouseId}`, {
        warehouseId: input.warehouseId,
      }),
    );
  if (input.supplierId !== null) await mustSellSku(trx, input.supplierId, input.skuId);
  await trx
    .insertInto('sku_planning')
    .values({
      sku_id: input.skuId,
      warehouse_id: input.warehouseId,
      preferred_supplier_id: input.supplierId,
      // The table's defaults, spelled out: the planning engineer's columns start as unset.
      abc_class: null,
      abc_pinned: 0,
      service_level: null,
      review_days: 1,
      use_eoq: 0,
      updated_at: nowIso,
    })
    .onConflict((oc) =>
      oc.columns(['sku_id', 'warehouse_id']).doUpdateSet({
        preferred_supplier_id: input.supplierId,
        updated_at: nowIso,
      }),
    )
    .execute();
  return input;
}

/** The preference for a SKU in a warehouse, or null when none is set. */
export async function preferredSupplierOf(
  db: Tx,
  skuId: number,
  warehouseId: number,
): Promise<number | null> {
  const row = await db
    .selectFrom('sku_planning')
    .select('preferred_supplier_id')
    .where('sku_id', '=', skuId)
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  return row?.preferred_supplier_id == null ? null : Number(row.preferred_supplier_id);
}

async function mustSellSku(trx: Tx, supplierId: number, skuId: number) {
  const supplier = await mustFindSupplier(trx, supplierId);
  if (!Number(supplier.active))
    must(
      fail('PURCHASING.SUPPLIER_INACTIVE', `Supplier ${supplier.code} is inactive`, { supplierId }),
    );
  const listed = await trx
    .selectFrom('supplier_skus')
    .select('id')
    .where('supplier_id', '=', supplierId)
    .where('sku_id', '=', skuId)
    .executeTakeFirst();
  if (!listed)
    must(
      fail('PURCHASING.SKU_NOT_SUPPLIED', `Supplier ${supplier.code} does not sell SKU ${skuId}`, {
        supplierId,
        skuId,
      }),
    );
}
