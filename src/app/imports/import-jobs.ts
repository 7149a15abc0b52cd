import type { Database, Tx } from '../../adapters/db/database.js';
import type { RowIssue } from '../../core/imports/cells.js';
import type { FileFormat, ImportKind } from '../../core/imports/import-kinds.js';

/** What a caller says about an import before it starts. */
export interface NewImportJob {
  kind: ImportKind;
  format: FileFormat;
  fileName: string;
  dryRun: boolean;
  actor: string;
}

/** How far an import has got; `totalBytes` is known for files, not for piped input. */
export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number | null;
}

/** An import as the API shows it: progress while running, the report when done. */
export interface ImportJobView {
  id: number;
  kind: string;
  format: string;
  fileName: string;
  status: string;
  dryRun: boolean;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  progress: ImportProgress;
  report: Record<string, unknown> | null;
  failure: string | null;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
}

/** Opens the job row an import reports into; returns its id. */
export async function startImportJob(db: Database, job: NewImportJob, nowIso: string) {
  const row = await db.write((trx) =>
    trx
      .insertInto('import_jobs')
      .values({
        kind: job.kind,
        format: job.format,
        file_name: job.fileName,
        status: 'running',
        dry_run: job.dryRun ? 1 : 0,
        progress: JSON.stringify({ rows: 0, bytes: 0, totalBytes: null }),
        actor: job.actor,
        started_at: nowIso,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return Number(row.id);
}

/** Totals after one batch, and the issues of the rows it rejected. */
export interface BatchTally {
  read: number;
  imported: number;
  rejected: number;
  issues: readonly RowIssue[];
  progress: ImportProgress;
}

/** Adds a batch's counts and issues to the job in one unit, so the totals always reconcile. */
export async function recordBatch(db: Database, jobId: number, tally: BatchTally) {
  await db.write(async (trx) => {
    for (let i = 0; i < tally.issues.length; i += 500) {
      await trx
        .insertInto('import_errors')
        .values(
          tally.issues.slice(i, i + 500).map((issue) => ({
            job_id: jobId,
            row_number: issue.row,
            column_name: issue.column,
            code: issue.code,
            message: issue.message.slice(0, 1000),
          })),
        )
        .execute();
    }
    await trx
      .updateTable('import_jobs')
      .set((eb) => ({
        rows_read: eb('rows_read', '+', tally.read),
        rows_imported: eb('rows_imported', '+', tally.imported),
        rows_rejected: eb('rows_rejected', '+', tally.rejected),
        progress: JSON.stringify(tally.progress),
      }))
      .where('id', '=', jobId)
      .execute();
  });
}

/** Closes the job: done with its report, or failed with why (an unreadable file, a crash). */
export async function finishImportJob(
  db: Database,
  jobId: number,
  outcome: { status: 'done' | 'failed'; report?: unknown; failure?: string },
  nowIso: string,
) {
  await db.write((trx) =>
    trx
      .updateTable('import_jobs')
      .set({
        status: outcome.status,
        report: outcome.report === undefined ? null : JSON.stringify(outcome.report),
        failure: outcome.failure ?? null,
        finished_at: nowIso,
      })
      .where('id', '=', jobId)
      .execute(),
  );
}

export async function getImportJob(db: Tx, jobId: number): Promise<ImportJobView | undefined> {
  const row = await db
    .selectFrom('import_jobs')
    .selectAll()
    .where('id', '=', jobId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: Number(row.id),
    kind: row.kind,
    format: row.format,
    fileName: row.file_name,
    status: row.status,
    dryRun: Number(row.dry_run) === 1,
    rowsRead: Number(row.rows_read),
    rowsImported: Number(row.rows_imported),
    rowsRejected: Number(row.rows_rejected),
    progress: JSON.parse(row.progress) as ImportProgress,
    report: row.report === null ? null : (JSON.parse(row.report) as Record<string, unknown>),
    failure: row.failure,
    actor: row.actor,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** One reported problem, as the API and the CSV error report show it. */
export interface ImportErrorView {
  id: number;
  row: number;
  column: string | null;
  code: string;
  message: string;
}

/** A page of a job's errors in file order; `afterId` is the cursor. */
export async function listImportErrors(
  db: Tx,
  jobId: number,
  afterId: number | undefined,
  limit: number,
): Promise<ImportErrorView[]> {
  let query = db
    .selectFrom('import_errors')
    .select(['id', 'row_number', 'column_name', 'code', 'message'])
    .where('job_id', '=', jobId)
    .orderBy('id')
    .limit(limit);
  if (afterId !== undefined) query = query.where('id', '>', afterId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    row: Number(r.row_number),
    column: r.column_name,
    code: r.code,
    message: r.message,
  }));
}
