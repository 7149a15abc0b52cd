import type { Tx } from '../../adapters/db/database.js';
import { isIsoDate } from '../../core/inventory/movement.js';
import { priceLine, type PricedLine } from '../../core/pricing/line-pricing.js';
import { checkPriceOverride, isMoney } from '../../core/pricing/price-override.js';
import { isPriceLevel } from '../../core/pricing/price-resolver.js';
import { fail, ok, type Failure, type Result } from '../../core/shared/result.js';
import type { Role } from '../../core/shared/roles.js';
import { loadPricingInputs, type PricingInputs } from './pricing-inputs.js';

/** A line to price: packs of a level, and optionally a hand-set price per pack. */
export interface QuoteLineRequest {
  skuId: number;
  packLevel: string;
  packQuantity: number;
  /** Only for roles that may override prices (see `checkPriceOverride`). */
  unitPriceMinor?: number | undefined;
}

/** Lines to price for a customer (their prices, then their list) and/or a named price list. */
export interface QuoteRequest {
  customerId?: number | null | undefined;
  priceListId?: number | null | undefined;
  /** `YYYY-MM-DD`: the day the prices must be valid on. */
  onDate: string;
  /** Who asks: decides whether a line may carry its own price. */
  actorRole: Role;
  lines: readonly QuoteLineRequest[];
}

/** A priced line with its 1-based position in the request. */
export interface QuotedLine extends PricedLine {
  lineNumber: number;
}

/** Priced lines and their total, in the currency of the prices used. Nothing is stored. */
export interface Quote {
  customerId: number | null;
  priceListId: number | null;
  currency: string | null;
  onDate: string;
  lines: QuotedLine[];
  totalMinor: number;
}

/**
 * Prices lines as an order would (order rules applied, customer prices first, tiers, dates)
 * without creating anything. Loads everything in a handful of queries (`loadPricingInputs`),
 * then prices each line in memory. The first line that cannot be priced fails the quote, its
 * failure carrying `lineNumber` and `skuId`. Needs a customer or a price list
 * (`PRICING.NO_PRICE_SOURCE`); an inactive SKU is `CATALOG.SKU_INACTIVE`.
 */
export async function quote(trx: Tx, request: QuoteRequest): Promise<Result<Quote>> {
  if (!isIsoDate(request.onDate)) {
    return fail('PRICING.INVALID_DATE', 'onDate is a date as YYYY-MM-DD', { field: 'onDate' });
  }
  if ((request.customerId ?? null) === null && (request.priceListId ?? null) === null) {
    return fail('PRICING.NO_PRICE_SOURCE', 'Name a customer or a price list to price against');
  }
  for (const [index, line] of request.lines.entries()) {
    const override = checkPriceOverride(request.actorRole, line.unitPriceMinor);
    if (!override.ok) return lineFailure(index, line.skuId, override.error);
  }
  const inputs = await loadPricingInputs(trx, {
    customerId: request.customerId,
    priceListId: request.priceListId,
    skuIds: request.lines.map((l) => l.skuId),
    onDate: request.onDate,
  });
  if (!inputs.ok) return inputs;
  const lines: QuotedLine[] = [];
  for (const [index, line] of request.lines.entries()) {
    const priced = priceQuoteLine(line, inputs.value);
    if (!priced.ok) return lineFailure(index, line.skuId, priced.error);
    lines.push({ lineNumber: index + 1, ...priced.value });
  }
  const totalMinor = lines.reduce((sum, l) => sum + l.lineTotalMinor, 0);
  if (!isMoney(totalMinor)) {
    return fail('PRICING.AMOUNT_TOO_LARGE', 'The total is too large to compute exactly');
  }
  const { customerId, priceListId, currency, onDate } = inputs.value;
  return ok({ customerId, priceListId, currency, onDate, lines, totalMinor });
}

/** Prices one line against loaded inputs; what orders call per line after `loadPricingInputs`. */
export function priceQuoteLine(line: QuoteLineRequest, inputs: PricingInputs): Result<PricedLine> {
  const facts = inputs.skus.get(line.skuId);
  if (!facts) return fail('CATALOG.SKU_NOT_FOUND', `No SKU with id ${line.skuId}`);
  if (!facts.active) {
    return fail('CATALOG.SKU_INACTIVE', `SKU ${line.skuId} is no longer sold`);
  }
  if (!isPriceLevel(line.packLevel)) {
    return fail('PRICING.UNKNOWN_PACK_LEVEL', `Unknown pack level "${line.packLevel}"`, {
      packLevel: line.packLevel,
    });
  }
  return priceLine(
    {
      packLevel: line.packLevel,
      packQuantity: line.packQuantity,
      overridePriceMinor: line.unitPriceMinor,
    },
    facts,
    inputs.onDate,
  );
}

function lineFailure(index: number, skuId: number, error: Failure): Result<never> {
  return fail(error.code, `Line ${index + 1}: ${error.message}`, {
    ...error.details,
    lineNumber: index + 1,
    skuId,
  });
}
