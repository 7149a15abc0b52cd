import { Command } from 'commander';
import fs from 'node:fs';
import { importFile, IMPORT_ACTOR } from '../app/imports/import-file.js';
import type { ImportJobView, ImportProgress } from '../app/imports/import-jobs.js';
import { IMPORT_KINDS, isImportKind } from '../core/imports/import-kinds.js';
import { readConfig } from '../config.js';
import { contextFor, openStore } from '../main.js';

/** A one-line progress bar on stderr: percent of bytes when the size is known, else rows. */
export function progressLine(p: ImportProgress): string {
  if (!p.totalBytes) return `imported rows: ${p.rows.toLocaleString('en')}`;
  const share = Math.min(1, p.bytes / p.totalBytes);
  const width = 30;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0)}%  ${p.rows.toLocaleString('en')} rows`;
}

/** The job's outcome for a person: counts, then rejections by reason. */
export function summary(job: ImportJobView): string {
  const lines = [
    `import ${job.id} ${job.kind} ${job.fileName}: ${job.status}${job.dryRun ? ' (dry run: nothing written)' : ''}`,
    `read ${job.rowsRead}, imported ${job.rowsImported}, rejected ${job.rowsRejected}`,
  ];
  if (job.failure) lines.push(`failure: ${job.failure}`);
  const report = job.report ?? {};
  for (const [key, value] of Object.entries(report)) {
    if (key === 'rejectedByReason')
      for (const [code, n] of Object.entries(value as Record<string, number>))
        lines.push(`  rejected ${code}: ${n}`);
    else lines.push(`  ${key}: ${String(value)}`);
  }
  if (job.rowsRejected > 0) lines.push(`errors: GET /api/v1/imports/${job.id}/errors?format=csv`);
  return lines.join('\n');
}

/** `stockline import <kind> <file> [--dry-run]`: a CSV/XLSX (or .csv.gz) file into the store. */
export const importCommand = new Command('import')
  .description(`Import a CSV or XLSX file: ${IMPORT_KINDS.join(', ')}`)
  .argument('<kind>', 'what the rows are')
  .argument('<file>', 'a .csv, .csv.gz or .xlsx file')
  .option('--dry-run', 'check every row and report; write nothing but the job')
  .action(async (kind: string, file: string, options: { dryRun?: boolean }) => {
    if (!isImportKind(kind)) {
      console.error(`Unknown kind ${kind}: one of ${IMPORT_KINDS.join(', ')}`);
      process.exitCode = 1;
      return;
    }
    if (!fs.existsSync(file)) {
      console.error(`No file ${file}`);
      process.exitCode = 1;
      return;
    }
    const database = await openStore(readConfig());
    try {
      const job = await importFile(contextFor(database), kind, file, {
        dryRun: options.dryRun ?? false,
        actor: { ...IMPORT_ACTOR, id: 'cli' },
        onProgress: (p) => process.stderr.write(`\r${progressLine(p)}`),
      });
      process.stderr.write('\n');
      console.log(summary(job));
      if (job.status !== 'done') process.exitCode = 1;
    } finally {
      await database.close();
    }
  });
