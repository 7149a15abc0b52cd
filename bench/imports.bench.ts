/**
 * Streaming CSV import (src/app/imports): a 500,000-row products file on SQLite.
 *
 * import_500k_rows_s: wall time of `importFile(ctx, 'products', file)` — csv-parse stream,
 * 500-row batches, one transaction each, every row through createSku (validation, GTIN and
 * code uniqueness checks, insert), progress written to the job after each batch. The file
 * (generated first, not timed) has a case pack on every row.
 * import_peak_rss_mb: peak resident set size of the process over the whole run; streaming
 * keeps it flat however large the file is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { DEFAULT_POLICIES } from '../src/app/context.js';
import { importFile, IMPORT_ACTOR } from '../src/app/imports/import-file.js';
import { emit, log, scaled } from './support/report.js';
import { round } from './support/stats.js';
import { withStore } from './support/store.js';

const ROWS = scaled(500_000);

async function writeFile(file: string) {
  const out = fs.createWriteStream(file);
  out.write('code,name,category,case_quantity,standard_cost,currency\n');
  for (let i = 0; i < ROWS; i++) {
    const line = `BENCH-${String(i).padStart(7, '0')},Bench item ${i},bench,${6 + (i % 20)},${(i % 1000) / 100},GBP\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-import-bench-'));
const file = path.join(dir, 'products.csv');
try {
  await writeFile(file);
  log(`${ROWS} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);
  const seconds = await withStore('sqlite', async (store) => {
    const ctx = { database: store.database, now: () => new Date(), policies: DEFAULT_POLICIES };
    let lastLog = 0;
    const started = performance.now();
    const job = await importFile(ctx, 'products', file, {
      actor: IMPORT_ACTOR,
      onProgress: (p) => {
        if (p.rows - lastLog >= 50_000) {
          lastLog = p.rows;
          log(`${p.rows} rows`);
        }
      },
    });
    const elapsed = (performance.now() - started) / 1000;
    if (job.rowsImported !== ROWS) throw new Error(`imported ${job.rowsImported} of ${ROWS}`);
    return elapsed;
  });
  emit({
    import_500k_rows_s: round(seconds, 1),
    import_peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 0),
  });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
