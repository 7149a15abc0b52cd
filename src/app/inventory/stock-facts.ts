import type { Tx } from '../../adapters/db/database.js';
import { loadSkuForStock, type StockSku } from '../catalog/sku-stock.js';
import { mayGoNegative } from '../../core/inventory/location-types.js';
import type { PlaceFacts } from '../../core/inventory/movement.js';
import { FailureError } from '../../core/shared/result.js';

export interface PlaceWithSign extends PlaceFacts {
  /** External mirrors (supplier, customer, adjustment) may run negative; nothing else may. */
  mayGoNegative: boolean;
}

/**
 * A location as the ledger needs it. Raises `INVENTORY.LOCATION_NOT_FOUND` for an unknown id.
 */
export async function placeFacts(trx: Tx, locationId: number): Promise<PlaceWithSign> {
  const row = await trx
    .selectFrom('locations')
    .select(['id', 'warehouse_id', 'code', 'type', 'virtual', 'active'])
    .where('id', '=', locationId)
    .executeTakeFirst();
  if (!row) {
    throw new FailureError({ code: 'INVENTORY.LOCATION_NOT_FOUND', message: `No location ${locationId}`, details: { locationId } });
  }
  return {
    id: row.id,
    warehouseId: row.warehouse_id,
    code: row.code,
    type: row.type,
    virtual: row.virtual === 1,
    active: row.active === 1,
    mayGoNegative: mayGoNegative(row.type),
  };
}

/** The warehouse's own location of a standard type (its ADJUSTMENT, SUPPLIER, IN-TRANSIT…). */
export async function standardPlace(trx: Tx, warehouseId: number, type: string): Promise<PlaceWithSign> {
  const row = await trx
    .selectFrom('locations')
    .select('id')
    .where('warehouse_id', '=', warehouseId)
    .where('type', '=', type)
    .orderBy('id')
    .executeTakeFirst();
  if (!row) {
    throw new FailureError({
      code: 'INVENTORY.WAREHOUSE_NOT_FOUND',
      message: `Warehouse ${warehouseId} has no ${type} location`,
      details: { warehouseId },
    });
  }
  return placeFacts(trx, row.id);
}

export type SkuFacts = StockSku;

/** A SKU as the ledger needs it. Raises `INVENTORY.SKU_NOT_FOUND` for an unknown id. */
export async function skuFacts(trx: Tx, skuId: number): Promise<SkuFacts> {
  const sku = await loadSkuForStock(trx, skuId);
  if (!sku) throw new FailureError({ code: 'INVENTORY.SKU_NOT_FOUND', message: `No SKU ${skuId}`, details: { skuId } });
  return sku;
}
