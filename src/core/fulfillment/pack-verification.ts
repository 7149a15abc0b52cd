import { fail, ok, type Result } from '../shared/result.js';

/**
 * What was picked for one order line in one lot and how much of it is already in a carton:
 * the packer may only put into cartons what the picker brought to staging for this order.
 */
export interface PickedLot {
  orderLineId: number;
  lineNumber: number;
  skuId: number;
  /** 0 for SKUs that are not lot-tracked. */
  lotId: number;
  picked: number;
  packed: number;
}

/** One scan or keyed entry at the packing bench, in base units (eaches). */
export interface PackItem {
  skuId: number;
  /** Undefined when the barcode carried no lot (a plain GTIN scan). */
  lotId?: number | undefined;
  quantity: number;
}

/** Where a packed quantity lands: which order line and lot it is booked against. */
export interface PackAssignment {
  orderLineId: number;
  skuId: number;
  lotId: number;
  quantity: number;
}

/**
 * Pack verification: books an item against the order lines it was picked for, oldest line
 * first. Refuses a SKU or lot that was never picked for this order (`PACK.NOT_PICKED`), more
 * than was picked and not yet packed (`PACK.OVER_PACK`), and a lot-less scan of a SKU whose
 * open picks span several lots (`PACK.LOT_REQUIRED`) — guessing the lot would break recall
 * traceability on the label and the invoice.
 */
export function verifyPack(picked: readonly PickedLot[], item: PackItem): Result<PackAssignment[]> {
  if (!Number.isInteger(item.quantity) || item.quantity <= 0) {
    return fail('PACK.INVALID_QUANTITY', 'Pack a whole, positive number of units');
  }
  const ofSku = picked.filter((p) => p.skuId === item.skuId && p.picked > 0);
  const candidates = item.lotId === undefined ? ofSku : ofSku.filter((p) => p.lotId === item.lotId);
  if (candidates.length === 0) {
    return fail('PACK.NOT_PICKED', 'This SKU/lot was not picked for this order', {
      skuId: item.skuId,
      lotId: item.lotId ?? null,
    });
  }
  const open = candidates
    .filter((p) => p.picked > p.packed)
    .sort((a, b) => a.lineNumber - b.lineNumber || a.lotId - b.lotId);
  const remaining = open.reduce((n, p) => n + p.picked - p.packed, 0);
  if (item.quantity > remaining) {
    return fail('PACK.OVER_PACK', `Only ${remaining} picked and not yet packed`, {
      skuId: item.skuId,
      lotId: item.lotId ?? null,
      requested: item.quantity,
      remaining,
    });
  }
  if (item.lotId === undefined && new Set(open.map((p) => p.lotId)).size > 1) {
    return fail('PACK.LOT_REQUIRED', 'Several lots of this SKU were picked: scan the lot too', {
      skuId: item.skuId,
      lotIds: [...new Set(open.map((p) => p.lotId))],
    });
  }
  const assignments: PackAssignment[] = [];
  let left = item.quantity;
  for (const p of open) {
    if (left === 0) break;
    const take = Math.min(left, p.picked - p.packed);
    assignments.push({
      orderLineId: p.orderLineId,
      skuId: p.skuId,
      lotId: p.lotId,
      quantity: take,
    });
    left -= take;
  }
  return ok(assignments);
}

/** A carton's limits as packing needs them. */
export interface CartonLimits {
  maxWeightG: number | null;
}

/**
 * The carton's gross weight after adding `addedG`, or `PACK.OVERWEIGHT` when that breaks the
 * carton type's limit (the carrier would refuse it, and the bottom would give out).
 */
export function checkCartonWeight(
  currentG: number,
  addedG: number,
  limits: CartonLimits,
): Result<number> {
  const next = currentG + addedG;
  if (limits.maxWeightG !== null && next > limits.maxWeightG) {
    return fail(
      'PACK.OVERWEIGHT',
      `The carton would weigh ${next} g; it holds ${limits.maxWeightG} g`,
      {
        weightG: next,
        maxWeightG: limits.maxWeightG,
      },
    );
  }
  return ok(next);
}

/** True when every unit picked for the order is in a carton: the order may become 'packed'. */
export function allPickedPacked(picked: readonly PickedLot[]): boolean {
  const total = picked.reduce((n, p) => n + p.picked, 0);
  return total > 0 && picked.every((p) => p.packed >= p.picked);
}
