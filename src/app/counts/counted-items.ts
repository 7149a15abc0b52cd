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

/** One line understood; `epc` and how often it was read when it was an RFID read. */
type LineItem = CountedItem & { epc?: string | undefined; reads?: number | undefined };

/** RFID reads in a submission: tags newly counted, and reads of a tag the task already has. */
export interface TagReads {
  counted: number;
  repeated: number;
}

/** What a submission counted, per SKU × lot, and what its RFID reads came to. */
export interface Counted {
  items: Map<string, CountedItem>;
  tags: TagReads;
}

/**
 * Turns what the counter sent into eaches per SKU and lot. Repeated scans of one barcode add
 * up (each scan is another item), but an RFID tag is one item: a reader reports it on every
 * antenna and round, so an EPC counts once per task — repeats in this submission and tags
 * the task already counted (`counted_epcs`) add nothing. A lot the system does not know is
 * created (stock found in a lot never received is still stock); a lot-tracked SKU without a
 * lot code is refused.
 */
export async function countedItems(
  trx: Tx,
  taskId: number,
  lines: readonly CountedItemIn[],
  nowIso: string,
): Promise<Counted> {
  const items = new Map<string, CountedItem>();
  const tags: TagReads = { counted: 0, repeated: 0 };
  const seen = await countedTags(trx, taskId);
  for (const [index, line] of lines.entries()) {
    const item =
      line.scan !== undefined
        ? await scanned(trx, line, nowIso)
        : await keyed(trx, line, nowIso, index);
    if (item.epc !== undefined) {
      const reads = item.reads ?? 1;
      if (seen.has(item.epc)) {
        tags.repeated += reads;
        continue;
      }
      seen.add(item.epc);
      tags.counted += 1;
      tags.repeated += reads - 1;
      await trx
        .insertInto('counted_epcs')
        .values({ count_task_id: taskId, epc: item.epc, sku_id: item.skuId, counted_at: nowIso })
        .execute();
    }
    const key = figureKey(item.skuId, item.lotId);
    const before = items.get(key);
    items.set(key, {
      skuId: item.skuId,
      lotId: item.lotId,
      quantity: (before?.quantity ?? 0) + item.quantity,
    });
  }
  return { items, tags };
}

async function countedTags(trx: Tx, taskId: number): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('counted_epcs')
    .select('epc')
    .where('count_task_id', '=', taskId)
    .execute();
  return new Set(rows.map((r) => r.epc));
}

async function keyed(
  trx: Tx,
  line: CountedItemIn,
  nowIso: string,
  index: number,
): Promise<LineItem> {
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

async function scanned(trx: Tx, line: CountedItemIn, nowIso: string): Promise<LineItem> {
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
  const epc = scan.kind === 'gs1' ? scan.epc : undefined;
  // An RFID line's quantity is how often the tag was read (a handheld adds repeats up): the
  // tag is still one item.
  const packs =
    epc !== undefined ? 1 : (line.quantity ?? (scan.kind === 'gs1' ? scan.count : undefined) ?? 1);
  const stock = await incomingStockLine(trx, { skuId: match.sku.id, lotCode, expiryDate }, nowIso);
  const quantity = packs * match.quantity;
  if (epc === undefined) return { skuId: stock.sku.id, lotId: stock.lotId, quantity };
  return { skuId: stock.sku.id, lotId: stock.lotId, quantity, epc, reads: line.quantity ?? 1 };
}
