import type {
  AllocationLine,
  AllocationPiece,
  AllocationPolicy,
  AllocationRequest,
  StockCandidate,
} from './allocation-policy.js';

/**
 * The default policy. Warehouse: the preferred one if it can ship the whole order, else one that
 * can, else — only for customers who accept split shipments — as much as possible from each in
 * turn (preferred first). Within a warehouse: first-expired-first-out among lots that meet the
 * customer's minimum remaining shelf life; then a single bin that covers the line (pick face
 * first) over several; then pick faces before reserve, fuller bins first.
 */
export const defaultAllocationPolicy: AllocationPolicy = {
  plan(request, candidates) {
    const usable = candidates.filter((c) => c.available > 0);
    const warehouses = warehouseOrder(request, usable);
    const chosen = request.shipComplete ? warehouses.slice(0, 1) : warehouses;
    const left = new Map(usable.map((c) => [candidateKey(c), c.available]));
    const pieces: AllocationPiece[] = [];
    for (const line of request.lines) {
      let need = line.quantity;
      for (const warehouseId of chosen) {
        if (need === 0) break;
        const bins = orderedBins(usable, line, warehouseId, left, need);
        for (const bin of bins) {
          if (need === 0) break;
          const take = Math.min(need, left.get(candidateKey(bin)) ?? 0);
          if (take <= 0) continue;
          left.set(candidateKey(bin), (left.get(candidateKey(bin)) ?? 0) - take);
          pieces.push({
            lineId: line.lineId,
            skuId: line.skuId,
            warehouseId,
            locationId: bin.locationId,
            lotId: bin.lotId,
            quantity: take,
          });
          need -= take;
        }
      }
    }
    return pieces;
  },
};

const candidateKey = (c: StockCandidate) => `${c.locationId}/${c.skuId}/${c.lotId}`;

function acceptable(c: StockCandidate, line: AllocationLine): boolean {
  if (c.skuId !== line.skuId) return false;
  return line.minExpiryDate === null || c.expiryDate === null || c.expiryDate >= line.minExpiryDate;
}

/** Warehouses in the order they should be tried for this order. */
function warehouseOrder(
  request: AllocationRequest,
  candidates: readonly StockCandidate[],
): number[] {
  const ids = [...new Set(candidates.map((c) => c.warehouseId))];
  const coverage = (warehouseId: number) =>
    request.lines.reduce((sum, line) => {
      const there = candidates
        .filter((c) => c.warehouseId === warehouseId && acceptable(c, line))
        .reduce((n, c) => n + c.available, 0);
      return sum + Math.min(line.quantity, there);
    }, 0);
  const wanted = request.lines.reduce((n, l) => n + l.quantity, 0);
  const scored = ids.map((id) => ({ id, covered: coverage(id) }));
  const rank = (w: { id: number; covered: number }) =>
    (w.covered >= wanted ? 0 : 2) + (w.id === request.preferredWarehouseId ? 0 : 1);
  scored.sort((a, b) => rank(a) - rank(b) || b.covered - a.covered || a.id - b.id);
  return scored.map((w) => w.id);
}

/** Bins of one warehouse for a line, best first. */
function orderedBins(
  candidates: readonly StockCandidate[],
  line: AllocationLine,
  warehouseId: number,
  left: Map<string, number>,
  need: number,
): StockCandidate[] {
  const typeRank = (c: StockCandidate) => (c.locationType === 'pick_face' ? 0 : 1);
  const coversAll = (c: StockCandidate) => ((left.get(candidateKey(c)) ?? 0) >= need ? 0 : 1);
  return candidates
    .filter(
      (c) =>
        c.warehouseId === warehouseId &&
        acceptable(c, line) &&
        (left.get(candidateKey(c)) ?? 0) > 0,
    )
    .sort(
      (a, b) =>
        compareExpiry(a.expiryDate, b.expiryDate) ||
        coversAll(a) - coversAll(b) ||
        typeRank(a) - typeRank(b) ||
        (left.get(candidateKey(b)) ?? 0) - (left.get(candidateKey(a)) ?? 0) ||
        a.pickSequence - b.pickSequence,
    );
}

/** Earliest expiry first; stock without expiry last. */
function compareExpiry(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
