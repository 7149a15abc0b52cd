import { describe, expect, it } from 'vitest';
import { checkPoLines } from './po-lines.js';
import { checkSupplierMinimums, type LineWithTerms } from './supplier-minimums.js';
import { checkSupplierSkuTerms, checkSupplierTerms } from './supplier-rules.js';

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('supplier terms', () => {
  it('accepts sound terms and names the field at fault otherwise', () => {
    expect(codeOf(checkSupplierTerms({ code: 'ACME-01', currency: 'EUR', leadTimeDays: 0 }))).toBe(
      'ok',
    );
    expect(codeOf(checkSupplierTerms({ currency: 'eur' }))).toBe('PURCHASING.INVALID_CURRENCY');
    expect(codeOf(checkSupplierTerms({ email: 'a@b' }))).toBe('PURCHASING.INVALID_EMAIL');
    expect(codeOf(checkSupplierTerms({ email: null }))).toBe('ok');
    expect(codeOf(checkSupplierTerms({ leadTimeDays: 1.5 }))).toBe('PURCHASING.INVALID_LEAD_TIME');
    expect(codeOf(checkSupplierTerms({ minOrderValueMinor: -1 }))).toBe(
      'PURCHASING.INVALID_MINIMUM',
    );
    expect(codeOf(checkSupplierSkuTerms({ orderMultiple: 0 }))).toBe(
      'PURCHASING.INVALID_ORDER_MULTIPLE',
    );
    expect(codeOf(checkSupplierSkuTerms({ leadTimeDays: null, costMinor: 0 }))).toBe('ok');
    expect(codeOf(checkSupplierSkuTerms({ costMinor: -5 }))).toBe('PURCHASING.INVALID_COST');
  });
});

describe('PO lines', () => {
  it('needs lines of positive quantity, each SKU once, with real dates', () => {
    expect(codeOf(checkPoLines([]))).toBe('PURCHASING.NO_LINES');
    expect(codeOf(checkPoLines([{ skuId: 1, quantity: 0 }]))).toBe('PURCHASING.BAD_QUANTITY');
    expect(
      codeOf(
        checkPoLines([
          { skuId: 1, quantity: 2 },
          { skuId: 1, quantity: 3 },
        ]),
      ),
    ).toBe('PURCHASING.REPEATED_SKU');
    expect(codeOf(checkPoLines([{ skuId: 1, quantity: 2, expectedDate: '2026-02-30' }]))).toBe(
      'PURCHASING.INVALID_DATE',
    );
    expect(codeOf(checkPoLines([{ skuId: 1, quantity: 2, expectedDate: '2026-02-28' }]))).toBe(
      'ok',
    );
  });
});

describe('supplier minimums', () => {
  const line = (quantity: number, terms: LineWithTerms['terms'] = null): LineWithTerms => ({
    lineNumber: 1,
    skuId: 7,
    quantity,
    unitCostMinor: 250,
    terms,
  });
  const none = { minOrderValueMinor: 0, minOrderQuantity: 0 };

  it('checks MOQ and case multiples per line, then the PO minimums', () => {
    const caseOf6 = { minOrderQuantity: 12, orderMultiple: 6 };
    expect(codeOf(checkSupplierMinimums(none, [line(6, caseOf6)]))).toBe('PURCHASING.BELOW_MOQ');
    expect(codeOf(checkSupplierMinimums(none, [line(14, caseOf6)]))).toBe(
      'PURCHASING.NOT_ORDER_MULTIPLE',
    );
    expect(codeOf(checkSupplierMinimums(none, [line(18, caseOf6)]))).toBe('ok');
    // 18 × 2.50 = 45.00 against a 50.00 minimum; 20 units against 24.
    expect(
      codeOf(checkSupplierMinimums({ minOrderValueMinor: 5000, minOrderQuantity: 0 }, [line(18)])),
    ).toBe('PURCHASING.BELOW_MINIMUM_ORDER');
    expect(
      codeOf(checkSupplierMinimums({ minOrderValueMinor: 0, minOrderQuantity: 24 }, [line(20)])),
    ).toBe('PURCHASING.BELOW_MINIMUM_ORDER');
    expect(
      codeOf(checkSupplierMinimums({ minOrderValueMinor: 5000, minOrderQuantity: 20 }, [line(20)])),
    ).toBe('ok');
  });
});
