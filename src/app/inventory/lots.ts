import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import { checkLotRule, isIsoDate } from '../../core/inventory/movement.js';
import { FailureError, must } from '../../core/shared/result.js';
import { skuFacts, type SkuFacts } from './stock-facts.js';

export interface LotRef {
  skuId: number;
  lotCode?: string | undefined;
  /** `YYYY-MM-DD`; needed when a receipt creates a lot of a SKU with a shelf life. */
  expiryDate?: string | undefined;
}

export interface StockLine {
  sku: SkuFacts;
  /** 0 when the SKU is not lot-tracked. */
  lotId: number;
}

/** The SKU and lot an operation is about; the lot must already exist (moves, adjustments down…). */
export async function existingStockLine(trx: Tx, ref: LotRef): Promise<StockLine> {
  const sku = await skuFacts(trx, ref.skuId);
  must(checkLotRule(sku, ref.lotCode));
  if (!ref.lotCode) return { sku, lotId: 0 };
  const lot = await findLot(trx, sku.id, ref.lotCode);
  if (!lot) {
    throw new FailureError({
      code: 'INVENTORY.LOT_NOT_FOUND',
      message: `SKU ${sku.code} has no lot ${ref.lotCode}`,
      details: { sku: sku.code, lotCode: ref.lotCode },
    });
  }
  return { sku, lotId: lot.id };
}

/**
 * The SKU and lot for stock coming in: an unknown lot is created with its expiry; a known lot
 * must agree on expiry (a mismatch usually means a mis-keyed lot code).
 */
export async function incomingStockLine(trx: Tx, ref: LotRef, nowIso: string): Promise<StockLine> {
  const sku = await skuFacts(trx, ref.skuId);
  must(checkLotRule(sku, ref.lotCode));
  if (!ref.lotCode) return { sku, lotId: 0 };
  if (ref.expiryDate !== undefined && !isIsoDate(ref.expiryDate)) {
    throw new FailureError({
      code: 'INVENTORY.INVALID_EXPIRY',
      message: `Expiry ${ref.expiryDate} is not a YYYY-MM-DD date`,
    });
  }
  const existing = await findLot(trx, sku.id, ref.lotCode);
  if (existing) {
    if (ref.expiryDate && existing.expiryDate && existing.expiryDate !== ref.expiryDate) {
      throw new FailureError({
        code: 'INVENTORY.LOT_EXPIRY_MISMATCH',
        message: `Lot ${ref.lotCode} of ${sku.code} expires ${existing.expiryDate}, not ${ref.expiryDate}`,
        details: { lotCode: ref.lotCode, expiryDate: existing.expiryDate },
      });
    }
    return { sku, lotId: existing.id };
  }
  if (sku.shelfLifeDays && !ref.expiryDate) {
    throw new FailureError({
      code: 'INVENTORY.EXPIRY_REQUIRED',
      message: `SKU ${sku.code} has a shelf life: give the new lot's expiry date`,
      details: { sku: sku.code, lotCode: ref.lotCode },
    });
  }
  await trx
    .insertInto('lots')
    .values({
      sku_id: sku.id,
      code: ref.lotCode,
      expiry_date: ref.expiryDate ?? null,
      created_at: nowIso,
    })
    .onConflict((oc) => oc.columns(['sku_id', 'code']).doNothing())
    .execute();
  const created = await findLot(trx, sku.id, ref.lotCode);
  return { sku, lotId: created!.id };
}

export interface Lot {
  id: number;
  skuId: number;
  code: string;
  expiryDate: string | null;
}

export async function findLot(trx: Tx, skuId: number, code: string): Promise<Lot | undefined> {
  const row = await trx
    .selectFrom('lots')
    .select(['id', 'sku_id', 'code', 'expiry_date'])
    .where('sku_id', '=', skuId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row && { id: row.id, skuId: row.sku_id, code: row.code, expiryDate: row.expiry_date };
}

/** Every lot of a SKU, earliest expiry first (lots without expiry last). */
export async function lotsOfSku(db: Tx, skuId: number): Promise<Lot[]> {
  const rows = await db
    .selectFrom('lots')
    .select(['id', 'sku_id', 'code', 'expiry_date'])
    .where('sku_id', '=', skuId)
    .orderBy(sql`case when expiry_date is null then 1 else 0 end`)
    .orderBy('expiry_date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, skuId: r.sku_id, code: r.code, expiryDate: r.expiry_date }));
}
