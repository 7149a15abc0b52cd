/** A bin to visit, as the path needs it. */
export interface PathStop {
  locationId: number;
  /** Walk order of the bin; serpentine aisles are already baked into it. */
  pickSequence: number;
  code: string;
}

/**
 * The order a picker walks the bins in: pick sequence ascending, then location code (bins
 * sharing a sequence, e.g. levels of one bay, top to bottom by code), then id for a stable
 * tie-break. Pure: the same stops always give the same walk.
 */
export function comparePath(a: PathStop, b: PathStop): number {
  return (
    a.pickSequence - b.pickSequence ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    a.locationId - b.locationId
  );
}

/** Items in walking order, numbered from `firstSequence` (1 for a new wave). */
export function sequenceByPath<T extends { stop: PathStop }>(
  items: readonly T[],
  firstSequence = 1,
): (T & { sequence: number })[] {
  return [...items]
    .sort((a, b) => comparePath(a.stop, b.stop))
    .map((item, i) => ({ ...item, sequence: firstSequence + i }));
}
