import { describe, expect, it } from 'vitest';
import { renderCartonLabelZpl, zplText } from './carton-label-zpl.js';
import {
  LABEL_HEIGHT_PT,
  LABEL_WIDTH_PT,
  renderCartonLabelPdf,
  ssccElementText,
} from './carton-label.js';
import { cartonLabel, pdfPageCount, pdfText } from './labels.test-support.js';

describe('carton label PDF', () => {
  it('renders one 4x6 page with every block of the GS1 logistics label', async () => {
    const pdf = await renderCartonLabelPdf(cartonLabel, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdfPageCount(pdf)).toBe(1);
    expect(pdf.toString('latin1')).toContain(
      `/MediaBox [0 0 ${LABEL_WIDTH_PT} ${LABEL_HEIGHT_PT}]`,
    );
    const text = pdfText(pdf).join('\n');
    for (const expected of [
      'SHIP FROM',
      'Stockline Pet Distribution',
      'Happy Tails Pet Supply #12',
      '1820 N High St',
      'Columbus, OH 43201',
      'UPS  Ground',
      'SO-2025-00412',
      'PO-88317',
      '2 OF 3',
      '14.52 kg',
      '(00) 1 0614141234567890 8',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('compresses by default', async () => {
    const compressed = await renderCartonLabelPdf(cartonLabel);
    expect(compressed.subarray(0, 5).toString()).toBe('%PDF-');
    expect(compressed.toString('latin1')).toContain('/FlateDecode');
  });

  it('renders without tracking number, PO or weight', async () => {
    const { customerPo: _po, weightGrams: _w, ...rest } = cartonLabel;
    const pdf = await renderCartonLabelPdf(
      { ...rest, carrier: { name: 'Our truck' } },
      { compress: false },
    );
    expect(pdfText(pdf).join('\n')).toContain('Our truck');
  });

  it('refuses an invalid SSCC or impossible carton numbering', async () => {
    await expect(
      renderCartonLabelPdf({ ...cartonLabel, sscc: '106141412345678909' }),
    ).rejects.toThrow(/SSCC/);
    await expect(renderCartonLabelPdf({ ...cartonLabel, cartonNumber: 4 })).rejects.toThrow(
      /impossible/,
    );
  });

  it('builds the GS1-128 text bwip-js expects', () => {
    expect(ssccElementText('106141412345678908')).toBe('(00)106141412345678908');
  });
});

describe('carton label ZPL', () => {
  const zpl = renderCartonLabelZpl(cartonLabel);

  it('is one label with the SSCC as GS1-128 in subset C with FNC1', () => {
    expect(zpl.startsWith('^XA')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl).toContain('^BCN,230,N,N,N^FD>;>800106141412345678908^FS');
    expect(zpl).toContain('(00) 1 0614141234567890 8');
  });

  it('carries addresses, carrier, order and carton count', () => {
    for (const expected of [
      'Happy Tails Pet Supply #12',
      'UPS  Ground',
      '^FD1Z999AA10123456784^FS',
      'SO-2025-00412',
      '2 OF 3',
      '14.52 kg',
    ]) {
      expect(zpl).toContain(expected);
    }
  });

  it('escapes ZPL control characters in field data', () => {
    expect(zplText('Paws ^ Claws ~ Co_op')).toBe('Paws _5E Claws _7E Co_5Fop');
    const hostile = renderCartonLabelZpl({
      ...cartonLabel,
      shipTo: { ...cartonLabel.shipTo, name: 'X^XZ^XA' },
    });
    expect(hostile.match(/\^XA/g)).toHaveLength(1);
  });

  it('refuses an invalid SSCC', () => {
    expect(() => renderCartonLabelZpl({ ...cartonLabel, sscc: '123' })).toThrow(/SSCC/);
  });
});
