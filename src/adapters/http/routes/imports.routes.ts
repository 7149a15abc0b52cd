import { PassThrough, Readable } from 'node:stream';
import type { AppContext } from '../../../app/context.js';
import { exportRows, type ExportRow } from '../../../app/imports/export-rows.js';
import { exportList, type ExportKind } from '../../../app/imports/export-lists.js';
import { importStream } from '../../../app/imports/import-file.js';
import { getImportJob, listImportErrors } from '../../../app/imports/import-jobs.js';
import { formatOf, XLSX_MIME } from '../../../core/imports/import-kinds.js';
import type { Role } from '../../../core/shared/roles.js';
import type { Api } from '../api.js';
import { decodeCursor, pageOf } from '../pagination.js';
import { sendProblem } from '../problem.js';
import {
  ErrorsQuery,
  ExportParams,
  ExportQuery,
  IMPORT_BODY_LIMIT,
  ImportJobOut,
  ImportParams,
  ImportQuery,
  JobParams,
} from './imports.schemas.js';
import { FileOut, ShapeOrCsv } from '../response-shapes.js';
import { ImportErrorsOut } from './imports-responses.schemas.js';

const tags = ['imports'];
const IMPORTERS: readonly Role[] = ['admin', 'manager'];
const EXPORTERS: readonly Role[] = ['admin', 'manager', 'planner', 'sales', 'warehouse'];
/**
 * Who may export each list: an export is a bulk read, so it follows who the data is for.
 * Accounts (contacts, credit limits) and price lists are commercial: not for warehouse or
 * planner keys. The route admits every exporter and checks the kind here.
 */
const EXPORTERS_BY_KIND: Record<ExportKind, readonly Role[]> = {
  products: EXPORTERS,
  stock: EXPORTERS,
  suppliers: EXPORTERS,
  orders: EXPORTERS,
  customers: ['admin', 'manager', 'sales'],
  price_lists: ['admin', 'manager', 'sales'],
};

/**
 * CSV/XLSX import (a raw file body, `text/csv` or the XLSX type; the job runs in the
 * background and is polled) and export of every list. The body parsers for those two types
 * are registered in this plugin's own scope, with a large body limit on the import route only.
 */
export function registerImportRoutes(api: Api, ctx: AppContext) {
  void api.register(async (scope: Api) => {
    const asBuffer = { parseAs: 'buffer' as const, bodyLimit: IMPORT_BODY_LIMIT };
    scope.addContentTypeParser(['text/csv', XLSX_MIME], asBuffer, (_req, body, done) =>
      done(null, body),
    );
    registerImport(scope, ctx);
    registerJobReads(scope, ctx);
    registerExport(scope, ctx);
  });
}

function registerImport(api: Api, ctx: AppContext) {
  api.post(
    '/imports/:kind',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { roles: IMPORTERS },
      schema: {
        tags,
        summary: 'Import a CSV or XLSX file (raw body); 202 with the job to poll',
        params: ImportParams,
        querystring: ImportQuery,
        response: { 202: ImportJobOut },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const type = request.headers['content-type'] ?? '';
      if (!Buffer.isBuffer(body) || !/text\/csv|spreadsheetml/.test(type))
        return sendProblem(reply, {
          code: 'IMPORT.UNSUPPORTED_MEDIA',
          message: `Send the file as the body with Content-Type text/csv or ${XLSX_MIME}`,
        });
      const jobId = await new Promise<number>((resolve, reject) => {
        importStream(ctx, {
          kind: request.params.kind,
          format: formatOf(type),
          fileName: request.query.fileName ?? `upload.${formatOf(type)}`,
          dryRun: request.query.dryRun ?? false,
          actor: request.actor,
          input: Readable.from([body]),
          totalBytes: body.length,
          onStarted: resolve,
        }).catch((error: unknown) => {
          reject(error as Error);
          request.log.error({ err: error }, 'import failed');
        });
      });
      const job = await getImportJob(ctx.database.db, jobId);
      return reply.code(202).header('location', `/api/v1/imports/${jobId}`).send(job!);
    },
  );
}

function registerJobReads(api: Api, ctx: AppContext) {
  api.get(
    '/imports/:id',
    {
      config: { roles: IMPORTERS },
      schema: {
        tags,
        summary: 'An import: progress while it runs, counts and the report when done',
        params: JobParams,
        response: { 200: ImportJobOut },
      },
    },
    async (request, reply) => {
      const job = await getImportJob(ctx.database.db, request.params.id);
      if (!job)
        return sendProblem(reply, {
          code: 'IMPORT.NOT_FOUND',
          message: `No import ${request.params.id}`,
        });
      return job;
    },
  );

  api.get(
    '/imports/:id/errors',
    {
      config: { roles: IMPORTERS },
      schema: {
        tags,
        summary: 'The rows an import refused: row, column, code, message (JSON pages or CSV)',
        params: JobParams,
        querystring: ErrorsQuery,
        response: { 200: ShapeOrCsv(ImportErrorsOut) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await getImportJob(ctx.database.db, id)))
        return sendProblem(reply, { code: 'IMPORT.NOT_FOUND', message: `No import ${id}` });
      if (request.query.format === 'csv') {
        const out = new PassThrough();
        void exportRows(allErrors(ctx, id), ERROR_COLUMNS, 'csv', out);
        return reply
          .type('text/csv')
          .header('content-disposition', `attachment; filename="import-${id}-errors.csv"`)
          .send(out);
      }
      const limit = request.query.limit ?? 50;
      const rows = await listImportErrors(
        ctx.database.db,
        id,
        decodeCursor(request.query.cursor),
        limit + 1,
      );
      return pageOf(rows, limit);
    },
  );
}

const ERROR_COLUMNS = ['row', 'column', 'code', 'message'] as const;

async function* allErrors(ctx: AppContext, jobId: number): AsyncIterable<ExportRow> {
  let after: number | undefined;
  for (;;) {
    const page = await listImportErrors(ctx.database.db, jobId, after, 1000);
    for (const e of page) yield { row: e.row, column: e.column, code: e.code, message: e.message };
    if (page.length < 1000) return;
    after = page[page.length - 1]!.id;
  }
}

function registerExport(api: Api, ctx: AppContext) {
  api.get(
    '/exports/:kind',
    {
      // A HEAD would run the whole export to throw its body away.
      exposeHeadRoute: false,
      config: { roles: EXPORTERS },
      schema: {
        tags,
        summary: 'Export a list as CSV or XLSX, in the columns its import reads',
        params: ExportParams,
        querystring: ExportQuery,
        response: { 200: FileOut('The list, in its import columns', 'text/csv', XLSX_MIME) },
      },
    },
    async (request, reply) => {
      const allowed: readonly Role[] = EXPORTERS_BY_KIND[request.params.kind as ExportKind];
      if (!allowed.includes(request.actor.role))
        return sendProblem(reply, {
          code: 'AUTH.FORBIDDEN',
          message: `Role "${request.actor.role}" may not export ${request.params.kind}`,
          details: { allowedRoles: allowed },
        });
      const format = request.query.format ?? 'csv';
      const list = exportList(ctx.database.db, request.params.kind);
      const out = new PassThrough();
      void exportRows(list.rows, list.columns, format, out, request.params.kind).catch(
        (error: unknown) => out.destroy(error as Error),
      );
      return reply
        .type(format === 'xlsx' ? XLSX_MIME : 'text/csv')
        .header('content-disposition', `attachment; filename="${request.params.kind}.${format}"`)
        .send(out);
    },
  );
}
