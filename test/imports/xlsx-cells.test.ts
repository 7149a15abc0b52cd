import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportRows } from '../../src/app/imports/export-rows.js';

async function collect(out: PassThrough): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of out) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Issue 18, item 14: Excel sums money and sorts dates in an XLSX export. */
describe('XLSX export cells', () => {
  it('writes money as numbers with a two-place format and dates as real dates', async () => {
    const out = new PassThrough();
    const body = collect(out);
    const columns = ['sku_code', 'unit_price', 'valid_from', 'created_at', 'quantity', 'gtin'];
    await exportRows(
      [
        {
          sku_code: '00123',
          unit_price: '4.5',
          valid_from: '2026-03-02',
          created_at: '2026-03-02T12:30:00.000Z',
          quantity: 24,
          gtin: '05901234123457',
        },
      ],
      columns,
      'xlsx',
      out,
    );
    const workbook = new ExcelJS.Workbook();
    const bytes = await body;
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const row = workbook.worksheets[0]!.getRow(2);
    const cell = (i: number) => row.getCell(i);
    expect(cell(1).value).toBe('00123');
    expect(cell(1).type).toBe(ExcelJS.ValueType.String);
    expect(cell(2).value).toBe(4.5);
    expect(cell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(cell(2).numFmt).toBe('#,##0.00');
    expect(cell(3).value).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(cell(3).numFmt).toBe('yyyy-mm-dd');
    expect(cell(4).value).toEqual(new Date('2026-03-02T12:30:00.000Z'));
    expect(cell(5).value).toBe(24);
    expect(cell(6).value).toBe('05901234123457');
  });
});
