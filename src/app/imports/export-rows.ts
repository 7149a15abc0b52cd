import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stringify } from 'csv-stringify';
import type { FileFormat } from '../../core/imports/import-kinds.js';
import { xlsxCell } from '../../core/imports/xlsx-cells.js';

/** A cell of an exported row: as is in CSV; in XLSX money and dates become numbers and dates. */
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
    // Closed without finishing: the reader hung up (after 'finish' this changes nothing).
    out.on('close', () => reject(new Error('the export was closed before its end')));
    csv.on('error', reject);
  });
  // Awaited only after the last row; if reading rows fails first, the caller destroys `out`
  // and this promise rejects with no one waiting: mark it handled so the process survives.
  finished.catch(() => undefined);
  csv.pipe(out);
  let count = 0;
  for await (const row of rows) {
    // The reader went away (a client that hung up): stop reading rows for nobody.
    if (out.destroyed) break;
    count += 1;
    if (!csv.write(columns.map((c) => row[c] ?? ''))) await drainedOrClosed(csv, out);
  }
  csv.end();
  await finished;
  return count;
}

/** Waits until `source` may be written again, or `out` has closed (no drain will ever come). */
function drainedOrClosed(source: Writable, out: Writable): Promise<void> {
  return new Promise((resolve) => {
    if (out.destroyed) return resolve();
    const done = () => {
      source.off('drain', done);
      out.off('close', done);
      resolve();
    };
    source.once('drain', done);
    out.once('close', done);
  });
}

/** Rejects when `out` closes before it finished (the reader hung up); never resolves. */
function hungUp(out: Writable): Promise<never> {
  return new Promise((_, reject) => {
    const closed = () => {
      if (!out.writableFinished) reject(new Error('the export was closed before its end'));
    };
    if (out.destroyed) closed();
    else out.once('close', closed);
  });
}

async function writeXlsx(
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  columns: readonly string[],
  out: Writable,
  sheetName: string,
): Promise<number> {
  // exceljs is large and only spreadsheet exports need it: loaded on first use.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream: out,
    // Styles carry the number formats of money and date cells.
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...columns]).commit();
  let count = 0;
  for await (const row of rows) {
    if (out.destroyed) break;
    count += 1;
    const cells = columns.map((c) => xlsxCell(c, row[c]));
    const added = sheet.addRow(cells.map((cell) => cell.value));
    cells.forEach((cell, i) => {
      if (cell.numFmt) added.getCell(i + 1).numFmt = cell.numFmt;
    });
    added.commit();
    // The XLSX writer takes rows without backpressure: let the stream flow (and a hang-up be
    // seen) now and then, rather than queueing the whole export in memory first.
    if (count % 1000 === 0) await nextTurn();
  }
  sheet.commit();
  await Promise.race([workbook.commit(), hungUp(out)]);
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
