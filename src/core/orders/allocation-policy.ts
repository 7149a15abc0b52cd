/** Stock that could be held for an order: unreserved quantity of one SKU/lot at one sellable bin. */
export interface StockCandidate {
  warehouseId: number;
  locationId: number;
  locationType: string;
  pickSequence: number;
  skuId: number;
  lotId: number;
  /** `YYYY-MM-DD`, or null for stock without an expiry. */
  expiryDate: string | null;
  available: number;
}

export interface AllocationLine {
  lineId: number;
  skuId: number;
  /** Base units still to hold. */
  quantity: number;
  /** Lots expiring before this date are not acceptable to the customer (minimum remaining shelf life). */
  minExpiryDate: string | null;
}

export interface AllocationRequest {
  lines: readonly AllocationLine[];
  preferredWarehouseId: number | null;
  /** A ship-complete customer gets everything from one warehouse, never a split. */
  shipComplete: boolean;
}

/** One reservation to take: this much of a line from this bin and lot. */
export interface AllocationPiece {
  lineId: number;
  skuId: number;
  warehouseId: number;
  locationId: number;
  lotId: number;
  quantity: number;
}

/**
 * Decides where an order's stock comes from. Wholesalers differ (FEFO or FIFO, nearest
 * warehouse, lot mixing), so the decision sits behind this interface; the rest of the order
 * flow only reserves what the plan says.
 */
export interface AllocationPolicy {
  plan(request: AllocationRequest, candidates: readonly StockCandidate[]): AllocationPiece[];
}

/** `policy`, planning from one warehouse's stock only. */
export function withinWarehouse(policy: AllocationPolicy, warehouseId: number): AllocationPolicy {
  return {
    plan: (request, candidates) =>
      policy.plan(
        { ...request, preferredWarehouseId: warehouseId },
        candidates.filter((c) => c.warehouseId === warehouseId),
      ),
  };
}
