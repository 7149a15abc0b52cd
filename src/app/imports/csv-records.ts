import readline from 'node:readline';
import type { Readable } from 'node:stream';
import type { RawRow } from '../../core/imports/cells.js';

/** A record whose quoted field never closed: refused on its own, the rows after it still read. */
export interface BrokenRecord {
  readonly broken: true;
  /** The file line the record starts on (1-based, the header is line 1). */
  readonly line: number;
}

/**
 * Lines one quoted field may span before its record is taken as broken (an unterminated
 * quote): a multi-line address is a few lines, never this many. Bounds the memory one broken
 * quote can take, too.
 */
export const MAX_RECORD_LINES = 100;

/** Where a record's quoting stands after a line: inside a quoted field, or not. */
function stillQuoted(line: string, quoted: boolean): boolean {
  let atFieldStart = !quoted;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c !== '"') continue;
      const after = line[i + 1];
      if (after === '"')
        i++; // an escaped quote
      // A closing quote ends the field; one followed by text is text (the quote was stray).
      else if (after === undefined || after === ',') quoted = false;
    } else if (c === ',') atFieldStart = true;
    else {
      // A quote opens a field only at its start; elsewhere it is text (12" pipe).
      if (c === '"' && atFieldStart) quoted = true;
      atFieldStart = false;
    }
  }
  return quoted;
}

/**
 * CSV data rows as header → text, streamed, with the rules of docs/IMPORTS.md (BOM dropped,
 * blank lines skipped, ragged rows kept). A quoted field left open yields a `BrokenRecord`
 * for its line and reading resumes on the next line: one stray quote used to swallow the rest
 * of the file and fail the whole job, pointing at its end.
 */
export async function* csvRecords(input: Readable): AsyncIterable<RawRow | BrokenRecord> {
  const source = readline.createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const replay: { text: string; line: number }[] = [];
  let lineNo = 0;
  const next = async () => {
    const again = replay.shift();
    if (again) return again;
    const read = await source.next();
    if (read.done) return undefined;
    lineNo += 1;
    return { text: lineNo === 1 ? read.value.replace(/^\uFEFF/, '') : read.value, line: lineNo };
  };
  let header: string[] | undefined;
  for (let first = await next(); first; first = await next()) {
    if (first.text.trim() === '' && !stillQuoted(first.text, false)) continue;
    const lines = [first];
    let quoted = stillQuoted(first.text, false);
    while (quoted && lines.length < MAX_RECORD_LINES) {
      const more = await next();
      if (!more) break;
      lines.push(more);
      quoted = stillQuoted(more.text, true);
    }
    if (quoted) {
      yield { broken: true, line: first.line };
      replay.unshift(...lines.slice(1));
      continue;
    }
    const cells = cellsOf(lines.map((l) => l.text).join('\n'));
    if (!header) header = cells.map((h) => h.trim());
    else yield Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  }
}

/**
 * The cells of one complete record (quotes balanced, as `stillQuoted` found): RFC 4180 with
 * the relaxations the import docs promise (a quote inside an unquoted field is text).
 */
function cellsOf(record: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < record.length; i++) {
    const c = record[i]!;
    if (quoted) {
      const after = record[i + 1];
      if (c !== '"') cell += c;
      else if (after === '"') {
        cell += '"'; // an escaped quote
        i++;
      } else if (after === undefined || after === ',') quoted = false;
      else cell += c;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      atStart = true;
      continue;
    } else if (c === '"' && atStart) quoted = true;
    else cell += c;
    atStart = false;
  }
  cells.push(cell);
  return cells;
}

export function isBroken(row: RawRow | BrokenRecord): row is BrokenRecord {
  return (row as BrokenRecord).broken === true;
}
