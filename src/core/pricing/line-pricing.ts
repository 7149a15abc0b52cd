/**
 * Prices one order line: the ordered packs become base units, the SKU's order rule is applied,
 * and the price that applies on the day is found. The result is what an order line stores.
 */
import type { PackLevel } from '../catalog/sku.rules.js';
import { fail, ok, type Result } from '../shared/result.js';
import { applyOrderRules, type OrderRule } from './order-quantity.js';
import { isMoney } from './price-override.js';
import {
  resolvePrice,
  type PriceCandidate,
  type PriceLevel,
  type PriceSource,
} from './price-resolver.js';

/** Everything about one SKU that pricing needs, loaded once per order. */
export interface SkuPricingFacts {
  skuId: number;
  /** Eaches per pack, for the pack levels the SKU has (the each is always 1). */
  packSizes: Partial<Record<PackLevel, number>>;
  /** The customer's and the price list's rows for the SKU. */
  prices: readonly PriceCandidate[];
  /** Null when the SKU has no order quantity rule. */
  rule: OrderRule | null;
}

/** A line as asked for: a number of packs of a level, optionally with a hand-set price per pack. */
export interface LineRequest {
  packLevel: PriceLevel;
  packQuantity: number;
  /** Already allowed by `checkPriceOverride`. */
  overridePriceMinor?: number | undefined;
}

/** A priced line. Quantities after the order rule; money in minor units. */
export interface PricedLine {
  skuId: number;
  packLevel: PriceLevel;
  packQuantity: number;
  quantityBase: number;
  unitPriceMinor: number;
  lineTotalMinor: number;
  priceSource: PriceSource | 'override';
  /** The volume break that applied (in packs of the level the price was set at); null if overridden. */
  minQuantity: number | null;
  /** True when the order rule changed the quantity (or turned the line into eaches). */
  adjusted: boolean;
}

/**
 * Prices a line on a day. The quantity in eaches is packQuantity × the pack's size; the SKU's
 * order rule may refuse it or round it up. When the rounded quantity is still a whole number of
 * packs the line stays at its level; otherwise it is expressed in eaches (packLevel 'each',
 * packQuantity = the base quantity) and priced at the each level. Line total = unit price ×
 * pack quantity. An override price is per pack of the requested level, so it cannot follow a
 * line into eaches: `PRICING.OVERRIDE_LEVEL_CHANGED`.
 */
export function priceLine(
  request: LineRequest,
  facts: SkuPricingFacts,
  onDate: string,
): Result<PricedLine> {
  const size = request.packLevel === 'each' ? 1 : facts.packSizes[request.packLevel];
  if (size === undefined) {
    return fail('PRICING.UNKNOWN_PACK_LEVEL', `The SKU has no ${request.packLevel} pack`, {
      skuId: facts.skuId,
      packLevel: request.packLevel,
    });
  }
  if (!Number.isSafeInteger(request.packQuantity) || request.packQuantity <= 0) {
    return fail('ORDER.INVALID_QUANTITY', 'A pack quantity is a whole positive number', {
      skuId: facts.skuId,
      packQuantity: request.packQuantity,
    });
  }
  const ruled = applyOrderRules(request.packQuantity * size, facts.rule ?? undefined);
  if (!ruled.ok) return ruled;
  const base = ruled.value.quantity;
  const wholePacks = base % size === 0;
  const packLevel: PriceLevel = wholePacks ? request.packLevel : 'each';
  const packQuantity = wholePacks ? base / size : base;
  const packSize = wholePacks ? size : 1;
  const adjusted = ruled.value.adjusted;
  if (request.overridePriceMinor !== undefined) {
    if (!wholePacks) {
      return fail(
        'PRICING.OVERRIDE_LEVEL_CHANGED',
        `The order rule turned the line into ${base} eaches; send the price per each or order whole packs`,
        { skuId: facts.skuId, quantityBase: base },
      );
    }
    const unit = request.overridePriceMinor;
    return total(facts.skuId, { packLevel, packQuantity, base, unit, adjusted }, 'override', null);
  }
  const price = resolvePrice(facts.prices, { packLevel, packQuantity, packSize, onDate });
  if (!price.ok)
    return fail(price.error.code, price.error.message, {
      skuId: facts.skuId,
      ...price.error.details,
    });
  const unit = price.value.unitPriceMinor;
  return total(
    facts.skuId,
    { packLevel, packQuantity, base, unit, adjusted },
    price.value.source,
    price.value.minQuantity,
  );
}

function total(
  skuId: number,
  line: {
    packLevel: PriceLevel;
    packQuantity: number;
    base: number;
    unit: number;
    adjusted: boolean;
  },
  priceSource: PricedLine['priceSource'],
  minQuantity: number | null,
): Result<PricedLine> {
  const lineTotalMinor = line.unit * line.packQuantity;
  if (!isMoney(line.unit) || !isMoney(lineTotalMinor)) {
    return fail('PRICING.AMOUNT_TOO_LARGE', 'The line total is too large to compute exactly', {
      skuId,
    });
  }
  return ok({
    skuId,
    packLevel: line.packLevel,
    packQuantity: line.packQuantity,
    quantityBase: line.base,
    unitPriceMinor: line.unit,
    lineTotalMinor,
    priceSource,
    minQuantity,
    adjusted: line.adjusted,
  });
}
