import type { Tx } from '../../../adapters/db/database.js';
import type { PackItem } from '../../../core/fulfillment/pack-verification.js';
import { interpretScan } from '../../../core/gs1/scan.js';
import { FailureError, must } from '../../../core/shared/result.js';
import { findSkuByGtin } from '../../catalog/gtin-lookup.js';
import { findLot } from '../../inventory/lots.js';

/**
 * What the packer put in the box: a raw `scan` (each GTIN, case GTIN, GS1-128 with lot and
 * count) taken `quantity` times, or a `skuId` keyed in with its lot (id or code) and a
 * `quantity` of eaches.
 */
export interface PackInput {
  scan?: string | undefined;
  skuId?: number | undefined;
  lotId?: number | undefined;
  lotCode?: string | undefined;
  quantity?: number | undefined;
}

/** A resolved pack entry plus the SKU's each weight, for the carton weight check. */
export interface ResolvedItem extends PackItem {
  weightG: number;
}

async function skuRow(trx: Tx, skuId: number) {
  const sku = await trx
    .selectFrom('skus')
    .select(['id', 'lot_tracked', 'weight_g'])
    .where('id', '=', skuId)
    .executeTakeFirst();
  if (!sku) throw new FailureError({ code: 'PACK.NOT_PICKED', message: `No SKU ${skuId}` });
  return sku;
}

/** A lot code on the scan that this SKU never had cannot have been picked for anyone. */
async function lotIdOf(trx: Tx, skuId: number, code: string): Promise<number> {
  const lot = await findLot(trx, skuId, code);
  if (!lot) {
    throw new FailureError({
      code: 'PACK.NOT_PICKED',
      message: `Lot ${code} of this SKU was not picked for this order`,
      details: { skuId, lotCode: code },
    });
  }
  return lot.id;
}

/** Turns a scan or a keyed entry into base units of a SKU (and lot, when it says one). */
export async function resolvePackInput(
  trx: Tx,
  input: PackInput,
  currentYear: number,
): Promise<ResolvedItem> {
  if (input.scan !== undefined && input.skuId === undefined) {
    return resolveScan(trx, input.scan, input.quantity ?? 1, currentYear);
  }
  if (input.scan !== undefined || input.skuId === undefined || input.quantity === undefined) {
    throw new FailureError({
      code: 'PACK.INVALID_ITEM',
      message: 'Send either a scan (and how many times), or a skuId with a quantity',
    });
  }
  const sku = await skuRow(trx, input.skuId);
  const lotId =
    sku.lot_tracked !== 1
      ? 0
      : input.lotCode !== undefined
        ? await lotIdOf(trx, sku.id, input.lotCode)
        : input.lotId;
  return { skuId: sku.id, lotId, quantity: input.quantity, weightG: sku.weight_g ?? 0 };
}

async function resolveScan(
  trx: Tx,
  raw: string,
  times: number,
  currentYear: number,
): Promise<ResolvedItem> {
  const scan = interpretScan(raw, { currentYear });
  const gtin = scan.kind === 'gtin' ? scan.gtin : scan.kind === 'gs1' ? scan.gtin : undefined;
  if (gtin === undefined) {
    throw new FailureError({
      code: 'PACK.UNRECOGNIZED_SCAN',
      message: 'That barcode is not a product: scan the item, its case, or its GS1-128 label',
      details: { scan: raw },
    });
  }
  const match = must(await findSkuByGtin(trx, gtin));
  const count = scan.kind === 'gs1' && scan.count !== undefined ? scan.count : 1;
  const lotCode = scan.kind === 'gs1' ? scan.lot : undefined;
  const lotId = !match.sku.lotTracked
    ? 0
    : lotCode !== undefined
      ? await lotIdOf(trx, match.sku.id, lotCode)
      : undefined;
  return {
    skuId: match.sku.id,
    lotId,
    quantity: match.quantity * count * times,
    weightG: match.sku.weightG ?? 0,
  };
}
