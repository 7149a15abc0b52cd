/**
 * Pick-face replenishment: when what a face can still sell falls below its minimum, bring
 * stock from reserve up to its maximum — oldest expiry first, so the face sells FEFO too.
 */

/** A pick face and what it holds now (base units). */
export interface FaceLevel {
  locationId: number;
  skuId: number;
  minQuantity: number;
  maxQuantity: number;
  onHand: number;
  /** On hand less what is reserved for orders. */
  available: number;
  /** Units of the SKU open put-away tasks are already bringing here: counted as if arrived. */
  incomingUnits: number;
  /** Free room by the bin's capacity; null = no limit recorded. */
  roomUnits: number | null;
  /** An open replenish task already heads here: plan nothing more for this face. */
  hasOpenTask: boolean;
}

/** Unreserved stock of the face's SKU in a reserve bin, not already promised to a task. */
export interface ReserveStock {
  locationId: number;
  lotId: number;
  /** null for untracked SKUs or lots without expiry: those go last. */
  expiryDate: string | null;
  quantity: number;
  pickSequence: number;
}

export interface ReplenishMove {
  fromLocationId: number;
  toLocationId: number;
  skuId: number;
  lotId: number;
  quantity: number;
}

/** Reserve stock in the order it should leave: earliest expiry, then along the pick path. */
export function fefoOrder(a: ReserveStock, b: ReserveStock): number {
  if (a.expiryDate !== b.expiryDate) {
    if (a.expiryDate === null) return 1;
    if (b.expiryDate === null) return -1;
    return a.expiryDate < b.expiryDate ? -1 : 1;
  }
  return a.pickSequence - b.pickSequence || a.locationId - b.locationId || a.lotId - b.lotId;
}

/** How much a face needs: nothing unless below min; then up to max, within its capacity. */
export function refillQuantity(face: FaceLevel): number {
  if (face.hasOpenTask || face.available + face.incomingUnits >= face.minQuantity) return 0;
  const upToMax = Math.max(0, face.maxQuantity - face.onHand - face.incomingUnits);
  return face.roomUnits === null ? upToMax : Math.min(upToMax, Math.max(0, face.roomUnits));
}

/** The moves for one face, drawn from `reserve` (which is consumed, for the next face). */
export function planFaceRefill(face: FaceLevel, reserve: ReserveStock[]): ReplenishMove[] {
  let needed = refillQuantity(face);
  const moves: ReplenishMove[] = [];
  for (const stock of [...reserve].sort(fefoOrder)) {
    if (needed <= 0) break;
    const quantity = Math.min(needed, stock.quantity);
    if (quantity <= 0 || stock.locationId === face.locationId) continue;
    moves.push({
      fromLocationId: stock.locationId,
      toLocationId: face.locationId,
      skuId: face.skuId,
      lotId: stock.lotId,
      quantity,
    });
    stock.quantity -= quantity;
    needed -= quantity;
  }
  return moves;
}
