import type { Tx } from '../../../adapters/db/database.js';
import type { ScannedPick } from '../../../core/fulfillment/pick-check.js';
import { interpretScan } from '../../../core/gs1/scan.js';
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

/**
 * Turns raw scans into facts the pick check compares: which bin, which SKU and lot, and how
 * many eaches (a case GTIN counts its pack quantity). Unknown barcodes resolve to nothing,
 * so the check can tell the picker what is wrong rather than fail on a look-up.
 */
export async function resolveScans(trx: Tx, scans: PickScans, now: Date): Promise<ScannedPick> {
  const currentYear = now.getUTCFullYear();
  const where = interpretScan(scans.locationScan, { currentYear });
  const locationText = where.kind === 'text' ? where.value : scans.locationScan.trim();
  const bin = await getLocationByBarcode(trx, locationText);
  const item = interpretScan(scans.itemScan, { currentYear });
  const gtin = item.kind === 'gtin' ? item.gtin : item.kind === 'gs1' ? item.gtin : undefined;
  const match = gtin ? await findSkuByGtin(trx, gtin) : undefined;
  const packs = scans.quantity ?? (item.kind === 'gs1' ? item.count : undefined) ?? 1;
  const perPack = match?.ok ? match.value.quantity : 1;
  return {
    locationScan: locationText,
    scannedLocationCode: bin.ok ? bin.value.code : null,
    scannedLocationId: bin.ok ? bin.value.id : null,
    skuId: match?.ok ? match.value.sku.id : null,
    skuCode: match?.ok ? match.value.sku.code : null,
    lotCode: item.kind === 'gs1' ? (item.lot ?? null) : null,
    quantity: packs * perPack,
  };
}
