import type { Selectable } from 'kysely';
import { isUniqueViolation, type Tx } from '../../adapters/db/database.js';
import type { SupplierSkuTable } from '../../adapters/db/schema-purchasing.js';
import { checkSupplierSkuTerms } from '../../core/purchasing/supplier-rules.js';
import { fail, must } from '../../core/shared/result.js';
import { mustFindSupplier } from './suppliers.js';

/** How a supplier sells one SKU: its part number, our cost, MOQ, order multiple, lead time. */
export interface SupplierSkuInput {
  skuId: number;
  supplierSku?: string | null | undefined;
  costMinor: number;
  minOrderQuantity?: number | undefined;
  orderMultiple?: number | undefined;
  /** Overrides the supplier's stated lead time for this SKU; null uses the supplier's. */
  leadTimeDays?: number | null | undefined;
}

export type SupplierSkuPatch = Partial<Omit<SupplierSkuInput, 'skuId'>>;

type SupplierSkuRow = Selectable<SupplierSkuTable>;

export function supplierSkuView(row: SupplierSkuRow & { sku_code?: string }) {
  return {
    id: Number(row.id),
    supplierId: Number(row.supplier_id),
    skuId: Number(row.sku_id),
    ...(row.sku_code === undefined ? {} : { skuCode: row.sku_code }),
    supplierSku: row.supplier_sku,
    costMinor: Number(row.cost_minor),
    minOrderQuantity: Number(row.min_order_quantity),
    orderMultiple: Number(row.order_multiple),
    leadTimeDays: row.lead_time_days === null ? null : Number(row.lead_time_days),
    updatedAt: row.updated_at,
  };
}
export type SupplierSkuView = ReturnType<typeof supplierSkuView>;

const alreadyListed = (supplierId: number, skuId: number) =>
  fail(
    'PURCHASING.SUPPLIER_SKU_ALREADY_EXISTS',
    `Supplier ${supplierId} already sells SKU ${skuId}`,
    {
      supplierId,
      skuId,
    },
  );

/** Puts a SKU on a supplier's price list (once per supplier). */
export async function addSupplierSku(
  trx: Tx,
  supplierId: number,
  input: SupplierSkuInput,
  nowIso: string,
): Promise<SupplierSkuView> {
  must(checkSupplierSkuTerms(input));
  await mustFindSupplier(trx, supplierId);
  const sku = await trx
    .selectFrom('skus')
    .select('id')
    .where('id', '=', input.skuId)
    .executeTakeFirst();
  if (!sku) must(fail('PURCHASING.SKU_NOT_FOUND', `No SKU ${input.skuId}`, { skuId: input.skuId }));
  if (await findRow(trx, supplierId, input.skuId)) must(alreadyListed(supplierId, input.skuId));
  try {
    const row = await trx
      .insertInto('supplier_skus')
      .values({
        supplier_id: supplierId,
        sku_id: input.skuId,
        supplier_sku: input.supplierSku ?? null,
        cost_minor: input.costMinor,
        min_order_quantity: input.minOrderQuantity ?? 0,
        order_multiple: input.orderMultiple ?? 1,
        lead_time_days: input.leadTimeDays ?? null,
        created_at: nowIso,
        updated_at: nowIso,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return supplierSkuView(row);
  } catch (error) {
    if (isUniqueViolation(error)) must(alreadyListed(supplierId, input.skuId));
    throw error;
  }
}

/** Changes the terms of a listed SKU; fields left out keep their value. */
export async function updateSupplierSku(
  trx: Tx,
  supplierId: number,
  skuId: number,
  patch: SupplierSkuPatch,
  nowIso: string,
): Promise<SupplierSkuView> {
  must(checkSupplierSkuTerms(patch));
  await mustFindRow(trx, supplierId, skuId);
  const set: Partial<SupplierSkuRow> = { updated_at: nowIso };
  if (patch.supplierSku !== undefined) set.supplier_sku = patch.supplierSku;
  if (patch.costMinor !== undefined) set.cost_minor = patch.costMinor;
  if (patch.minOrderQuantity !== undefined) set.min_order_quantity = patch.minOrderQuantity;
  if (patch.orderMultiple !== undefined) set.order_multiple = patch.orderMultiple;
  if (patch.leadTimeDays !== undefined) set.lead_time_days = patch.leadTimeDays;
  const row = await trx
    .updateTable('supplier_skus')
    .set(set)
    .where('supplier_id', '=', supplierId)
    .where('sku_id', '=', skuId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return supplierSkuView(row);
}

/**
 * Takes a SKU off a supplier's price list. POs already written keep their lines (they copied
 * the part number and cost); a preferred-supplier setting pointing here is cleared, since
 * replenishment could no longer price an order.
 */
export async function removeSupplierSku(
  trx: Tx,
  supplierId: number,
  skuId: number,
  nowIso: string,
): Promise<{ supplierId: number; skuId: number; removed: true }> {
  await mustFindRow(trx, supplierId, skuId);
  await trx
    .deleteFrom('supplier_skus')
    .where('supplier_id', '=', supplierId)
    .where('sku_id', '=', skuId)
    .execute();
  await trx
    .updateTable('sku_planning')
    .set({ preferred_supplier_id: null, updated_at: nowIso })
    .where('sku_id', '=', skuId)
    .where('preferred_supplier_id', '=', supplierId)
    .execute();
  return { supplierId, skuId, removed: true };
}

/** A supplier's price list in SKU-code order. */
export async function listSupplierSkus(db: Tx, supplierId: number): Promise<SupplierSkuView[]> {
  await mustFindSupplier(db, supplierId);
  const rows = await db
    .selectFrom('supplier_skus as ss')
    .innerJoin('skus as s', 's.id', 'ss.sku_id')
    .selectAll('ss')
    .select('s.code as sku_code')
    .where('ss.supplier_id', '=', supplierId)
    .orderBy('s.code')
    .execute();
  return rows.map(supplierSkuView);
}

function findRow(trx: Tx, supplierId: number, skuId: number) {
  return trx
    .selectFrom('supplier_skus')
    .selectAll()
    .where('supplier_id', '=', supplierId)
    .where('sku_id', '=', skuId)
    .executeTakeFirst();
}

async function mustFindRow(trx: Tx, supplierId: number, skuId: number): Promise<SupplierSkuRow> {
  const row = await findRow(trx, supplierId, skuId);
  if (!row)
    must(
      fail(
        'PURCHASING.SUPPLIER_SKU_NOT_FOUND',
        `Supplier ${supplierId} does not sell SKU ${skuId}`,
        {
          supplierId,
          skuId,
        },
      ),
    );
  return row!;
}
