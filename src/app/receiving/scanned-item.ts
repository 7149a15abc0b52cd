import type { Tx } from '../../adapters/db/database.js';
import { interpretScan } from '../../core/gs1/scan.js';
import { fail, must, ok, type Result } from '../../core/shared/result.js';
import { findSkuByGtin } from '../catalog/gtin-lookup.js';
import type { ReceivedTag } from './received-epcs.js';

/** What a receiver entered: a scan, or the SKU and quantity keyed in; lot and expiry may fill gaps. */
export interface ReceivedItemInput {
  /** What the scanner typed: a GTIN-8/12/13/14 or a GS1 element string ((01), (10), (17), (37)). */
  scan?: string | undefined;
  /** How many of the scanned pack arrived; defaults to the (37) count, else 1. */
  packs?: number | undefined;
  skuId?: number | undefined;
  /** Base units, when keyed in without a scan. */
  quantity?: number | undefined;
  lotCode?: string | undefined;
  expiryDate?: string | undefined;
}

/** The item a receipt is about, in base units, with the lot and expiry the scan or receiver gave. */
export interface ReceivedItem {
  skuId: number;
  quantity: number;
  lotCode: string | undefined;
  expiryDate: string | undefined;
  /** The RFID tag read, when the scan was an SGTIN-96 EPC: stored so it is received once. */
  tag?: ReceivedTag | undefined;
}

const mismatch = (what: string, scanned: unknown, keyed: unknown) =>
  fail<never>(
    'RECEIVING.SCAN_MISMATCH',
    `The scan says ${what} ${scanned}; the request says ${keyed}`,
    {
      field: what,
      scanned,
      keyed,
    },
  );

/** A value both the scan and the receiver may give must agree when both do. */
function agree<T>(
  what: string,
  scanned: T | undefined,
  keyed: T | undefined,
): Result<T | undefined> {
  if (scanned !== undefined && keyed !== undefined && scanned !== keyed)
    return mismatch(what, scanned, keyed);
  return ok(scanned ?? keyed);
}

async function fromScan(trx: Tx, input: ReceivedItemInput, currentYear: number) {
  const scan = interpretScan(input.scan!, { currentYear });
  const gs1 = scan.kind === 'gs1' ? scan : undefined;
  const gtin = scan.kind === 'gtin' ? scan.gtin : (gs1?.gtin ?? gs1?.elements['02']);
  if (gtin === undefined) {
    must(
      fail('RECEIVING.SCAN_NOT_AN_ITEM', 'The scan holds no GTIN: scan the item or case barcode', {
        scan: input.scan,
      }),
    );
  }
  const match = must(await findSkuByGtin(trx, gtin!));
  // An EPC names one tagged item: it never stands for more than one pack.
  if (gs1?.epc !== undefined && input.packs !== undefined && input.packs !== 1)
    must(mismatch('packs', 1, input.packs));
  const packs = input.packs ?? gs1?.count ?? 1;
  const item: ReceivedItem = {
    skuId: must(agree('skuId', match.sku.id, input.skuId))!,
    quantity: match.quantity * packs,
    lotCode: must(agree('lotCode', gs1?.lot, input.lotCode)),
    expiryDate: must(agree('expiryDate', gs1?.expiryDate, input.expiryDate)),
  };
  if (gs1?.epc !== undefined) item.tag = { epc: gs1.epc, gtin: gtin!, serial: gs1.serial ?? '' };
  if (input.quantity !== undefined && input.quantity !== item.quantity)
    must(mismatch('quantity', item.quantity, input.quantity));
  return item;
}

/**
 * Turns what the receiver scanned or keyed into a SKU and a quantity of base units: a case
 * GTIN counts its pack quantity, a GS1-128 label brings its lot, expiry and count. Refuses a
 * scan that is not an item, an unknown GTIN, and a scan that contradicts the keyed fields.
 */
export async function receivedItem(
  trx: Tx,
  input: ReceivedItemInput,
  currentYear: number,
): Promise<ReceivedItem> {
  if (input.scan !== undefined) return fromScan(trx, input, currentYear);
  if (input.skuId === undefined || input.quantity === undefined) {
    must(fail('RECEIVING.ITEM_REQUIRED', 'Give a scan, or a skuId with a quantity'));
  }
  return {
    skuId: input.skuId!,
    quantity: input.quantity!,
    lotCode: input.lotCode,
    expiryDate: input.expiryDate,
  };
}
