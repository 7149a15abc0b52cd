import type { Tx } from '../../../adapters/db/database.js';
import type { ScannedPick } from '../../../core/fulfillment/pick-check.js';
import { interpretScan } from '../../../core/gs1/scan.js';
import { normalizeGtin } from '../../../core/catalog/gtin.js';
import { findSkuByGtin } from '../../catalog/gtin-lookup.js';
import { getLocationByBarcode } from '../../warehouses/warehouse-queries.js';

/** What the handheld sent for one pick. */
export interface PickScans {
  /** The bin's barcode as scanned. */
  locationScan: string;
  /** The item's barcode: a GTIN (each or case) or a GS1-128 / DataMatrix string with (01)(10)(17)(37). */
  itemScan: string;
  /**
   * How many of what was scanned (cases when a case barcode was scanned). Default: the (37)
   * count of a GS1 scan, else 1.
   */
  quantity?: number;
}

/** What the task expects to be scanned: a scan that is exactly this needs no look-up. */
export interface ExpectedScan {
  locationId: number;
  locationCode: string;
  locationBarcode: string | null;
  skuId: number;
  skuCode: string;
  /** The SKU's each GTIN as stored (14 digits), if it has one. */
  skuGtin: string | null;
}

/**
 * Turns raw scans into facts the pick check compares: which bin, which SKU and lot, and how
 * many eaches (a case GTIN counts its pack quantity). Unknown barcodes resolve to nothing,
 * so the check can tell the picker what is wrong rather than fail on a look-up. The task's own
 * bin and each GTIN are recognised without a look-up; anything else is looked up.
 */
export async function resolveScans(
  trx: Tx,
  scans: PickScans,
  now: Date,
  expected?: ExpectedScan,
): Promise<ScannedPick> {
  const currentYear = now.getUTCFullYear();
  const where = interpretScan(scans.locationScan, { currentYear });
  const locationText = where.kind === 'text' ? where.value : scans.locationScan.trim();
  const bin = await binScanned(trx, locationText, expected);
  const item = interpretScan(scans.itemScan, { currentYear });
  const gtin = item.kind === 'gtin' ? item.gtin : item.kind === 'gs1' ? item.gtin : undefined;
  const match = gtin ? await itemScanned(trx, gtin, expected) : undefined;
  const packs = scans.quantity ?? (item.kind === 'gs1' ? item.count : undefined) ?? 1;
  return {
    locationScan: locationText,
    scannedLocationCode: bin?.code ?? null,
    scannedLocationId: bin?.id ?? null,
    skuId: match?.skuId ?? null,
    skuCode: match?.skuCode ?? null,
    lotCode: item.kind === 'gs1' ? (item.lot ?? null) : null,
    quantity: packs * (match?.perPack ?? 1),
  };
}

async function binScanned(trx: Tx, text: string, expected: ExpectedScan | undefined) {
  if (
    expected &&
    (text === expected.locationBarcode || text.toUpperCase() === expected.locationCode)
  )
    return { id: expected.locationId, code: expected.locationCode };
  const bin = await getLocationByBarcode(trx, text);
  return bin.ok ? bin.value : undefined;
}

async function itemScanned(trx: Tx, gtin: string, expected: ExpectedScan | undefined) {
  const normalized = normalizeGtin(gtin);
  if (expected && normalized.ok && normalized.value === expected.skuGtin)
    return { skuId: expected.skuId, skuCode: expected.skuCode, perPack: 1 };
  const match = await findSkuByGtin(trx, gtin);
  return match.ok
    ? { skuId: match.value.sku.id, skuCode: match.value.sku.code, perPack: match.value.quantity }
    : undefined;
}
