import type { Tx } from '../../adapters/db/database.js';
import type { StandardLocationType } from '../warehouses/warehouse-queries.js';
import { loadCustomerForOrder, type CustomerForOrder } from '../customers/customer-for-order.js';
import type { LedgerPlace } from '../inventory/ledger.js';
import { standardPlace } from '../inventory/stock-facts.js';
import { masterData, type MasterDataCache } from './master-data-cache.js';

export interface PostalAddress {
  postalCode: string;
  country: string;
}

/**
 * What packing and shipping read again and again but rarely changes — the account, the
 * ship-to and warehouse addresses, a warehouse's STAGING and CUSTOMER locations — from the
 * master-data cache: one version read per command instead of a look-up each. Warehouses and
 * locations (which warehouse, code and type an id is) move the version since migration 0021,
 * customers and ship-tos since 0012.
 */
export class ShippingMasterData {
  private constructor(
    private readonly cache: MasterDataCache,
    private readonly trx: Tx,
  ) {}

  /** The cache brought up to date in the caller's transaction (one indexed read). */
  static async of(trx: Tx): Promise<ShippingMasterData> {
    return new ShippingMasterData(await masterData(trx), trx);
  }

  /** The same entry order entry uses. */
  customer(customerId: number): Promise<CustomerForOrder | undefined> {
    return this.cache.get('customer', String(customerId), () =>
      loadCustomerForOrder(this.trx, customerId),
    );
  }

  /** A standard location as the ledger posts to it; `INVENTORY.WAREHOUSE_NOT_FOUND` if none. */
  standardPlace(warehouseId: number, type: StandardLocationType): Promise<LedgerPlace> {
    return this.cache.get('standard-place', `${warehouseId}:${type}`, async () => {
      const place = await standardPlace(this.trx, warehouseId, type);
      return { id: place.id, warehouseId: place.warehouseId, mayGoNegative: place.mayGoNegative };
    });
  }

  warehouseAddress(warehouseId: number): Promise<PostalAddress | undefined> {
    return this.cache.get('warehouse-address', String(warehouseId), async () => {
      const row = await this.trx
        .selectFrom('warehouses')
        .select(['postal_code', 'country'])
        .where('id', '=', warehouseId)
        .executeTakeFirst();
      return row && { postalCode: row.postal_code, country: row.country };
    });
  }

  shipToAddress(shipToId: number): Promise<PostalAddress | undefined> {
    return this.cache.get('ship-to-address', String(shipToId), async () => {
      const row = await this.trx
        .selectFrom('customer_ship_tos')
        .select(['postal_code', 'country'])
        .where('id', '=', shipToId)
        .executeTakeFirst();
      return row && { postalCode: row.postal_code, country: row.country };
    });
  }
}
