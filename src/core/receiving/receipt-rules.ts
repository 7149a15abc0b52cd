import { openQuantity, type PoLineQuantities } from '../purchasing/po-status.js';
import { fail, ok, type Result } from '../shared/result.js';

/** Over-receipt allowed when the settings say nothing: 10 % above what was ordered. */
export const DEFAULT_OVER_TOLERANCE_PCT = 10;

/** A PO line as receiving sees it. */
export interface ReceivableLine extends PoLineQuantities {
  id: number;
  lineNumber: number;
  skuId: number;
}

/**
 * The most a line may ever have received: what is still expected (ordered − cancelled)
 * plus the tolerance, rounded down to whole units — integers only, so 10 % of 7 is 0.
 */
export function receivingCeiling(line: PoLineQuantities, tolerancePct: number): number {
  const expected = Math.max(0, line.quantityOrdered - line.quantityCancelled);
  return Math.floor((expected * (100 + tolerancePct)) / 100);
}

/**
 * The line a delivery of this SKU is booked against: the first (by line number) still
 * expecting goods; when all are complete, the last one (an over-receipt lands there and is
 * checked against its tolerance). `undefined` when the SKU is not on the PO.
 */
export function lineForSku(lines: readonly ReceivableLine[], skuId: number) {
  const forSku = lines.filter((l) => l.skuId === skuId).sort((a, b) => a.lineNumber - b.lineNumber);
  return forSku.find((l) => openQuantity(l) > 0) ?? forSku.at(-1);
}

/** Refuses a receipt that would take the line beyond ordered × (1 + tolerance). */
export function checkWithinTolerance(
  line: ReceivableLine,
  quantity: number,
  tolerancePct: number,
): Result<void> {
  const ceiling = receivingCeiling(line, tolerancePct);
  if (line.quantityReceived + quantity <= ceiling) return ok(undefined);
  return fail(
    'RECEIVING.OVER_TOLERANCE',
    `Line ${line.lineNumber} may receive at most ${ceiling} (ordered ${line.quantityOrdered}, ` +
      `tolerance ${tolerancePct} %); ${line.quantityReceived} already received, ${quantity} more refused`,
    {
      lineId: line.id,
      quantityOrdered: line.quantityOrdered,
      quantityReceived: line.quantityReceived,
      refused: quantity,
      ceiling,
      tolerancePct,
    },
  );
}

/** Parses the `receiving_over_tolerance_pct` setting; anything not a whole 0–1000 falls back. */
export function parseTolerancePct(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value.trim())) return DEFAULT_OVER_TOLERANCE_PCT;
  const pct = Number(value.trim());
  return pct <= 1000 ? pct : DEFAULT_OVER_TOLERANCE_PCT;
}
