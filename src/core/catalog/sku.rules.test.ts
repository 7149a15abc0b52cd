import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../shared/result.js';
import { gtin14FromGtin13 } from './gtin.js';
import { validatePacks, validateSku, type SkuDraft } from './sku.rules.js';

const EACH_GTIN = '4006381333931';
const INNER_GTIN = take(gtin14FromGtin13(1, EACH_GTIN));
const CASE_GTIN = take(gtin14FromGtin13(2, EACH_GTIN));
const PALLET_GTIN = take(gtin14FromGtin13(3, EACH_GTIN));

/** Dry cat food, 400 g tins: 6 to a shrink-wrapped inner, 24 to a case, 960 to a pallet. */
function catFood(overrides: Partial<SkuDraft> = {}): SkuDraft {
  return {
    code: 'CAT-TIN-400',
    name: 'Salmon pâté for cats, 400 g tin',
    category: 'cat-food',
    gtin: EACH_GTIN,
    weightG: 430,
    lotTracked: true,
    shelfLifeDays: 730,
    standardCostMinor: 89,
    currency: 'EUR',
    packs: [
      { level: 'pallet', quantity: 960, gtin: PALLET_GTIN },
      { level: 'inner', quantity: 6, gtin: INNER_GTIN },
      { level: 'case', quantity: 24, gtin: CASE_GTIN },
    ],
    ...overrides,
  };
}

function take<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function codeOf(result: Result<unknown>): string | undefined {
  return result.ok ? undefined : result.error.code;
}

describe('validateSku', () => {
  it('normalizes GTINs to 14 digits and sorts packs smallest first', () => {
    const sku = take(validateSku(catFood()));
    expect(sku.gtin).toBe('04006381333931');
    expect(sku.packs.map((p) => [p.level, p.quantity])).toEqual([
      ['inner', 6],
      ['case', 24],
      ['pallet', 960],
    ]);
    expect(sku).toMatchObject({ active: true, lengthMm: null, currency: 'EUR' });
  });

  it('defaults the optional fields', () => {
    const sku = take(validateSku({ code: 'LEASH-RED', name: 'Red leash', category: 'dog-walk' }));
    expect(sku).toMatchObject({
      gtin: null,
      lotTracked: false,
      shelfLifeDays: null,
      standardCostMinor: 0,
      currency: 'USD',
      packs: [],
    });
  });

  it('refuses a malformed code', () => {
    expect(codeOf(validateSku(catFood({ code: '' })))).toBe('CATALOG.INVALID_CODE');
    expect(codeOf(validateSku(catFood({ code: 'CAT TIN' })))).toBe('CATALOG.INVALID_CODE');
    expect(codeOf(validateSku(catFood({ code: 'X'.repeat(41) })))).toBe('CATALOG.INVALID_CODE');
    expect(validateSku(catFood({ code: 'a.b_c-1' })).ok).toBe(true);
  });

  it('refuses a bad item GTIN', () => {
    expect(codeOf(validateSku(catFood({ gtin: '4006381333932' })))).toBe('CATALOG.INVALID_GTIN');
  });

  it('needs a shelf life for lot-tracked goods', () => {
    const missing = validateSku(catFood({ shelfLifeDays: null }));
    expect(codeOf(missing)).toBe('CATALOG.INVALID_SHELF_LIFE');
    expect(codeOf(validateSku(catFood({ shelfLifeDays: 0 })))).toBe('CATALOG.INVALID_SHELF_LIFE');
    expect(validateSku(catFood({ lotTracked: false, shelfLifeDays: null })).ok).toBe(true);
  });

  it('keeps the standard cost a non-negative integer', () => {
    expect(codeOf(validateSku(catFood({ standardCostMinor: -1 })))).toBe('CATALOG.INVALID_COST');
    expect(codeOf(validateSku(catFood({ standardCostMinor: 0.5 })))).toBe('CATALOG.INVALID_COST');
    expect(codeOf(validateSku(catFood({ currency: 'eur' })))).toBe('CATALOG.INVALID_CURRENCY');
  });

  it('refuses blank names and non-positive measures', () => {
    expect(codeOf(validateSku(catFood({ name: '  ' })))).toBe('CATALOG.INVALID_SKU');
    expect(codeOf(validateSku(catFood({ weightG: 0 })))).toBe('CATALOG.INVALID_MEASURES');
  });
});

describe('validatePacks', () => {
  it('refuses a level twice, unknown levels and non-positive quantities', () => {
    const twice = validatePacks(
      [
        { level: 'case', quantity: 12 },
        { level: 'case', quantity: 24 },
      ],
      null,
    );
    expect(codeOf(twice)).toBe('CATALOG.INVALID_PACKS');
    expect(codeOf(validatePacks([{ level: 'crate', quantity: 12 }], null))).toBe(
      'CATALOG.INVALID_PACKS',
    );
    expect(codeOf(validatePacks([{ level: 'case', quantity: 0 }], null))).toBe(
      'CATALOG.INVALID_PACKS',
    );
    expect(codeOf(validatePacks([{ level: 'case', quantity: 2.5 }], null))).toBe(
      'CATALOG.INVALID_PACKS',
    );
  });

  it('needs larger levels to hold a whole number of the next smaller one', () => {
    const uneven = [
      { level: 'inner', quantity: 6 },
      { level: 'case', quantity: 20 },
    ];
    expect(codeOf(validatePacks(uneven, null))).toBe('CATALOG.INVALID_PACKS');
    const notLarger = [
      { level: 'case', quantity: 24 },
      { level: 'pallet', quantity: 24 },
    ];
    expect(codeOf(validatePacks(notLarger, null))).toBe('CATALOG.INVALID_PACKS');
    // With no case, the pallet is measured against the inner.
    const skipCase = [
      { level: 'inner', quantity: 6 },
      { level: 'pallet', quantity: 600 },
    ];
    expect(validatePacks(skipCase, null).ok).toBe(true);
  });

  it('keeps pack GTINs valid and distinct from each other and the each', () => {
    const bad = validatePacks([{ level: 'case', quantity: 24, gtin: '12345678901234' }], null);
    expect(codeOf(bad)).toBe('CATALOG.INVALID_GTIN');
    const sameAsItem = validatePacks(
      [{ level: 'case', quantity: 24, gtin: EACH_GTIN }],
      '04006381333931',
    );
    expect(codeOf(sameAsItem)).toBe('CATALOG.INVALID_PACKS');
    const shared = validatePacks(
      [
        { level: 'inner', quantity: 6, gtin: CASE_GTIN },
        { level: 'case', quantity: 24, gtin: CASE_GTIN },
      ],
      null,
    );
    expect(codeOf(shared)).toBe('CATALOG.INVALID_PACKS');
  });

  it('accepts exactly the nesting chains where each level divides the next', () => {
    const quantity = fc.integer({ min: 1, max: 5000 });
    fc.assert(
      fc.property(quantity, quantity, quantity, (inner, kase, pallet) => {
        const packs = [
          { level: 'inner', quantity: inner },
          { level: 'case', quantity: kase },
          { level: 'pallet', quantity: pallet },
        ];
        const nests = kase > inner && kase % inner === 0 && pallet > kase && pallet % kase === 0;
        expect(validatePacks(packs, null).ok).toBe(nests);
      }),
    );
  });
});
