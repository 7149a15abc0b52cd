import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceLine, type SkuPricingFacts } from './line-pricing.js';
import type { PriceCandidate } from './price-resolver.js';

const onDate = '2025-06-15';
const price = (
  id: number,
  packLevel: string,
  unitPriceMinor: number,
  minQuantity = 1,
): PriceCandidate => ({
  id,
  origin: 'list',
  packLevel,
  minQuantity,
  unitPriceMinor,
  validFrom: null,
  validTo: null,
});

/** Cat litter: 10 kg bags, 4 to a case, 160 to a pallet. */
const litter = (over: Partial<SkuPricingFacts> = {}): SkuPricingFacts => ({
  skuId: 7,
  packSizes: { case: 4, pallet: 160 },
  prices: [price(1, 'each', 900), price(2, 'case', 3200), price(3, 'case', 3000, 10)],
  rule: null,
  ...over,
});

describe('priceLine', () => {
  it('prices cases at the case price and tiers, eaches at the each price', () => {
    expect(priceLine({ packLevel: 'case', packQuantity: 3 }, litter(), onDate)).toEqual({
      ok: true,
      value: {
        skuId: 7,
        packLevel: 'case',
        packQuantity: 3,
        quantityBase: 12,
        unitPriceMinor: 3200,
        lineTotalMinor: 9600,
        priceSource: 'list',
        minQuantity: 1,
        adjusted: false,
      },
    });
    expect(priceLine({ packLevel: 'case', packQuantity: 10 }, litter(), onDate)).toMatchObject({
      value: { unitPriceMinor: 3000, lineTotalMinor: 30_000, priceSource: 'tier' },
    });
    expect(priceLine({ packLevel: 'each', packQuantity: 5 }, litter(), onDate)).toMatchObject({
      value: { unitPriceMinor: 900, lineTotalMinor: 4500 },
    });
  });

  it('derives a pallet price from the each price when the pallet has none', () => {
    expect(priceLine({ packLevel: 'pallet', packQuantity: 1 }, litter(), onDate)).toMatchObject({
      value: { unitPriceMinor: 144_000, quantityBase: 160 },
    });
  });

  it('keeps whole packs at their level after rounding, otherwise goes to eaches', () => {
    const byCase = litter({
      rule: { minOrderQuantity: 8, orderMultiple: 4, rounding: 'round_up' },
    });
    expect(priceLine({ packLevel: 'each', packQuantity: 5 }, byCase, onDate)).toMatchObject({
      value: {
        packLevel: 'each',
        packQuantity: 8,
        quantityBase: 8,
        unitPriceMinor: 900,
        adjusted: true,
      },
    });
    expect(priceLine({ packLevel: 'case', packQuantity: 1 }, byCase, onDate)).toMatchObject({
      value: { packLevel: 'case', packQuantity: 2, lineTotalMinor: 6400, adjusted: true },
    });
    const odd = litter({ rule: { minOrderQuantity: 6, orderMultiple: 1, rounding: 'round_up' } });
    expect(priceLine({ packLevel: 'case', packQuantity: 1 }, odd, onDate)).toMatchObject({
      value: { packLevel: 'each', packQuantity: 6, lineTotalMinor: 5400 },
    });
  });

  it('refuses a quantity the rule rejects and a pack level the SKU lacks', () => {
    const strict = litter({ rule: { minOrderQuantity: 8, orderMultiple: 4, rounding: 'reject' } });
    expect(priceLine({ packLevel: 'each', packQuantity: 9 }, strict, onDate)).toMatchObject({
      ok: false,
      error: { code: 'ORDER.NOT_A_MULTIPLE' },
    });
    expect(priceLine({ packLevel: 'inner', packQuantity: 1 }, litter(), onDate)).toMatchObject({
      ok: false,
      error: { code: 'PRICING.UNKNOWN_PACK_LEVEL' },
    });
    expect(
      priceLine({ packLevel: 'case', packQuantity: 1 }, litter({ prices: [] }), onDate),
    ).toMatchObject({ ok: false, error: { code: 'PRICING.NO_PRICE', details: { skuId: 7 } } });
  });

  it('uses an allowed override per pack, but not once the line turned into eaches', () => {
    expect(
      priceLine({ packLevel: 'case', packQuantity: 2, overridePriceMinor: 2500 }, litter(), onDate),
    ).toMatchObject({
      value: {
        unitPriceMinor: 2500,
        lineTotalMinor: 5000,
        priceSource: 'override',
        minQuantity: null,
      },
    });
    const odd = litter({ rule: { minOrderQuantity: 6, orderMultiple: 1, rounding: 'round_up' } });
    expect(
      priceLine({ packLevel: 'case', packQuantity: 1, overridePriceMinor: 2500 }, odd, onDate),
    ).toMatchObject({ ok: false, error: { code: 'PRICING.OVERRIDE_LEVEL_CHANGED' } });
  });

  it('total = unit × packs, and packs × size = base quantity (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('each', 'case', 'pallet' as const),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 50 }),
        (packLevel, packQuantity, min, multiple) => {
          const facts = litter({
            rule: { minOrderQuantity: min, orderMultiple: multiple, rounding: 'round_up' },
          });
          const result = priceLine({ packLevel, packQuantity }, facts, onDate);
          if (!result.ok) throw new Error(result.error.message);
          const line = result.value;
          const size = line.packLevel === 'each' ? 1 : facts.packSizes[line.packLevel]!;
          expect(line.packQuantity * size).toBe(line.quantityBase);
          expect(line.lineTotalMinor).toBe(line.unitPriceMinor * line.packQuantity);
          expect(line.quantityBase % multiple).toBe(0);
          expect(line.quantityBase).toBeGreaterThanOrEqual(min);
        },
      ),
    );
  });
});
