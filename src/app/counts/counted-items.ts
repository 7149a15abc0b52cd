import type { Tx } from '../../adapters/db/database.js';
import { interpretScan } from '../../core/gs1/scan.js';
import { FailureError, must } from '../../core/shared/result.js';
import { findSkuByGtin } from '../catalog/gtin-lookup.js';
import { incomingStockLine } from '../inventory/lots.js';
import { figureKey } from './count-figures.js';

/** One line a counter sends: a scan of the item, or the SKU and lot keyed in. */
export interface CountedItemIn {
  /** GTIN (each or pack) or GS1-128 / DataMatrix element string as the scanner typed it. */
  scan?: string | undefined;
  skuId?: number | undefined;
  lotCode?: string | undefined;
  /** Needed when the count finds a lot the system has never seen (SKUs with a shelf life). */
  expiryDate?: string | undefined;
  /**
   * Keyed lines: eaches. Scanned lines: packs of the scanned level (1 when left out, or the
   * GS1 count AI 37 when the label carries one).
   */
  quantity?: number | undefined;
}

export interface CountedItem {
  skuId: number;
  lotId: number;
  quantity: number;
}

/**
 * Turns what the counter sent into eaches per SKU and lot. Repeated scans of one item add
 * up. A lot the system does not know is created (stock found in a lot never received is
 * still stock); a lot-tracked SKU without a lot code is refused.
 */
export async function countedItems(
  trx: Tx,
  lines: readonly CountedItemIn[],
  nowIso: string,
): Promise<Map<string, CountedItem>> {
  const items = new Map<string, CountedItem>();
  for (const [index, line] of lines.entries()) {
    const item =
      line.scan !== undefined
        ? await scanned(trx, line, nowIso)
        : await keyed(trx, line, nowIso, index);
    const key = figureKey(item.skuId, item.lotId);
    const before = items.get(key);
    items.set(key, { ...item, quantity: (before?.quantity ?? 0) + item.quantity });
  }
  return items;
}

async function keyed(trx: Tx, line: CountedItemIn, nowIso: string, index: number) {
  if (line.skuId === undefined || line.quantity === undefined) {
    throw new FailureError({
      code: 'COUNT.INVALID_LINE',
      message: 'Each counted line needs a scan, or a skuId with a quantity',
      details: { line: index },
    });
  }
  const stock = await incomingStockLine(
    trx,
    { skuId: line.skuId, lotCode: line.lotCode, expiryDate: line.expiryDate },
    nowIso,
  );
  return { skuId: stock.sku.id, lotId: stock.lotId, quantity: line.quantity };
}

async function scanned(trx: Tx, line: CountedItemIn, nowIso: string) {
  const now = new Date(nowIso);
  const scan = interpretScan(line.scan!, { currentYear: now.getUTCFullYear() });
  const gtin = scan.kind === 'gtin' ? scan.gtin : scan.kind === 'gs1' ? scan.gtin : undefined;
  if (gtin === undefined) {
    throw new FailureError({
      code: 'COUNT.UNKNOWN_SCAN',
      message: 'The scan is not an item barcode (GTIN or GS1 with AI 01)',
      details: { scan: line.scan },
    });
  }
  const match = must(await findSkuByGtin(trx, gtin));
  const lotCode = line.lotCode ?? (scan.kind === 'gs1' ? scan.lot : undefined);
  const expiryDate = line.expiryDate ?? (scan.kind === 'gs1' ? scan.expiryDate : undefined);
  const packs = line.quantity ?? (scan.kind === 'gs1' ? scan.count : undefined) ?? 1;
  const stock = await incomingStockLine(trx, { skuId: match.sku.id, lotCode, expiryDate }, nowIso);
  return { skuId: stock.sku.id, lotId: stock.lotId, quantity: packs * match.quantity };
}
