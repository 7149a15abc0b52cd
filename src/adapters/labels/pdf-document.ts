/**
 * The small layer over pdfkit that every printed document shares: render to a Buffer,
 * fixed-height table rows that break across pages with the header repeated, and
 * "Page n of m" footers. Standard PDF fonts only (Helvetica), so nothing is embedded and
 * text stays in WinAnsi — addresses with accents print, emoji do not.
 */
import type {} from 'pdfkit';

/** A pdfkit document being drawn. */
export type Pdf = PDFKit.PDFDocument;

/** Options every document accepts. */
export interface RenderOptions {
  /** Leave content streams uncompressed (tests search the bytes for text). */
  readonly compress?: boolean;
}

/**
 * Draws a document and returns its bytes. `draw` runs synchronously on the open document;
 * prepare anything asynchronous (barcode images) before calling.
 */
export async function renderPdf(
  options: PDFKit.PDFDocumentOptions,
  draw: (doc: Pdf) => void,
): Promise<Buffer> {
  // pdfkit (with its fonts) is large and only printed documents need it: loaded on first use.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({ bufferPages: true, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** One column of a table: header, width in points, alignment. */
export interface TableColumn {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

/** How a table is drawn. */
export interface TableOptions {
  readonly x: number;
  readonly rowHeight: number;
  readonly fontSize: number;
  /** Drawn on each new page before the table header continues (document heading). */
  readonly onNewPage?: (doc: Pdf) => void;
  /** Light grey on every other row, to keep a picker's eye on the line. */
  readonly zebra?: boolean;
}

function drawCells(
  doc: Pdf,
  columns: readonly TableColumn[],
  cells: readonly string[],
  x: number,
  y: number,
  options: TableOptions,
): void {
  let left = x;
  for (const [i, column] of columns.entries()) {
    doc.text(cells[i] ?? '', left + 3, y + (options.rowHeight - options.fontSize) / 2, {
      width: column.width - 6,
      height: options.fontSize * 1.2,
      align: column.align ?? 'left',
      ellipsis: true,
      lineBreak: false,
    });
    left += column.width;
  }
}

function drawHeader(doc: Pdf, columns: readonly TableColumn[], options: TableOptions): void {
  const width = columns.reduce((sum, column) => sum + column.width, 0);
  const y = doc.y;
  doc.rect(options.x, y, width, options.rowHeight).fill('#222222');
  doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(options.fontSize);
  drawCells(
    doc,
    columns,
    columns.map((column) => column.header),
    options.x,
    y,
    options,
  );
  doc.fillColor('#000000').font('Helvetica');
  doc.y = y + options.rowHeight;
}

/**
 * A table of fixed-height rows from the current `doc.y`. Cells that do not fit end in an
 * ellipsis rather than wrap, so rows line up and page breaks are exact; the header repeats
 * on every page the table runs onto.
 */
export function drawTable(
  doc: Pdf,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  options: TableOptions,
): void {
  const width = columns.reduce((sum, column) => sum + column.width, 0);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  if (doc.y + options.rowHeight * 2 > bottom()) newPage(doc, options);
  drawHeader(doc, columns, options);
  for (const [index, row] of rows.entries()) {
    if (doc.y + options.rowHeight > bottom()) {
      newPage(doc, options);
      drawHeader(doc, columns, options);
    }
    const y = doc.y;
    if (options.zebra && index % 2 === 1)
      doc.rect(options.x, y, width, options.rowHeight).fill('#eeeeee');
    doc.fillColor('#000000').font('Helvetica').fontSize(options.fontSize);
    drawCells(doc, columns, row, options.x, y, options);
    doc
      .moveTo(options.x, y + options.rowHeight)
      .lineTo(options.x + width, y + options.rowHeight)
      .lineWidth(0.3)
      .stroke('#999999');
    doc.y = y + options.rowHeight;
  }
}

function newPage(doc: Pdf, options: TableOptions): void {
  doc.addPage();
  options.onNewPage?.(doc);
}

/** Starts a new page (running `onNewPage`) unless `height` points still fit on this one. */
export function ensureSpace(doc: Pdf, height: number, onNewPage?: (doc: Pdf) => void): void {
  if (doc.y + height <= doc.page.height - doc.page.margins.bottom) return;
  doc.addPage();
  onNewPage?.(doc);
}

/** Writes `left` and "Page n of m" at the foot of every page; call once all pages exist. */
export function drawFooters(doc: Pdf, left: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    // Text below the bottom margin would make pdfkit open a new page; lift the margin.
    const bottomMargin = margins.bottom;
    margins.bottom = 0;
    const y = height - bottomMargin + 12;
    const lineWidth = width - margins.left - margins.right;
    doc.font('Helvetica').fontSize(8).fillColor('#555555');
    doc.text(left, margins.left, y, { width: lineWidth, align: 'left', lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, margins.left, y, {
      width: lineWidth,
      align: 'right',
      lineBreak: false,
    });
    margins.bottom = bottomMargin;
  }
  doc.fillColor('#000000');
}
