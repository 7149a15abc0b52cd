import type { Tx } from '../../adapters/db/database.js';

/** The few facts about a SKU the stock ledger needs before it moves or receives stock. */
export interface StockSku {
  id: number;
  code: string;
  /** Movements of a lot-tracked SKU must name a lot; others use lot 0. */
  lotTracked: boolean;
  /** Days from production to expiry; sets a lot's expiry date at receiving. */
  shelfLifeDays: number | null;
  /** False once the SKU is discontinued; the caller decides what may still move. */
  active: boolean;
}

/**
 * Loads what the ledger needs to know about a SKU, inside the ledger's own transaction (so
 * the answer is consistent with the movement it guards). Undefined if the SKU does not exist.
 */
export async function loadSkuForStock(trx: Tx, skuId: number): Promise<StockSku | undefined> {
  const row = await trx
    .selectFrom('skus')
    .select(['id', 'code', 'lot_tracked', 'shelf_life_days', 'active'])
    .where('id', '=', skuId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    code: row.code,
    lotTracked: row.lot_tracked === 1,
    shelfLifeDays: row.shelf_life_days,
    active: row.active === 1,
  };
}
