/**
 * The packing slip that rides in the first carton: what the customer's receiving clerk
 * checks the delivery against. One section per carton (its SSCC, so the slip matches the
 * labels and the ASN, and its contents by SKU and lot), then the shipment totals by SKU.
 */
import { formatSscc } from '../../core/gs1/sscc.js';
import { addressLines, type PackingSlipData } from './label.types.js';
import {
  drawFooters,
  drawTable,
  ensureSpace,
  renderPdf,
  type Pdf,
  type RenderOptions,
  type TableColumn,
} from './pdf-document.js';
import { formatCasesEaches, formatKilograms } from './quantity-format.js';

const MARGIN = 40;
const LETTER: [number, number] = [612, 792];
const WIDTH = LETTER[0] - 2 * MARGIN;

const CONTENT_COLUMNS: readonly TableColumn[] = [
  { header: 'SKU', width: 90 },
  { header: 'Description', width: 220 },
  { header: 'Lot', width: 90 },
  { header: 'Quantity', width: 66, align: 'right' },
  { header: 'Eaches', width: 66, align: 'right' },
];

const TOTAL_COLUMNS: readonly TableColumn[] = [
  { header: 'SKU', width: 90 },
  { header: 'Description', width: 310 },
  { header: 'Cartons', width: 66, align: 'right' },
  { header: 'Eaches', width: 66, align: 'right' },
];

/** Eaches per SKU across the shipment, and in how many cartons each SKU travels. */
export function totalsBySku(
  data: PackingSlipData,
): { skuCode: string; skuName: string; cartons: number; eaches: number }[] {
  const totals = new Map<
    string,
    { skuCode: string; skuName: string; cartons: Set<number>; eaches: number }
  >();
  for (const [index, carton] of data.cartons.entries()) {
    for (const item of carton.contents) {
      const total = totals.get(item.skuCode) ?? {
        skuCode: item.skuCode,
        skuName: item.skuName,
        cartons: new Set<number>(),
        eaches: 0,
      };
      total.cartons.add(index);
      total.eaches += item.quantity;
      totals.set(item.skuCode, total);
    }
  }
  return [...totals.values()]
    .sort((a, b) => a.skuCode.localeCompare(b.skuCode))
    .map((t) => ({
      skuCode: t.skuCode,
      skuName: t.skuName,
      cartons: t.cartons.size,
      eaches: t.eaches,
    }));
}

function drawHeading(doc: Pdf, data: PackingSlipData): void {
  doc.font('Helvetica-Bold').fontSize(20).text('PACKING SLIP', MARGIN, MARGIN);
  const facts = [
    ['Order', data.orderNumber],
    ['Customer PO', data.customerPo ?? '-'],
    ['Ship date', data.shipDate],
    ['Carrier', [data.carrier?.name, data.carrier?.service].filter(Boolean).join(' ') || '-'],
    ['Tracking', data.carrier?.trackingNumber ?? '-'],
  ];
  let y = MARGIN + 30;
  for (const [label = '', value = ''] of facts) {
    doc.font('Helvetica').fontSize(9).text(`${label}:`, MARGIN, y, { lineBreak: false });
    doc
      .font('Helvetica-Bold')
      .text(value, MARGIN + 70, y, { width: 200, lineBreak: false, ellipsis: true });
    y += 13;
  }
  const half = WIDTH / 2;
  const addressTop = y + 10;
  for (const [i, [label, address]] of (
    [
      ['SHIP FROM', data.shipFrom],
      ['SHIP TO', data.shipTo],
    ] as const
  ).entries()) {
    const x = MARGIN + i * half;
    doc.font('Helvetica').fontSize(7).fillColor('#555555').text(label, x, addressTop);
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor('#000000')
      .text(addressLines(address).join('\n'), x, addressTop + 10, {
        width: half - 10,
        height: 70,
        ellipsis: true,
      });
  }
  doc.y = addressTop + 90;
}

function drawContinuation(doc: Pdf, data: PackingSlipData): void {
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(`Packing slip - order ${data.orderNumber} (continued)`, MARGIN, MARGIN);
  doc.y = MARGIN + 22;
}

function subheading(doc: Pdf, text: string, onNewPage: (doc: Pdf) => void): void {
  ensureSpace(doc, 60, onNewPage); // the heading, the table header and at least one row
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor('#000000')
    .text(text, MARGIN, doc.y + 10, { width: WIDTH });
  doc.y += 4;
}

/**
 * The packing slip as a Letter-size PDF: heading with order, PO, ship date, carrier and
 * addresses; one table per carton; totals by SKU; "Page n of m" footers.
 */
export async function renderPackingSlipPdf(
  data: PackingSlipData,
  options: RenderOptions = {},
): Promise<Buffer> {
  const onNewPage = (doc: Pdf) => drawContinuation(doc, data);
  const table = { x: MARGIN, rowHeight: 18, fontSize: 9, onNewPage };
  const totals = totalsBySku(data);
  const eaches = totals.reduce((sum, total) => sum + total.eaches, 0);
  const grams = data.cartons.every((c) => c.weightGrams !== undefined)
    ? data.cartons.reduce((sum, c) => sum + (c.weightGrams ?? 0), 0)
    : undefined;
  return renderPdf(
    {
      size: LETTER,
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 16 },
      compress: options.compress ?? true,
      info: { Title: `Packing slip ${data.orderNumber}` },
    },
    (doc) => {
      drawHeading(doc, data);
      for (const [index, carton] of data.cartons.entries()) {
        const weight =
          carton.weightGrams === undefined ? '' : `   ${formatKilograms(carton.weightGrams)}`;
        subheading(
          doc,
          `Carton ${index + 1} of ${data.cartons.length}   SSCC ${formatSscc(carton.sscc)}${weight}`,
          onNewPage,
        );
        const rows = carton.contents.map((item) => [
          item.skuCode,
          item.skuName,
          item.lot ?? '',
          formatCasesEaches(item.quantity, item.caseSize ?? 1),
          String(item.quantity),
        ]);
        drawTable(doc, CONTENT_COLUMNS, rows, table);
      }
      subheading(doc, 'Shipment totals', onNewPage);
      drawTable(
        doc,
        TOTAL_COLUMNS,
        totals.map((t) => [t.skuCode, t.skuName, String(t.cartons), String(t.eaches)]),
        table,
      );
      const weightText = grams === undefined ? '' : `, ${formatKilograms(grams)}`;
      ensureSpace(doc, 20, onNewPage);
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(`${data.cartons.length} cartons, ${eaches} eaches${weightText}`, MARGIN, doc.y + 8, {
          width: WIDTH,
          align: 'right',
        });
      drawFooters(
        doc,
        `Order ${data.orderNumber}${data.customerPo ? ` - PO ${data.customerPo}` : ''}`,
      );
    },
  );
}
