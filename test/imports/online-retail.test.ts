import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type AppContext } from '../../src/app/context.js';
import { importOnlineRetail } from '../../src/app/imports/import-file.js';
import type { ImportJobView } from '../../src/app/imports/import-jobs.js';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { countRows, ONLINE_RETAIL } from './import-fixtures.js';

/**
 * The real December 2010 file: all 42,481 lines on SQLite; on PostgreSQL the first 1,000
 * (same code path, a fraction of the round trips, so the suite stays fast).
 */
const PG_SLICE_LINES = 1000;

function sliceOf(lines: number): string {
  const text = zlib.gunzipSync(fs.readFileSync(ONLINE_RETAIL)).toString('utf8');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'retail-')), 'slice.csv');
  fs.writeFileSync(
    file,
    text
      .split('\n')
      .slice(0, lines + 1)
      .join('\n'),
  );
  return file;
}

interface RetailReport {
  rejectedByReason: Record<string, number>;
  saleLines: number;
  cancellationLinesCredited: number;
  cancellationLinesRecorded: number;
}

/** The report's own arithmetic: every line read is imported once or rejected once. */
function expectReconciled(job: ImportJobView) {
  const report = job.report as unknown as RetailReport;
  expect(job.status).toBe('done');
  expect(job.rowsImported + job.rowsRejected).toBe(job.rowsRead);
  const byReason = Object.values(report.rejectedByReason).reduce((a, b) => a + b, 0);
  expect(byReason).toBe(job.rowsRejected);
  expect(
    report.saleLines + report.cancellationLinesCredited + report.cancellationLinesRecorded,
  ).toBe(job.rowsImported);
}

describe.each(dialects)('online-retail import (%s)', (dialect) => {
  let store: TestStore;
  let ctx: AppContext;
  let file: string;
  let expectedLines: number;
  beforeAll(async () => {
    store = await freshStore(dialect);
    ctx = {
      database: store.database,
      now: () => new Date('2026-01-05T09:00:00Z'),
      policies: DEFAULT_POLICIES,
    };
    file = dialect === 'sqlite' ? ONLINE_RETAIL : sliceOf(PG_SLICE_LINES);
    expectedLines = dialect === 'sqlite' ? 42481 : PG_SLICE_LINES;
  });
  afterAll(() => store.drop());

  it('a dry run reports the same figures and writes nothing but the job', async () => {
    const dry = await importOnlineRetail(ctx, file, { dryRun: true });
    expectReconciled(dry);
    expect(dry.rowsRead).toBe(expectedLines);
    expect(await countRows(ctx, 'orders')).toBe(0);
    expect(await countRows(ctx, 'skus')).toBe(0);
    expect(await countRows(ctx, 'customers')).toBe(0);

    const real = await importOnlineRetail(ctx, file);
    expectReconciled(real);
    expect({ ...real.report }).toEqual({ ...dry.report });
    expect(real.rowsRejected).toBe(dry.rowsRejected);
  }, 240_000);

  it('stores what the report says: orders, lines, cancellations — and moves no stock', async () => {
    const job = await ctx.database.db
      .selectFrom('import_jobs')
      .select('report')
      .where('dry_run', '=', 0)
      .executeTakeFirstOrThrow();
    const report = JSON.parse(job.report!) as Record<string, number>;
    expect(await countRows(ctx, 'orders')).toBe(
      report.ordersCreated! + report.cancelledOrdersCreated!,
    );
    expect(await countRows(ctx, 'order_lines')).toBe(
      report.saleLines! + report.cancellationLinesRecorded!,
    );
    expect(await countRows(ctx, 'skus')).toBe(report.skusCreated);
    expect(await countRows(ctx, 'customers')).toBe(report.customersCreated);
    // History is not warehouse work: no movement, no allocation, nothing negative anywhere.
    expect(await countRows(ctx, 'stock_movements')).toBe(0);
    const lines = await ctx.database.db
      .selectFrom('order_lines as l')
      .innerJoin('orders as o', 'o.id', 'l.order_id')
      .select(['o.status', 'l.quantity_ordered', 'l.quantity_cancelled', 'l.quantity_allocated'])
      .execute();
    for (const l of lines) {
      expect(Number(l.quantity_ordered)).toBeGreaterThan(0);
      expect(Number(l.quantity_allocated)).toBe(0);
      expect(Number(l.quantity_cancelled)).toBeLessThanOrEqual(Number(l.quantity_ordered));
      if (l.status === 'cancelled') expect(l.quantity_cancelled).toEqual(l.quantity_ordered);
    }
    // Every credited unit is a unit cancelled on a closed sale line.
    const credited = lines
      .filter((l) => l.status === 'closed')
      .reduce((n, l) => n + Number(l.quantity_cancelled), 0);
    if (dialect === 'sqlite') expect(credited).toBeGreaterThan(0);
    expect((await reconcile(ctx.database.db)).ok).toBe(true);
  }, 60_000);

  it('rejects by reason what is not a sale: charges, write-offs', async () => {
    const job = await ctx.database.db
      .selectFrom('import_errors')
      .select(['code', 'column_name', 'row_number'])
      .orderBy('id')
      .execute();
    const codes = new Set(job.map((e) => e.code));
    expect(codes.has('ONLINE_RETAIL.NON_PRODUCT_CHARGE')).toBe(true);
    for (const e of job) expect(Number(e.row_number)).toBeGreaterThan(0);
  });
});
