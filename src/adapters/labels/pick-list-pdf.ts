/**
 * The printed pick list for a wave: what a picker carries when the handheld is down or the
 * customer wants paper. Lines print in pick-path order (the `sequence` the wave planner
 * gave them) so the picker walks the aisles once; quantities read as cases + eaches; the
 * wave code is a Code 128 barcode the picker scans to open the wave on a handheld.
 */
import { code128Png } from './barcode.js';
import type { PickListData, PickListLine } from './label.types.js';
import {
  drawFooters,
  drawTable,
  renderPdf,
  type Pdf,
  type RenderOptions,
  type TableColumn,
} from './pdf-document.js';
import { formatCasesEaches } from './quantity-format.js';

const MARGIN = 36;
const LETTER: [number, number] = [612, 792];

const COLUMNS: readonly TableColumn[] = [
  { header: '#', width: 24, align: 'right' },
  { header: 'Location', width: 72 },
  { header: 'SKU', width: 72 },
  { header: 'Description', width: 146 },
  { header: 'Lot', width: 62 },
  { header: 'Expiry', width: 56 },
  { header: 'Quantity', width: 66, align: 'right' },
  { header: 'Tote', width: 42 },
];

/** Lines in pick-path order; equal sequences keep the order they were given in. */
export function pickPathOrder(lines: readonly PickListLine[]): PickListLine[] {
  return lines.toSorted((a, b) => a.sequence - b.sequence);
}

function row(line: PickListLine, index: number): string[] {
  return [
    String(index + 1),
    line.locationCode,
    line.skuCode,
    line.skuName,
    line.lot ?? '',
    line.expiryDate ?? '',
    formatCasesEaches(line.quantity, line.caseSize),
    line.tote ?? '',
  ];
}

function drawHeading(doc: Pdf, data: PickListData, waveBarcode: Buffer): void {
  doc.font('Helvetica-Bold').fontSize(20).text('PICK LIST', MARGIN, MARGIN);
  doc.fontSize(14).text(`Wave ${data.waveCode}`, MARGIN, MARGIN + 26);
  doc.image(waveBarcode, LETTER[0] - MARGIN - 180, MARGIN, { fit: [180, 50], align: 'right' });
  const totalEaches = data.lines.reduce((sum, line) => sum + line.quantity, 0);
  const facts = [
    ['Warehouse', data.warehouseName],
    ['Zone', data.zone ?? 'All'],
    ['Picker', data.picker ?? ''],
    ['Printed', data.printedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')],
    ['Lines', String(data.lines.length)],
    ['Eaches', String(totalEaches)],
  ];
  let x = MARGIN;
  const y = MARGIN + 60;
  for (const [label = '', value = ''] of facts) {
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#555555')
      .text(label.toUpperCase(), x, y, { lineBreak: false });
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('#000000')
      .text(value, x, y + 9, { width: 86, lineBreak: false, ellipsis: true });
    x += 90;
  }
  doc.y = y + 32;
}

function drawContinuation(doc: Pdf, data: PickListData): void {
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(`Pick list - wave ${data.waveCode} (continued)`, MARGIN, MARGIN);
  doc.y = MARGIN + 20;
}

/**
 * The pick list as a Letter-size PDF, as many pages as the lines need, with the table
 * header repeated and "Page n of m" on each page.
 */
export async function renderPickListPdf(
  data: PickListData,
  options: RenderOptions = {},
): Promise<Buffer> {
  const waveBarcode = await code128Png(data.waveCode, 10);
  const rows = pickPathOrder(data.lines).map(row);
  return renderPdf(
    {
      size: LETTER,
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 16 },
      compress: options.compress ?? true,
      info: { Title: `Pick list ${data.waveCode}` },
    },
    (doc) => {
      drawHeading(doc, data, waveBarcode);
      drawTable(doc, COLUMNS, rows, {
        x: MARGIN,
        rowHeight: 20,
        fontSize: 9,
        zebra: true,
        onNewPage: (next) => drawContinuation(next, data),
      });
      drawFooters(doc, `Wave ${data.waveCode} - ${data.warehouseName}`);
    },
  );
}
