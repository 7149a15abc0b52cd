import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { FileFormat } from '../../core/imports/import-kinds.js';

/** A cell of an exported row: written as is (numbers stay numbers in XLSX). */
export type ExportCell = string | number | boolean | null | undefined;
export type ExportRow = Readonly<Record<string, ExportCell>>;

/**
 * Writes any list — a list screen, a report, an error report — as CSV or XLSX to `out`,
 * streaming: rows are pulled from `rows` one page at a time and written as they come, so a
 * large export never sits in memory. The header row is `columns`, in that order.
 */
export async function exportRows(
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  columns: readonly string[],
  format: FileFormat,
  out: Writable,
  sheetName = 'Sheet1',
): Promise<number> {
  return format === 'xlsx'
    ? writeXlsx(rows, columns, out, sheetName)
    : writeCsv(rows, columns, out);
}

async function writeCsv(
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  columns: readonly string[],
  out: Writable,
): Promise<number> {
  const csv = stringify({
    header: true,
    columns: [...columns],
    cast: { boolean: (b) => (b ? '1' : '0') },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve).on('error', reject);
    csv.on('error', reject);
  });
  csv.pipe(out);
  let count = 0;
  for await (const row of rows) {
    count += 1;
    if (!csv.write(columns.map((c) => row[c] ?? '')))
      await new Promise((resolve) => csv.once('drain', resolve));
  }
  csv.end();
  await finished;
  return count;
}

async function writeXlsx(
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  columns: readonly string[],
  out: Writable,
  sheetName: string,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...columns]).commit();
  let count = 0;
  for await (const row of rows) {
    count += 1;
    sheet.addRow(columns.map((c) => row[c] ?? null)).commit();
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/**
 * Pages through a table by id (keyset), `pageSize` rows at a time, for `exportRows`: each
 * page is one short read, so an export does not hold a long transaction open.
 */
export async function* pagedById<T extends { id: number }>(
  page: (afterId: number, limit: number) => Promise<T[]>,
  pageSize = 1000,
): AsyncIterable<T> {
  let afterId = 0;
  for (;;) {
    const rows = await page(afterId, pageSize);
    yield* rows;
    if (rows.length < pageSize) return;
    afterId = Number(rows[rows.length - 1]!.id);
  }
}
