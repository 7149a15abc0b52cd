import type { Readable } from 'node:stream';
import type { Tx } from '../../adapters/db/database.js';
import type { RawRow, RowIssue, RowOutcome } from '../../core/imports/cells.js';
import { FailureError } from '../../core/shared/result.js';
import { failureIssue } from '../../core/imports/failure-issue.js';
import { unstorableText } from '../../core/shared/text.js';
import { isoNow, type AppContext } from '../context.js';
import {
  finishImportJob,
  getImportJob,
  recordBatch,
  startImportJob,
  type ImportJobView,
  type ImportProgress,
  type NewImportJob,
} from './import-jobs.js';
import { isBroken } from './csv-records.js';
import { ByteCounter, readRows } from './row-source.js';

/** Rows per transaction: big enough to amortize the commit, small enough not to starve others. */
export const BATCH_ROWS = 500;

/** A row that mapped cleanly, with its 1-based data row number. */
export interface MappedRow<T> {
  row: number;
  value: T;
}

/** What one kind of file needs from the import driver. */
export interface RowHandler<T> {
  /** Reads and checks one row (pure). */
  map(raw: RawRow, row: number): RowOutcome<T>;
  /** Rows with one key (the lines of one order) are kept in one batch and one transaction. */
  groupKey?(value: T): string;
  /** Writes a batch's good rows; returns an issue for each row it refused. */
  apply(trx: Tx, rows: readonly MappedRow<T>[]): Promise<RowIssue[]>;
  /**
   * The batch's unit ended: committed, rolled back as a dry run (its work counts as what
   * would have happened), or failed (to be retried in smaller units: forget it).
   */
  settled?(outcome: 'committed' | 'dry-run' | 'failed'): void;
  /** Extra figures for the job's report once the file is done. */
  report?(): Record<string, unknown>;
}

/** The file to import and how to tell the caller how far it got. */
export interface ImportSource {
  input: Readable;
  totalBytes?: number | null | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** Told the job id as soon as the job row exists (an API answers 202 with it). */
  onStarted?: ((jobId: number) => void) | undefined;
}

/** Thrown at the end of a dry-run batch so its transaction rolls back. */
class DryRunRollback extends Error {}

/**
 * Streams a file through a handler in batches of `BATCH_ROWS` rows, one transaction each,
 * recording counts, progress and every refused row on the job. A refused row never takes the
 * others with it: if a batch fails unexpectedly, its rows (or groups) are retried one unit at
 * a time. A dry run does all the work and rolls each batch back: only the job and its errors
 * are written. Afterwards rows_imported + rows_rejected = rows_read.
 */
export async function runImport<T>(
  ctx: AppContext,
  job: NewImportJob,
  source: ImportSource,
  handler: RowHandler<T>,
): Promise<ImportJobView> {
  const jobId = await startImportJob(ctx.database, job, isoNow(ctx));
  source.onStarted?.(jobId);
  const counter = new ByteCounter();
  source.input.on('error', (e) => counter.destroy(e));
  source.input.pipe(counter);
  let rows = 0;
  let pending: MappedRow<T>[] = [];
  let refused: RowIssue[][] = [];
  const byReason = new Map<string, number>();
  const flush = async () => {
    const applied = await applyBatch(ctx, handler, pending, job.dryRun);
    const progress = { rows, bytes: counter.bytes, totalBytes: source.totalBytes ?? null };
    const rejectedAtApply =
      countReasons(byReason, [...refused.flat(), ...applied]) - refused.length;
    await recordBatch(ctx.database, jobId, {
      read: pending.length + refused.length,
      imported: pending.length - rejectedAtApply,
      rejected: refused.length + rejectedAtApply,
      issues: [...refused.flat(), ...applied],
      progress,
    });
    source.onProgress?.(progress);
    pending = [];
    refused = [];
  };
  try {
    for await (const raw of readRows(counter, job.format)) {
      rows += 1;
      const outcome = isBroken(raw)
        ? brokenRecord(raw.line, rows)
        : (unstorableCells(raw, rows) ?? handler.map(raw, rows));
      if (!outcome.ok) refused.push(outcome.issues);
      else {
        if (
          pending.length + refused.length >= BATCH_ROWS &&
          atGroupEdge(handler, pending, outcome.value)
        )
          await flush();
        pending.push({ row: rows, value: outcome.value });
      }
    }
    await flush();
    const report = {
      rejectedByReason: Object.fromEntries([...byReason].sort(([a], [b]) => a.localeCompare(b))),
      ...handler.report?.(),
    };
    await finishImportJob(ctx.database, jobId, { status: 'done', report }, isoNow(ctx));
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    await finishImportJob(ctx.database, jobId, { status: 'failed', failure }, isoNow(ctx));
  }
  return (await getImportJob(ctx.database.db, jobId))!;
}

/** A record with an unterminated quote: refused with its line; the rows after it still import. */
function brokenRecord(line: number, row: number): RowOutcome<never> {
  const message = `Line ${line}: a quoted field is never closed (an unmatched ")`;
  return { ok: false, issues: [{ row, column: null, code: 'IMPORT.UNTERMINATED_QUOTE', message }] };
}

/**
 * A row with a NUL or a lone surrogate in a cell is refused with the column named, before any
 * mapping: PostgreSQL would refuse it with a raw driver message, SQLite would store it.
 */
function unstorableCells(raw: RawRow, row: number): RowOutcome<never> | null {
  const issues: RowIssue[] = [];
  for (const [column, text] of Object.entries(raw)) {
    const reason = text === undefined ? null : unstorableText(text);
    if (reason)
      issues.push({ row, column, code: 'IMPORT.INVALID_TEXT', message: `${column} ${reason}` });
  }
  return issues.length > 0 ? { ok: false, issues } : null;
}

/** Adds each rejected row once, under its first issue's code; returns how many rows. */
function countReasons(byReason: Map<string, number>, issues: readonly RowIssue[]): number {
  const rows = new Set<number>();
  for (const issue of issues) {
    if (rows.has(issue.row)) continue;
    rows.add(issue.row);
    byReason.set(issue.code, (byReason.get(issue.code) ?? 0) + 1);
  }
  return rows.size;
}

function atGroupEdge<T>(handler: RowHandler<T>, pending: MappedRow<T>[], next: T): boolean {
  const last = pending[pending.length - 1];
  if (!handler.groupKey || !last) return true;
  return handler.groupKey(last.value) !== handler.groupKey(next);
}

/** One transaction for the batch; on an unexpected error, one per group so the rest still land. */
async function applyBatch<T>(
  ctx: AppContext,
  handler: RowHandler<T>,
  rows: MappedRow<T>[],
  dryRun: boolean,
): Promise<RowIssue[]> {
  if (rows.length === 0) return [];
  try {
    return await applyUnit(ctx, handler, rows, dryRun);
  } catch {
    const issues: RowIssue[] = [];
    for (const group of groupsOf(handler, rows)) {
      try {
        issues.push(...(await applyUnit(ctx, handler, group, dryRun)));
      } catch (error) {
        issues.push(...group.map((r) => unitFailure(error, r.row)));
      }
    }
    return issues;
  }
}

async function applyUnit<T>(
  ctx: AppContext,
  handler: RowHandler<T>,
  rows: MappedRow<T>[],
  dryRun: boolean,
): Promise<RowIssue[]> {
  let issues: RowIssue[] = [];
  try {
    await ctx.database.write(async (trx) => {
      issues = await handler.apply(trx, rows);
      if (dryRun) throw new DryRunRollback();
    });
    handler.settled?.('committed');
    return issues;
  } catch (error) {
    const dry = error instanceof DryRunRollback;
    handler.settled?.(dry ? 'dry-run' : 'failed');
    if (dry) return issues;
    throw error;
  }
}

function groupsOf<T>(handler: RowHandler<T>, rows: MappedRow<T>[]): MappedRow<T>[][] {
  if (!handler.groupKey) return rows.map((r) => [r]);
  const groups: MappedRow<T>[][] = [];
  let key: string | undefined;
  for (const r of rows) {
    const k = handler.groupKey(r.value);
    if (k !== key || groups.length === 0) groups.push([]);
    groups[groups.length - 1]!.push(r);
    key = k;
  }
  return groups;
}

function unitFailure(error: unknown, row: number): RowIssue {
  if (error instanceof FailureError) return failureIssue(error.failure, row);
  const message = error instanceof Error ? error.message : String(error);
  return { row, column: null, code: 'IMPORT.ROW_FAILED', message };
}

/**
 * Runs `write` for each row, turning an expected refusal into that row's issue. Use cases
 * check before their first insert, so a refused row has written nothing and the batch goes on.
 */
export async function eachRow<T>(
  rows: readonly MappedRow<T>[],
  write: (value: T, row: number) => Promise<void>,
  columnOf: Readonly<Record<string, string>> = {},
): Promise<RowIssue[]> {
  const issues: RowIssue[] = [];
  for (const r of rows) {
    try {
      await write(r.value, r.row);
    } catch (error) {
      if (!(error instanceof FailureError)) throw error;
      issues.push(failureIssue(error.failure, r.row, columnOf));
    }
  }
  return issues;
}
