import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToMinor, minorToDecimal } from '../../src/core/imports/cells.js';
import { retailLine } from '../../src/core/imports/online-retail.js';
import { productRow } from '../../src/core/imports/product-rows.js';

const line = (over: Record<string, string>) => ({
  InvoiceNo: '536365',
  StockCode: '85123A',
  Description: 'WHITE HANGING HEART T-LIGHT HOLDER',
  Quantity: '6',
  InvoiceDate: '2010-12-01 08:26:00',
  UnitPrice: '2.55',
  CustomerID: '17850.0',
  Country: 'United Kingdom',
  ...over,
});

describe('cells', () => {
  it('money round-trips through minor units exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
        expect(decimalToMinor(minorToDecimal(minor))).toEqual({ ok: true, value: minor });
      }),
    );
    expect(decimalToMinor('0.125')).toEqual({ ok: true, value: 13 });
    expect(decimalToMinor('1,200.5')).toEqual({ ok: true, value: 120050 });
    expect(decimalToMinor('2.5e3').ok).toBe(false);
  });
});

describe('online-retail lines', () => {
  it('reads a sale: customer id without ".0", GBP minor units, UTC time, ISO country', () => {
    expect(retailLine(line({}), 1)).toEqual({
      ok: true,
      value: {
        kind: 'sale',
        invoiceNo: '536365',
        stockCode: '85123A',
        description: 'WHITE HANGING HEART T-LIGHT HOLDER',
        quantity: 6,
        unitPriceMinor: 255,
        customerId: '17850',
        country: 'GB',
        at: '2010-12-01T08:26:00.000Z',
      },
    });
  });

  it('a C-invoice with a negative quantity is a cancellation of a positive quantity', () => {
    const c = retailLine(line({ InvoiceNo: 'C536379', Quantity: '-12' }), 2);
    expect(c.ok && c.value).toMatchObject({ kind: 'cancellation', quantity: 12 });
  });

  it('rejects with its reason and column what is not a sale', () => {
    const codeOf = (over: Record<string, string>) => {
      const r = retailLine(line(over), 7);
      return r.ok ? null : [r.issues[0]!.code, r.issues[0]!.column, r.issues[0]!.row];
    };
    expect(codeOf({ StockCode: 'POST' })).toEqual([
      'ONLINE_RETAIL.NON_PRODUCT_CHARGE',
      'StockCode',
      7,
    ]);
    expect(codeOf({ StockCode: 'gift_0001_40' })?.[0]).toBe('ONLINE_RETAIL.NON_PRODUCT_CHARGE');
    expect(codeOf({ Quantity: '-3' })).toEqual(['ONLINE_RETAIL.STOCK_ADJUSTMENT', 'Quantity', 7]);
    expect(codeOf({ InvoiceNo: 'C1', Quantity: '3' })?.[0]).toBe(
      'ONLINE_RETAIL.CANCELLATION_NOT_NEGATIVE',
    );
    expect(codeOf({ UnitPrice: '-1.00' })).toEqual(['IMPORT.INVALID_MONEY', 'UnitPrice', 7]);
    expect(codeOf({ InvoiceDate: '01/12/2010' })?.[0]).toBe('IMPORT.INVALID_DATE');
  });

  it('a walk-in line has no customer id', () => {
    const r = retailLine(line({ CustomerID: '' }), 1);
    expect(r.ok && r.value.customerId).toBeNull();
  });
});

describe('product rows', () => {
  it('names every bad cell of a row by column', () => {
    const r = productRow({ code: '', name: 'X', case_gtin: '123', weight_g: 'heavy' }, 4);
    expect(r.ok ? [] : r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [4, 'code', 'IMPORT.REQUIRED'],
      [4, 'weight_g', 'IMPORT.INVALID_NUMBER'],
      [4, 'case_quantity', 'IMPORT.REQUIRED'],
    ]);
  });

  it('passes a domain refusal through with its own code', () => {
    const r = productRow({ code: 'A-1', name: 'Tea', gtin: '12345678901' }, 1);
    expect(r.ok ? null : r.issues[0]).toMatchObject({
      code: 'CATALOG.INVALID_GTIN',
      column: 'gtin',
    });
  });
});
