import type { Tx } from '../../adapters/db/database.js';
import { loadSkuForStock, type StockSku } from '../catalog/sku-stock.js';
import {
  loadLocationForStock,
  standardLocation,
  type StandardLocationType,
} from '../warehouses/warehouse-queries.js';
import { mayGoNegative } from '../../core/inventory/location-types.js';
import type { PlaceFacts } from '../../core/inventory/movement.js';
import { FailureError } from '../../core/shared/result.js';

export interface PlaceWithSign extends PlaceFacts {
  /** External mirrors (supplier, customer, adjustment) may run negative; nothing else may. */
  mayGoNegative: boolean;
}

/** A location as the ledger needs it. Raises `INVENTORY.LOCATION_NOT_FOUND` for an unknown id. */
export async function placeFacts(trx: Tx, locationId: number): Promise<PlaceWithSign> {
  const place = await loadLocationForStock(trx, locationId);
  if (!place) {
    throw new FailureError({
      code: 'INVENTORY.LOCATION_NOT_FOUND',
      message: `No location ${locationId}`,
      details: { locationId },
    });
  }
  return { ...place, mayGoNegative: mayGoNegative(place.type) };
}

/** The warehouse's own location of a standard type (its ADJUSTMENT, SUPPLIER, IN-TRANSIT…). */
export async function standardPlace(
  trx: Tx,
  warehouseId: number,
  type: StandardLocationType,
): Promise<PlaceWithSign> {
  const row = await standardLocation(trx, warehouseId, type);
  if (!row) {
    throw new FailureError({
      code: 'INVENTORY.WAREHOUSE_NOT_FOUND',
      message: `No warehouse ${warehouseId}`,
      details: { warehouseId },
    });
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

export type SkuFacts = StockSku;

/** A SKU as the ledger needs it. Raises `INVENTORY.SKU_NOT_FOUND` for an unknown id. */
export async function skuFacts(trx: Tx, skuId: number): Promise<SkuFacts> {
  const sku = await loadSkuForStock(trx, skuId);
  if (!sku)
    throw new FailureError({
      code: 'INVENTORY.SKU_NOT_FOUND',
      message: `No SKU ${skuId}`,
      details: { skuId },
    });
  return sku;
}
