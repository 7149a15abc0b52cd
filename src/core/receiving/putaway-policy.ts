/**
 * Where received goods should go. A wholesaler may slot differently (velocity classes, heavy
 * goods low, hazmat cages), so the decision sits behind this small interface; the default
 * beside it fills the pick face, then tops up reserve bins already holding the item, then
 * opens empty bins.
 */

/** A bin that might take put-away stock, as the policy sees it (figures in base units). */
export interface PutawayBin {
  locationId: number;
  type: 'storage' | 'pick_face';
  zone: string | null;
  pickSequence: number;
  /** What the bin holds at most, every SKU together; null = no limit recorded. */
  capacityUnits: number | null;
  /** Units in the bin now, every SKU, plus what open tasks are already bringing there. */
  occupiedUnits: number;
  /** Of those, units of this SKU (and lot, for lot-tracked SKUs). */
  sameItemUnits: number;
  /**
   * Lots of this SKU the bin holds or is promised, when it holds the SKU in another lot than
   * the one put away (lot-tracked SKUs); absent or 0 otherwise.
   */
  skuLots?: number;
  /** Set when the bin is a pick face: the SKU it is assigned to and its refill ceiling. */
  pickFace: { skuId: number; maxQuantity: number; skuUnits: number } | null;
}

export interface PutawayRequest {
  skuId: number;
  quantity: number;
  bins: readonly PutawayBin[];
}

/** One put-away task to create; `locationId` null when no bin can take it (worker chooses). */
export interface PutawaySuggestion {
  locationId: number | null;
  quantity: number;
}

export interface PutawayPolicy {
  /** Splits the quantity over bins; the quantities always add up to the request's. */
  suggest(request: PutawayRequest): PutawaySuggestion[];
}

/**
 * Lots of one SKU a reserve bin may hold at once. Once no bin is empty a new lot shares a bin
 * with older lots of its SKU — up to this many, so FEFO picking still finds each lot in a few
 * rows and the bin is not split into dozens of remnants.
 */
export const MAX_LOTS_OF_SKU_PER_BIN = 4;

/** Free room in a bin, by its capacity; Infinity when it has none recorded. */
export function roomIn(bin: PutawayBin): number {
  if (bin.capacityUnits === null) return Number.POSITIVE_INFINITY;
  return Math.max(0, bin.capacityUnits - bin.occupiedUnits);
}
