/**
 * Which price applies to an order line: the customer's own price before the price list, the
 * volume tier the ordered quantity reaches, and only rows valid on the order date.
 */
import { PACK_LEVELS } from '../catalog/sku.rules.js';
import { fail, ok, type Result } from '../shared/result.js';

/** Levels a price can be set at: the each (base unit) and every pack level. */
export const PRICE_LEVELS = ['each', ...PACK_LEVELS] as const;
/** A level a price is set at and a line is ordered in. */
export type PriceLevel = (typeof PRICE_LEVELS)[number];

/** True when a string names a level a price can be set at. */
export function isPriceLevel(value: string): value is PriceLevel {
  return (PRICE_LEVELS as readonly string[]).includes(value);
}

/**
 * One stored price row, from a price list or a customer's own prices: the price of one pack of
 * `packLevel` when at least `minQuantity` packs are ordered, between `validFrom` (inclusive)
 * and `validTo` (exclusive); a null date is open.
 */
export interface PriceCandidate {
  id: number;
  origin: 'customer' | 'list';
  packLevel: string;
  minQuantity: number;
  unitPriceMinor: number;
  validFrom: string | null;
  validTo: string | null;
}

/** What is being priced: `packQuantity` packs of `packLevel`, each holding `packSize` eaches. */
export interface PriceQuery {
  packLevel: PriceLevel;
  packQuantity: number;
  /** Eaches in one pack of `packLevel` (1 for the each). */
  packSize: number;
  /** `YYYY-MM-DD`: the day the price must be valid on. */
  onDate: string;
}

/** Where a price came from, as order lines record it. */
export type PriceSource = 'customer' | 'tier' | 'list';

/** The price of one pack of the queried level, and the row that set it. */
export interface ResolvedPrice {
  unitPriceMinor: number;
  source: PriceSource;
  /** The break that applied, in packs of `pricedLevel`. */
  minQuantity: number;
  /** The level the winning row was set at: the queried level, or 'each' when derived from it. */
  pricedLevel: PriceLevel;
  priceId: number;
}

/** True when a row is valid on a day: from `validFrom` inclusive to `validTo` exclusive. */
export function isValidOn(row: Pick<PriceCandidate, 'validFrom' | 'validTo'>, onDate: string) {
  return (
    (row.validFrom === null || row.validFrom <= onDate) &&
    (row.validTo === null || onDate < row.validTo)
  );
}

/**
 * Resolves the price of one pack. The search order is: the customer's prices at the ordered
 * level, the customer's each price × pack size, the list at the ordered level, the list's each
 * price × pack size — a customer price always beats the list, and within one source a price
 * set for the pack beats one derived from the each. Among the rows valid on the date, the tier
 * with the largest `minQuantity` ≤ the ordered quantity applies (for an each price the quantity
 * is counted in eaches: packQuantity × packSize). Two rows on the same break: the later
 * `validFrom`, then the newer row, wins. `source` is 'tier' for a list row with a break above 1.
 * Nothing applies: `PRICING.NO_PRICE`.
 */
export function resolvePrice(
  candidates: readonly PriceCandidate[],
  query: PriceQuery,
): Result<ResolvedPrice> {
  const eaches = query.packQuantity * query.packSize;
  const attempts: [PriceCandidate['origin'], PriceLevel, number][] = [
    ['customer', query.packLevel, query.packQuantity],
  ];
  if (query.packLevel !== 'each') attempts.push(['customer', 'each', eaches]);
  attempts.push(['list', query.packLevel, query.packQuantity]);
  if (query.packLevel !== 'each') attempts.push(['list', 'each', eaches]);
  for (const [origin, level, quantity] of attempts) {
    const row = bestTier(candidates, origin, level, quantity, query.onDate);
    if (!row) continue;
    const multiplier = level === query.packLevel ? 1 : query.packSize;
    return ok({
      unitPriceMinor: row.unitPriceMinor * multiplier,
      source: origin === 'customer' ? 'customer' : row.minQuantity > 1 ? 'tier' : 'list',
      minQuantity: row.minQuantity,
      pricedLevel: level,
      priceId: row.id,
    });
  }
  return fail(
    'PRICING.NO_PRICE',
    `No price for ${query.packQuantity} × ${query.packLevel} on ${query.onDate}`,
    {
      packLevel: query.packLevel,
      packQuantity: query.packQuantity,
      onDate: query.onDate,
    },
  );
}

function bestTier(
  candidates: readonly PriceCandidate[],
  origin: PriceCandidate['origin'],
  level: PriceLevel,
  quantity: number,
  onDate: string,
): PriceCandidate | undefined {
  let best: PriceCandidate | undefined;
  for (const row of candidates) {
    if (row.origin !== origin || row.packLevel !== level) continue;
    if (row.minQuantity > quantity || !isValidOn(row, onDate)) continue;
    if (!best || beats(row, best)) best = row;
  }
  return best;
}

function beats(row: PriceCandidate, best: PriceCandidate): boolean {
  if (row.minQuantity !== best.minQuantity) return row.minQuantity > best.minQuantity;
  const from = row.validFrom ?? '';
  const bestFrom = best.validFrom ?? '';
  if (from !== bestFrom) return from > bestFrom;
  return row.id > best.id;
}
