import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earnedMinor, invoiceDueDate, invoiceLines, type LineToInvoice } from './invoice-lines.js';

/** 3 cases of 4 at 18.00 a case: 12 eaches, 54.00 in all. */
const cases: LineToInvoice = {
  orderLineId: 1,
  unitPriceMinor: 1800,
  packQuantity: 3,
  quantityOrdered: 12,
  shippedBefore: 0,
};

describe('invoice lines', () => {
  it('prices shipped eaches pro rata to the pack price', () => {
    expect(invoiceLines([cases], new Map([[1, 4]]))).toEqual([
      { orderLineId: 1, quantity: 4, unitPriceMinor: 1800, amountMinor: 1800 },
    ]);
    expect(invoiceLines([cases], new Map([[1, 5]]))[0]!.amountMinor).toBe(2250);
  });

  it('skips lines that did not ship', () => {
    expect(invoiceLines([cases], new Map())).toEqual([]);
  });

  it('never drifts: the parts of a line shipped in pieces add up to the line total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 24 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        (price, packs, packSize, chunks) => {
          const line = {
            orderLineId: 1,
            unitPriceMinor: price,
            packQuantity: packs,
            quantityOrdered: packs * packSize,
            shippedBefore: 0,
          };
          let shipped = 0;
          let billed = 0;
          for (const chunk of chunks) {
            const q = Math.min(chunk, line.quantityOrdered - shipped);
            if (q === 0) break;
            billed += invoiceLines([{ ...line, shippedBefore: shipped }], new Map([[1, q]]))[0]!
              .amountMinor;
            shipped += q;
          }
          expect(billed).toBe(earnedMinor(line, shipped));
          if (shipped === line.quantityOrdered) expect(billed).toBe(price * packs);
        },
      ),
    );
  });

  it('is due after the payment terms, across month ends', () => {
    expect(invoiceDueDate('2026-03-02', 30)).toBe('2026-04-01');
    expect(invoiceDueDate('2026-01-31', 30)).toBe('2026-03-02');
    expect(invoiceDueDate('2026-03-02', 0)).toBe('2026-03-02');
  });
});
