import { Transform, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { RawRow } from '../../core/imports/cells.js';
import type { FileFormat } from '../../core/imports/import-kinds.js';
import { csvRecords, type BrokenRecord } from './csv-records.js';

/** Counts the bytes that pass, for progress on a file whose size is known. */
export class ByteCounter extends Transform {
  bytes = 0;
  override _transform(
    chunk: Buffer,
    _encoding: string,
    done: (e?: Error | null, d?: Buffer) => void,
  ) {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/**
 * The data rows of a CSV or XLSX file as header → text, streamed: a 500,000-row file is
 * never held in memory. CSV: the first line names the columns, a BOM is dropped, blank lines
 * skipped, ragged rows kept (missing cells are blank). XLSX: the first worksheet, first row
 * names the columns; numbers, dates and rich text become text.
 */
export function readRows(
  input: Readable,
  format: FileFormat,
): AsyncIterable<RawRow | BrokenRecord> {
  return format === 'xlsx' ? xlsxRows(input) : csvRecords(input);
}

async function* xlsxRows(input: Readable): AsyncIterable<RawRow> {
  // exceljs is large and only imports of spreadsheets need it: loaded on first use.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of workbook) {
    let header: string[] | undefined;
    for await (const row of sheet) {
      const values = (row as ExcelJS.Row).values as unknown[];
      if (!header) {
        header = values.map((v) => cellText(v).trim());
        continue;
      }
      const raw: Record<string, string> = {};
      header.forEach((name, i) => {
        if (name) raw[name] = cellText(values[i]);
      });
      yield raw;
    }
    return; // the first worksheet only
  }
}

/** A cell as the text a CSV would have held. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A date cell (our XLSX exports write business dates as dates at UTC midnight) reads back
  // as the YYYY-MM-DD the importers take; an instant keeps its time.
  if (value instanceof Date)
    return value.toISOString().endsWith('T00:00:00.000Z')
      ? value.toISOString().slice(0, 10)
      : value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
    return '';
  }
  return String(value);
}
