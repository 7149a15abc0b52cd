import {
  MAX_LOTS_OF_SKU_PER_BIN,
  roomIn,
  type PutawayBin,
  type PutawayPolicy,
  type PutawaySuggestion,
} from './putaway-policy.js';

/** Room a pick face has for its own SKU: up to its max, and never beyond the bin's capacity. */
function pickFaceRoom(bin: PutawayBin, skuId: number): number {
  if (!bin.pickFace || bin.pickFace.skuId !== skuId) return 0;
  return Math.min(roomIn(bin), Math.max(0, bin.pickFace.maxQuantity - bin.pickFace.skuUnits));
}

/** Bins in the preferred zone first, then along the pick path. */
function byZoneThenPath(zone: string | null) {
  return (a: PutawayBin, b: PutawayBin) => {
    const inZone = (bin: PutawayBin) => (zone !== null && bin.zone === zone ? 0 : 1);
    return inZone(a) - inZone(b) || a.pickSequence - b.pickSequence || a.locationId - b.locationId;
  };
}

/** Bins mixing fewest lots of the SKU first, then the zone-and-path order. */
function byFewestLots(zone: string | null) {
  const path = byZoneThenPath(zone);
  return (a: PutawayBin, b: PutawayBin) => (a.skuLots ?? 0) - (b.skuLots ?? 0) || path(a, b);
}

/**
 * The default slotting: (1) the SKU's pick face while it has room below its max, (2) reserve
 * storage bins that already hold the same SKU (and lot), (3) empty storage bins — reserve
 * bins in the pick face's zone before the others, (4) when none is empty, reserve bins
 * holding the SKU in other lots, fewest lots first, never beyond MAX_LOTS_OF_SKU_PER_BIN.
 * What no bin can take is left unsuggested.
 */
export const defaultPutawayPolicy: PutawayPolicy = {
  suggest({ skuId, quantity, bins }) {
    const suggestions: PutawaySuggestion[] = [];
    let remaining = quantity;
    const take = (locationId: number, room: number) => {
      const quantityHere = Math.min(room, remaining);
      if (quantityHere <= 0) return;
      suggestions.push({ locationId, quantity: quantityHere });
      remaining -= quantityHere;
    };

    const faces = bins.filter((b) => b.pickFace?.skuId === skuId);
    for (const face of faces) take(face.locationId, pickFaceRoom(face, skuId));

    const reserve = bins
      .filter((b) => b.type === 'storage' && b.pickFace === null)
      .sort(byZoneThenPath(faces[0]?.zone ?? null));
    for (const bin of reserve) if (bin.sameItemUnits > 0) take(bin.locationId, roomIn(bin));
    for (const bin of reserve) if (bin.occupiedUnits === 0) take(bin.locationId, roomIn(bin));
    const mixable = reserve
      .filter((b) => b.sameItemUnits === 0 && (b.skuLots ?? 0) > 0)
      .filter((b) => (b.skuLots ?? 0) < MAX_LOTS_OF_SKU_PER_BIN)
      .sort(byFewestLots(faces[0]?.zone ?? null));
    for (const bin of mixable) take(bin.locationId, roomIn(bin));

    if (remaining > 0) suggestions.push({ locationId: null, quantity: remaining });
    return suggestions;
  },
};
