import { fail, ok, type Result } from '../shared/result.js';

/** The task as the picker must match it. */
export interface TaskToMatch {
  taskId: number;
  locationId: number;
  locationCode: string;
  locationBarcode: string | null;
  skuId: number;
  skuCode: string;
  /** Null when the SKU is not lot-tracked. */
  lotCode: string | null;
  /** Units still to pick: quantity − picked − short. */
  remaining: number;
}

/** What was scanned, resolved: the bin (if the scan is a known bin) and the item. */
export interface ScannedPick {
  locationScan: string;
  /** Code of the bin the scan belongs to, when it is one. */
  scannedLocationCode: string | null;
  scannedLocationId: number | null;
  /** Null when the item barcode is no product at all. */
  skuId: number | null;
  skuCode: string | null;
  lotCode: string | null;
  /** Eaches the scan stands for: packs × units per pack. */
  quantity: number;
}

/**
 * Checks a pick against its task before anything moves: the right bin, the right SKU, the
 * right lot, not more than is left. The messages are what the handheld shows the picker, so
 * each says what to do next.
 */
export function checkPick(task: TaskToMatch, scan: ScannedPick): Result<number> {
  const binOk =
    scan.scannedLocationId === task.locationId ||
    scan.locationScan === task.locationBarcode ||
    scan.locationScan.toUpperCase() === task.locationCode;
  if (!binOk) {
    const scanned = scan.scannedLocationCode ?? scan.locationScan;
    return fail(
      'PICK.WRONG_LOCATION',
      `Wrong bin: scanned ${scanned}, go to ${task.locationCode}`,
      {
        expectedLocation: task.locationCode,
        scannedLocation: scanned,
      },
    );
  }
  if (scan.skuId !== task.skuId) {
    const scanned = scan.skuCode ? `scanned ${scan.skuCode}` : 'that barcode is not a product';
    return fail(
      'PICK.WRONG_SKU',
      `Wrong item: ${scanned}; pick ${task.skuCode} from ${task.locationCode}`,
      { expectedSku: task.skuCode, scannedSku: scan.skuCode },
    );
  }
  if (task.lotCode !== null && scan.lotCode !== task.lotCode) {
    const scanned = scan.lotCode ? `scanned lot ${scan.lotCode}` : 'no lot in that scan';
    return fail(
      'PICK.WRONG_LOT',
      `Wrong lot: ${scanned}; pick lot ${task.lotCode} (scan the case label with the lot)`,
      { expectedLot: task.lotCode, scannedLot: scan.lotCode },
    );
  }
  if (!Number.isSafeInteger(scan.quantity) || scan.quantity <= 0) {
    return fail('PICK.INVALID_QUANTITY', 'Quantity must be a whole number above zero');
  }
  if (scan.quantity > task.remaining) {
    return fail(
      'PICK.OVER_PICK',
      `Too many: ${scan.quantity} scanned, only ${task.remaining} left to pick here`,
      { remaining: task.remaining, scanned: scan.quantity },
    );
  }
  return ok(scan.quantity);
}

/** Cases and loose eaches of a quantity, for the pick list ("3 cs + 2 ea"). */
export function casesAndEaches(
  quantity: number,
  caseQuantity: number | null,
): { cases: number; eaches: number } {
  if (!caseQuantity || caseQuantity <= 1) return { cases: 0, eaches: quantity };
  return { cases: Math.floor(quantity / caseQuantity), eaches: quantity % caseQuantity };
}
