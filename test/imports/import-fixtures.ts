import { Readable } from 'node:stream';
import type { TestApi } from '../support/api.js';
import { importStream } from '../../src/app/imports/import-file.js';
import type { ImportJobView } from '../../src/app/imports/import-jobs.js';
import type { AppContext } from '../../src/app/context.js';
import type { ImportKind } from '../../src/core/imports/import-kinds.js';
import { IMPORT_ACTOR } from '../../src/app/imports/import-file.js';
import { fixturePath } from '../support/shared-data.js';

/** The UCI online-retail sample (CC BY 4.0, Chen, Sain and Guo 2012): see test/fixtures/SOURCES.md. */
export const ONLINE_RETAIL = fixturePath('online-retail/online_retail_2010-12.csv.gz');

/** Imports CSV text in-process as the import actor. */
export function importCsv(
  ctx: AppContext,
  kind: ImportKind,
  csv: string,
  dryRun = false,
): Promise<ImportJobView> {
  return importStream(ctx, {
    kind,
    format: 'csv',
    fileName: `${kind}.csv`,
    dryRun,
    actor: IMPORT_ACTOR,
    input: Readable.from([Buffer.from(csv)]),
  });
}

/** Polls an import job over the API until it is no longer running. */
export async function waitForJob(api: TestApi, id: number): Promise<ImportJobView> {
  for (let i = 0; i < 400; i++) {
    const res = await api.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${id}`,
      headers: api.as('admin'),
    });
    const job = res.json<ImportJobView>();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Import ${id} still running`);
}

/** Counts rows of a table, as a number on both dialects. */
export async function countRows(
  ctx: AppContext,
  table: 'skus' | 'customers' | 'orders' | 'order_lines' | 'stock_movements',
) {
  const row = await ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
