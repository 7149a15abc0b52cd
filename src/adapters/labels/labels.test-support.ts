/**
 * Test support for the printed documents: sample data from a pet-supplies wholesaler, and
 * reading text back out of an uncompressed PDF (pdfkit writes each line as a `TJ` array of
 * hex strings split at kerning pairs, so a plain byte search would miss most words).
 */
import type {
  CartonLabelData,
  LabelAddress,
  PackingSlipData,
  PickListData,
} from './label.types.js';

/** Every line of text drawn in a PDF rendered with `compress: false`. */
export function pdfText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/\[([^\]]*)\] TJ/g)) {
    const hex = [...(match[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1] ?? '').join('');
    lines.push(Buffer.from(hex, 'hex').toString('latin1'));
  }
  return lines;
}

/** Number of pages in a PDF. */
export function pdfPageCount(pdf: Buffer): number {
  return [...pdf.toString('latin1').matchAll(/\/Type \/Page\b(?!s)/g)].length;
}

export const warehouse: LabelAddress = {
  name: 'Stockline Pet Distribution',
  lines: ['4400 Logistics Pkwy', 'Dock 7'],
  city: 'Columbus',
  region: 'OH',
  postalCode: '43217',
  country: 'US',
};

export const petStore: LabelAddress = {
  name: 'Happy Tails Pet Supply #12',
  lines: ['Attn: Receiving', '1820 N High St'],
  city: 'Columbus',
  region: 'OH',
  postalCode: '43201',
};

export const cartonLabel: CartonLabelData = {
  sscc: '106141412345678908',
  shipFrom: warehouse,
  shipTo: petStore,
  carrier: { name: 'UPS', service: 'Ground', trackingNumber: '1Z999AA10123456784' },
  orderNumber: 'SO-2025-00412',
  customerPo: 'PO-88317',
  cartonNumber: 2,
  cartonCount: 3,
  weightGrams: 14_520,
};

const skus = [
  ['DOG-KIB-15', 'Grain-free dog kibble, chicken, 15 lb bag', 4],
  ['CAT-WET-55', 'Cat food pate, salmon, 5.5 oz can', 24],
  ['LTR-CLM-20', 'Clumping cat litter, unscented, 20 lb', 2],
  ['TOY-ROPE-M', 'Rope tug toy, medium', 12],
  ['AQU-FLK-2', 'Tropical fish flakes, 2 oz', 36],
] as const;

/** A pick list of `count` lines, given out of pick-path order on purpose. */
export function pickList(count: number): PickListData {
  const lines = Array.from({ length: count }, (_, i) => {
    const [skuCode, skuName, caseSize] = skus[i % skus.length]!;
    return {
      sequence: count - i,
      locationCode: `A-${String(Math.floor((count - i) / 10) + 1).padStart(2, '0')}-${String((count - i) % 10).padStart(2, '0')}`,
      skuCode,
      skuName,
      lot: `L25${String(100 + i)}`,
      expiryDate: '2026-03-31',
      quantity: caseSize * 3 + (i % 3),
      caseSize,
      tote: `T${(i % 4) + 1}`,
    };
  });
  return {
    waveCode: 'W-20250612-03',
    warehouseName: 'Columbus DC',
    printedAt: '2025-06-12T08:15:00Z',
    picker: 'J. Ortiz',
    lines,
  };
}

export const packingSlip: PackingSlipData = {
  orderNumber: 'SO-2025-00412',
  customerPo: 'PO-88317',
  shipDate: '2025-06-12',
  shipFrom: warehouse,
  shipTo: petStore,
  carrier: { name: 'UPS', service: 'Ground', trackingNumber: '1Z999AA10123456784' },
  cartons: [
    {
      sscc: '106141412345678908',
      weightGrams: 14_520,
      contents: [
        {
          skuCode: 'CAT-WET-55',
          skuName: 'Cat food pate, salmon, 5.5 oz can',
          lot: 'L25101',
          quantity: 50,
          caseSize: 24,
        },
        { skuCode: 'TOY-ROPE-M', skuName: 'Rope tug toy, medium', quantity: 12, caseSize: 12 },
      ],
    },
    {
      sscc: '006141410000000425',
      weightGrams: 20_010,
      contents: [
        {
          skuCode: 'CAT-WET-55',
          skuName: 'Cat food pate, salmon, 5.5 oz can',
          lot: 'L25102',
          quantity: 22,
          caseSize: 24,
        },
      ],
    },
  ],
};
