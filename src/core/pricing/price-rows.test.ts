import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePriceRows } from './price-rows.js';

describe('validatePriceRows', () => {
  it('defaults the break to 1 and open dates to null', () => {
    expect(validatePriceRows([{ unitPriceMinor: 1299 }])).toEqual({
      ok: true,
      value: [{ minQuantity: 1, unitPriceMinor: 1299, validFrom: null, validTo: null }],
    });
  });

  it('names the row and field at fault', () => {
    const rows = [{ unitPriceMinor: 100 }, { unitPriceMinor: 90, validFrom: '2025-02-30' }];
    expect(validatePriceRows(rows)).toMatchObject({
      ok: false,
      error: { code: 'PRICING.INVALID_PRICE', details: { index: 1, field: 'validFrom' } },
    });
    expect(validatePriceRows([{ unitPriceMinor: -1 }])).toMatchObject({
      error: { details: { field: 'unitPriceMinor' } },
    });
    expect(validatePriceRows([{ unitPriceMinor: 1, minQuantity: 0 }])).toMatchObject({
      error: { details: { field: 'minQuantity' } },
    });
    expect(
      validatePriceRows([{ unitPriceMinor: 1, validFrom: '2025-03-01', validTo: '2025-03-01' }]),
    ).toMatchObject({ error: { details: { field: 'validTo' } } });
  });

  it('refuses the same break and start date twice', () => {
    const twice = [
      { unitPriceMinor: 100, minQuantity: 5 },
      { unitPriceMinor: 90, minQuantity: 5 },
    ];
    expect(validatePriceRows(twice)).toMatchObject({ ok: false, error: { details: { index: 1 } } });
  });

  it('accepts exactly the sets whose breaks are distinct (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 6 }), (breaks) => {
        const result = validatePriceRows(
          breaks.map((minQuantity) => ({ minQuantity, unitPriceMinor: 1 })),
        );
        expect(result.ok).toBe(new Set(breaks).size === breaks.length);
      }),
    );
  });
});
