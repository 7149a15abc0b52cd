import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText, pickList } from './labels.test-support.js';
import { pickPathOrder, renderPickListPdf } from './pick-list-pdf.js';

describe('pick list PDF', () => {
  it('renders the heading and every line with cases + eaches', async () => {
    const data = pickList(5);
    const pdf = await renderPickListPdf(data, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(3_000);
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    for (const expected of [
      'PICK LIST',
      'Wave W-20250612-03',
      'Columbus DC',
      'J. Ortiz',
      'Page 1 of 1',
      'CAT-WET-55',
      'L25101',
      '3 cs + 1 ea',
      'T2',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints lines in pick-path order', async () => {
    const data = pickList(5);
    const sequences = pickPathOrder(data.lines).map((line) => line.sequence);
    expect(sequences).toEqual([1, 2, 3, 4, 5]);
    const text = pdfText(await renderPickListPdf(data, { compress: false }));
    const locations = text.filter((t) => /^A-\d\d-\d\d$/.test(t));
    expect(locations).toEqual(pickPathOrder(data.lines).map((line) => line.locationCode));
  });

  it('breaks long lists over pages with the header repeated', async () => {
    const pdf = await renderPickListPdf(pickList(80), { compress: false });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf);
    expect(text.filter((t) => t === 'Location')).toHaveLength(pages);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Pick list - wave W-20250612-03 (continued)');
    expect(text.filter((t) => /^A-\d\d-\d\d$/.test(t))).toHaveLength(80);
  });

  it('renders an empty wave', async () => {
    const pdf = await renderPickListPdf({ ...pickList(0) });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
