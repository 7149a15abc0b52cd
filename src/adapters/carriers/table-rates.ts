/**
 * The price list of the built-in table-rate carrier: what a regional carrier or the
 * wholesaler's own trucks charge, by zone and weight band. Money in minor units (USD cents),
 * weights in grams. Replace it by constructing `TableRateCarrier` with another table.
 */

/** One weight band: everything up to `upToG` (inclusive) costs `byZone[zone - 1]`. */
export interface WeightBand {
  upToG: number;
  byZone: readonly number[];
}

export interface RateTable {
  currency: string;
  /** Zones run 1..zoneCount; `zoneOf` never returns more. */
  zoneCount: number;
  /** Price per carton; a carton over the last band cannot go as a parcel. */
  parcel: readonly WeightBand[];
  /** Price per started 100 kg of the whole shipment, by total-weight band. */
  ltlPer100Kg: readonly WeightBand[];
  /** The least an LTL shipment costs, by zone. */
  ltlMinimumByZone: readonly number[];
}

export const DEFAULT_RATE_TABLE: RateTable = {
  currency: 'USD',
  zoneCount: 5,
  parcel: [
    { upToG: 1_000, byZone: [695, 745, 815, 895, 985] },
    { upToG: 5_000, byZone: [895, 995, 1125, 1275, 1450] },
    { upToG: 10_000, byZone: [1195, 1350, 1550, 1775, 2025] },
    { upToG: 20_000, byZone: [1650, 1895, 2195, 2550, 2950] },
    { upToG: 31_500, byZone: [2250, 2595, 2995, 3450, 3995] },
  ],
  ltlPer100Kg: [
    { upToG: 500_000, byZone: [1850, 2100, 2400, 2750, 3150] },
    { upToG: 2_000_000, byZone: [1450, 1650, 1900, 2200, 2500] },
    { upToG: 10_000_000, byZone: [1100, 1250, 1450, 1700, 1950] },
  ],
  ltlMinimumByZone: [9500, 11000, 12500, 14500, 16500],
};

/**
 * The zone between two postal codes: US ZIP codes are numbered outward from the north-east,
 * so the distance between their first digits is a fair proxy for distance. Zone =
 * 1 + ⌊|first digit of destination − first digit of origin| / 2⌋, so 1 (same or neighbouring
 * region) to 5 (coast to coast). Undefined across countries or for a code that does not
 * start with a digit: this carrier does not serve those.
 */
export function zoneOf(
  origin: { postalCode: string; country: string },
  destination: { postalCode: string; country: string },
): number | undefined {
  const from = /^\s*(\d)/.exec(origin.postalCode)?.[1];
  const to = /^\s*(\d)/.exec(destination.postalCode)?.[1];
  if (from === undefined || to === undefined || origin.country !== destination.country) {
    return undefined;
  }
  return 1 + Math.floor(Math.abs(Number(to) - Number(from)) / 2);
}

/** The band a weight falls in, or undefined when it is heavier than the last. */
export function bandFor(bands: readonly WeightBand[], weightG: number): WeightBand | undefined {
  return bands.find((b) => weightG <= b.upToG);
}
