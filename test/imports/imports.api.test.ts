import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../src/app/context.js';
import { exportList } from '../../src/app/imports/export-lists.js';
import { exportRows } from '../../src/app/imports/export-rows.js';
import { importStream, IMPORT_ACTOR } from '../../src/app/imports/import-file.js';
import { XLSX_MIME } from '../../src/core/imports/import-kinds.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { dialects, freshStore } from '../support/databases.js';
import { countRows, waitForJob } from './import-fixtures.js';

const PRODUCTS = [
  'code,name,category,gtin,case_quantity,case_gtin,standard_cost,currency,lot_tracked,shelf_life_days',
  'TEA-EARL-250,Earl Grey 250 g,tea,09501101530003,12,,2.40,GBP,no,',
  'TEA-GREEN-100,Green tea 100 g,tea,,6,,1.10,GBP,0,',
  'TEA-BAD,Bad cost,tea,,,,abc,GBP,0,',
  'TEA-ROOI-80,Rooibos 80 bags,tea,,,,1.95,GBP,yes,365',
  'TEA-EARL-250,Earl Grey again,tea,,,,2.40,GBP,0,',
].join('\n');

describe.each(dialects)('imports API (%s)', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(() => api.close());

  const post = (kind: string, body: string | Buffer, type = 'text/csv', dryRun = false) =>
    api.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${kind}?dryRun=${dryRun}`,
      headers: { ...api.as('admin'), 'content-type': type },
      payload: body,
    });

  it('a dry run validates every row and writes nothing but the job and its errors', async () => {
    const res = await post('products', PRODUCTS, 'text/csv', true);
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(api, res.json<{ id: number }>().id);
    expect(job).toMatchObject({
      status: 'done',
      dryRun: true,
      rowsRead: 5,
      rowsImported: 3,
      rowsRejected: 2,
    });
    expect(await countRows(api.ctx, 'skus')).toBe(0);
  });

  it('a bad row is reported with row number and column, and the rest import', async () => {
    const res = await post('products', PRODUCTS);
    const job = await waitForJob(api, res.json<{ id: number }>().id);
    expect(job).toMatchObject({ status: 'done', rowsRead: 5, rowsImported: 3, rowsRejected: 2 });
    expect(await countRows(api.ctx, 'skus')).toBe(3);
    const errors = await api.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${job.id}/errors`,
      headers: api.as('admin'),
    });
    expect(errors.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ row: 3, column: 'standard_cost', code: 'IMPORT.INVALID_MONEY' }),
      expect.objectContaining({ row: 5, column: 'code', code: 'IMPORT.DUPLICATE_IN_FILE' }),
    ]);
    const csv = await api.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${job.id}/errors?format=csv`,
      headers: api.as('admin'),
    });
    expect(csv.body.split('\n')[0]).toBe('row,column,code,message');
    expect(csv.body).toContain('3,standard_cost,IMPORT.INVALID_MONEY');
  });

  // Issue 17, item 14: SQLite stored the NUL, PostgreSQL refused the row with its raw message.
  it('refuses a row with a NUL in a cell, naming the column, on both stores', async () => {
    const csv = [
      PRODUCTS.split('\n')[0],
      'TEA-NUL-1,Nul\u0000tea,tea,,,,1.00,GBP,0,',
      'TEA-OK-1,Fine tea,tea,,,,1.00,GBP,0,',
    ].join('\n');
    // A dry run: the later round trip counts this store's SKUs.
    const dryRun = await post('products', csv, 'text/csv', true);
    const job = await waitForJob(api, dryRun.json<{ id: number }>().id);
    expect(job).toMatchObject({ status: 'done', rowsRead: 2, rowsImported: 1, rowsRejected: 1 });
    const errors = await api.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${job.id}/errors`,
      headers: api.as('admin'),
    });
    expect(errors.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ row: 1, column: 'name', code: 'IMPORT.INVALID_TEXT' }),
    ]);
  });

  // Issue 17, item 10: one unterminated quote swallowed the rest of the file and failed the
  // whole job (rows before it not imported, the message pointing at the file's end).
  it('rejects a row with an unterminated quote by its line and imports the rest', async () => {
    const csv = [
      PRODUCTS.split('\n')[0],
      'TEA-Q-1,"Multi-line,\nname",tea,,,,1.00,GBP,0,',
      'TEA-Q-2,"Broken name,tea,,,,1.00,GBP,0,',
      'TEA-Q-3,12" tin,tea,,,,1.00,GBP,0,',
      'TEA-Q-4,Fine tea,tea,,,,1.00,GBP,0,',
    ].join('\n');
    const dryRun = await post('products', csv, 'text/csv', true);
    const job = await waitForJob(api, dryRun.json<{ id: number }>().id);
    expect(job).toMatchObject({ status: 'done', rowsRead: 4, rowsImported: 3, rowsRejected: 1 });
    const errors = await api.app.inject({
      method: 'GET',
      url: `/api/v1/imports/${job.id}/errors`,
      headers: api.as('admin'),
    });
    const items = errors.json<{ items: { row: number; code: string; message: string }[] }>().items;
    expect(items).toEqual([expect.objectContaining({ row: 2, code: 'IMPORT.UNTERMINATED_QUOTE' })]);
    expect(items[0]!.message).toContain('Line 4');
  });

  it('refuses a body that is not CSV or XLSX, and an unknown job', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/imports/products',
      headers: api.as('admin'),
      payload: { code: 'X' },
    });
    expect(res.statusCode).toBe(422);
    const missing = await api.app.inject({
      method: 'GET',
      url: '/api/v1/imports/999',
      headers: api.as('admin'),
    });
    expect(missing.statusCode).toBe(404);
    const asWarehouse = await api.app.inject({
      method: 'POST',
      url: '/api/v1/imports/products',
      headers: { ...api.as('warehouse'), 'content-type': 'text/csv' },
      payload: PRODUCTS,
    });
    expect(asWarehouse.statusCode).toBe(403);
  });

  it('products round-trip through XLSX: export, import into an empty store, export again', async () => {
    const csvBefore = await api.app.inject({
      method: 'GET',
      url: '/api/v1/exports/products?format=csv',
      headers: api.as('sales'),
    });
    const xlsx = await api.app.inject({
      method: 'GET',
      url: '/api/v1/exports/products?format=xlsx',
      headers: api.as('sales'),
    });
    expect(xlsx.headers['content-type']).toContain(XLSX_MIME);
    const other = await freshStore(dialect);
    try {
      const ctx = { database: other.database, now: () => new Date(), policies: DEFAULT_POLICIES };
      const job = await importStream(ctx, {
        kind: 'products',
        format: 'xlsx',
        fileName: 'products.xlsx',
        dryRun: false,
        actor: IMPORT_ACTOR,
        input: Readable.from([xlsx.rawPayload]),
      });
      expect(job).toMatchObject({ status: 'done', rowsRead: 3, rowsImported: 3, rowsRejected: 0 });
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const list = exportList(other.database.db, 'products');
      await exportRows(list.rows, list.columns, 'csv', out);
      expect(Buffer.concat(chunks).toString()).toBe(csvBefore.body);
    } finally {
      await other.drop();
    }
  });

  // Issue 17, item 13: warehouse and planner keys could export the whole customer list.
  it('lets only commercial roles export accounts and price lists', async () => {
    const exportAs = (role: 'warehouse' | 'planner' | 'sales', kind: string) =>
      api.app.inject({ method: 'GET', url: `/api/v1/exports/${kind}`, headers: api.as(role) });
    for (const role of ['warehouse', 'planner'] as const)
      for (const kind of ['customers', 'price_lists']) {
        const refused = await exportAs(role, kind);
        expect(refused.statusCode, `${role} ${kind}`).toBe(403);
        expect(refused.json().code).toBe('AUTH.FORBIDDEN');
      }
    expect((await exportAs('sales', 'customers')).statusCode).toBe(200);
    expect((await exportAs('warehouse', 'stock')).statusCode).toBe(200);
  });

  it('exports every list screen as CSV with its header', async () => {
    for (const kind of ['stock', 'customers', 'price_lists', 'suppliers', 'orders']) {
      const res = await api.app.inject({
        method: 'GET',
        url: `/api/v1/exports/${kind}`,
        headers: api.as('manager'),
      });
      expect(res.statusCode, kind).toBe(200);
      expect(res.body.split('\n')[0]!.length, kind).toBeGreaterThan(0);
    }
    // No HEAD: it would run the whole export only to drop the body.
    const head = await api.app.inject({
      method: 'HEAD',
      url: '/api/v1/exports/stock',
      headers: api.as('manager'),
    });
    expect(head.statusCode).toBe(404);
  });
});
