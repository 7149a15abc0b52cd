import { describe, expect, it } from 'vitest';
import { packingSlip, pdfPageCount, pdfText } from './labels.test-support.js';
import { renderPackingSlipPdf, totalsBySku } from './packing-slip-pdf.js';

describe('packing slip PDF', () => {
  it('renders order, PO, addresses, each carton with its SSCC and contents, and totals', async () => {
    const pdf = await renderPackingSlipPdf(packingSlip, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(3_000);
    const text = pdfText(pdf);
    const all = text.join('\n');
    for (const expected of [
      'PACKING SLIP',
      'SO-2025-00412',
      'PO-88317',
      '2025-06-12',
      'Happy Tails Pet Supply #12',
      '1Z999AA10123456784',
      'Carton 1 of 2   SSCC (00) 1 0614141234567890 8   14.52 kg',
      'Carton 2 of 2   SSCC (00) 0 0614141000000042 5   20.01 kg',
      'L25102',
      '2 cs + 2 ea',
      '1 cs',
      'Shipment totals',
      '2 cartons, 84 eaches, 34.53 kg',
    ]) {
      expect(all).toContain(expected);
    }
  });

  it('totals eaches and cartons by SKU', () => {
    expect(totalsBySku(packingSlip)).toEqual([
      {
        skuCode: 'CAT-WET-55',
        skuName: 'Cat food pate, salmon, 5.5 oz can',
        cartons: 2,
        eaches: 72,
      },
      { skuCode: 'TOY-ROPE-M', skuName: 'Rope tug toy, medium', cartons: 1, eaches: 12 },
    ]);
  });

  it('runs onto more pages for a large shipment', async () => {
    const carton = packingSlip.cartons[0]!;
    const cartons = Array.from({ length: 30 }, () => carton);
    const pdf = await renderPackingSlipPdf({ ...packingSlip, cartons }, { compress: false });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text.filter((t) => t.startsWith('Carton '))).toHaveLength(30);
    expect(text.join('\n')).toContain('30 cartons, 1860 eaches');
  });
});
