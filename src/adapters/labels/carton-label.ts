/**
 * The GS1 logistics label on every carton we ship, as a 4×6 in PDF for desktop printers.
 * Top to bottom, as the GS1 Logistic Label Guideline lays it out: ship-from and ship-to,
 * the carrier block (with the tracking number as Code 128), the order block (order, PO,
 * carton n of m, weight), and the SSCC as a GS1-128 barcode — the one symbol a customer's
 * receiving dock scans to match the carton against our ASN.
 */
import { encodeElementString } from '../../core/gs1/element-string.js';
import { formatSscc, isValidSscc } from '../../core/gs1/sscc.js';
import { code128Png, gs1128Png } from './barcode.js';
import { addressLines, type CartonLabelData } from './label.types.js';
import { renderPdf, type Pdf, type RenderOptions } from './pdf-document.js';
import { formatKilograms } from './quantity-format.js';

/** 4 × 6 inches in PDF points. */
export const LABEL_WIDTH_PT = 288;
export const LABEL_HEIGHT_PT = 432;

const PAD = 10;
const INNER = LABEL_WIDTH_PT - 2 * PAD;
const SSCC_BARCODE_WIDTH_PT = 230;

/** The (00) element in parenthesized form, validated; an invalid SSCC is a bug upstream. */
export function ssccElementText(sscc: string): string {
  if (!isValidSscc(sscc)) throw new Error(`Not a valid SSCC-18: "${sscc}"`);
  const encoded = encodeElementString([{ ai: '00', value: sscc }], 'hri');
  if (!encoded.ok) throw new Error(encoded.error.message);
  return encoded.value;
}

function rule(doc: Pdf, y: number): void {
  doc.moveTo(0, y).lineTo(LABEL_WIDTH_PT, y).lineWidth(1.5).stroke('#000000');
}

function caption(doc: Pdf, text: string, x: number, y: number): void {
  doc.font('Helvetica').fontSize(6.5).fillColor('#000000').text(text, x, y, { lineBreak: false });
}

function drawAddresses(doc: Pdf, data: CartonLabelData): void {
  caption(doc, 'SHIP FROM', PAD, 7);
  doc.font('Helvetica').fontSize(7.5);
  doc.text(addressLines(data.shipFrom).join('\n'), PAD, 16, {
    width: INNER,
    height: 44,
    ellipsis: true,
  });
  rule(doc, 64);
  caption(doc, 'SHIP TO', PAD, 69);
  const [name = '', ...rest] = addressLines(data.shipTo);
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(name, PAD, 79, { width: INNER, height: 15, ellipsis: true });
  doc.font('Helvetica').fontSize(10.5);
  doc.text(rest.join('\n'), PAD, 95, { width: INNER, height: 56, ellipsis: true });
  rule(doc, 154);
}

function drawCarrier(doc: Pdf, data: CartonLabelData, tracking: Buffer | undefined): void {
  caption(doc, 'CARRIER', PAD, 159);
  const service = data.carrier.service ? `  ${data.carrier.service}` : '';
  doc.font('Helvetica-Bold').fontSize(11).text(`${data.carrier.name}${service}`, PAD, 168, {
    width: INNER,
    lineBreak: false,
    ellipsis: true,
  });
  if (tracking) {
    caption(doc, 'TRACKING NUMBER', PAD, 183);
    doc.image(tracking, PAD, 192, { fit: [INNER, 42], align: 'center' });
  }
  rule(doc, 238);
}

function drawOrder(doc: Pdf, data: CartonLabelData): void {
  const half = INNER / 2;
  caption(doc, 'ORDER', PAD, 242);
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(data.orderNumber, PAD, 251, { width: half - 4, lineBreak: false, ellipsis: true });
  caption(doc, 'CUSTOMER PO', PAD + half, 242);
  doc.text(data.customerPo ?? '-', PAD + half, 251, {
    width: half,
    lineBreak: false,
    ellipsis: true,
  });
  caption(doc, 'CARTON', PAD, 266);
  doc
    .fontSize(14)
    .text(`${data.cartonNumber} OF ${data.cartonCount}`, PAD, 275, { lineBreak: false });
  if (data.weightGrams !== undefined) {
    caption(doc, 'WEIGHT', PAD + half, 266);
    doc.fontSize(11).text(formatKilograms(data.weightGrams), PAD + half, 276, { lineBreak: false });
  }
  rule(doc, 294);
}

function drawSscc(doc: Pdf, data: CartonLabelData, barcode: Buffer): void {
  caption(doc, 'SSCC', PAD, 298);
  doc.font('Helvetica-Bold').fontSize(12).text(formatSscc(data.sscc), PAD, 306, {
    width: INNER,
    align: 'center',
    lineBreak: false,
  });
  // Scaled by width only, so the module width is known: 156 modules over 230 pt is 0.52 mm
  // (GS1 logistics labels ask for at least 0.495 mm), leaving 29 pt quiet zones each side.
  doc.image(barcode, (LABEL_WIDTH_PT - SSCC_BARCODE_WIDTH_PT) / 2, 322, {
    width: SSCC_BARCODE_WIDTH_PT,
  });
}

/**
 * The carton label as a one-page 4×6 in PDF. Throws if the SSCC is not a valid SSCC-18 or
 * the carton numbering is impossible: label data comes from our own records, so either is a
 * bug, not an expected failure.
 */
export async function renderCartonLabelPdf(
  data: CartonLabelData,
  options: RenderOptions = {},
): Promise<Buffer> {
  if (!(data.cartonNumber >= 1 && data.cartonNumber <= data.cartonCount)) {
    throw new Error(`Carton ${data.cartonNumber} of ${data.cartonCount} is impossible`);
  }
  const barcode = await gs1128Png(ssccElementText(data.sscc), 20); // ≈ 29 mm bars once scaled
  const trackingNumber = data.carrier.trackingNumber;
  const tracking = trackingNumber ? await code128Png(trackingNumber) : undefined;
  return renderPdf(
    {
      size: [LABEL_WIDTH_PT, LABEL_HEIGHT_PT],
      margin: 0,
      compress: options.compress ?? true,
      info: { Title: `Carton label ${data.sscc}` },
    },
    (doc) => {
      doc
        .rect(1, 1, LABEL_WIDTH_PT - 2, LABEL_HEIGHT_PT - 2)
        .lineWidth(1.5)
        .stroke('#000000');
      drawAddresses(doc, data);
      drawCarrier(doc, data, tracking);
      drawOrder(doc, data);
      drawSscc(doc, data, barcode);
    },
  );
}
