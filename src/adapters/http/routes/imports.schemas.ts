import { Type } from 'typebox';
import { IMPORT_KINDS } from '../../../core/imports/import-kinds.js';
import { EXPORT_KINDS } from '../../../app/imports/export-lists.js';
import { PageQuery } from '../pagination.js';

/** The largest file one request may carry (raw CSV or XLSX body); 500,000 rows fit. */
export const IMPORT_BODY_LIMIT = 256 * 1024 * 1024;

export const ImportParams = Type.Object({
  kind: Type.Union(IMPORT_KINDS.map((k) => Type.Literal(k))),
});

export const ImportQuery = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean({ default: false })),
    fileName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const JobParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ErrorsQuery = Type.Object(
  {
    ...PageQuery,
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  },
  { additionalProperties: false },
);

export const ExportParams = Type.Object({
  kind: Type.Union(EXPORT_KINDS.map((k) => Type.Literal(k))),
});

export const ExportQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')])) },
  { additionalProperties: false },
);

const Progress = Type.Object({
  rows: Type.Integer(),
  bytes: Type.Integer(),
  totalBytes: Type.Union([Type.Integer(), Type.Null()]),
});

export const ImportJobOut = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  format: Type.String(),
  fileName: Type.String(),
  status: Type.String({ description: 'running, done or failed' }),
  dryRun: Type.Boolean(),
  rowsRead: Type.Integer(),
  rowsImported: Type.Integer(),
  rowsRejected: Type.Integer(),
  progress: Progress,
  report: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  failure: Type.Union([Type.String(), Type.Null()]),
  actor: Type.String(),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
