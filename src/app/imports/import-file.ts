import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { formatOf, type FileFormat, type ImportKind } from '../../core/imports/import-kinds.js';
import type { Actor } from '../../core/shared/roles.js';
import type { AppContext } from '../context.js';
import type { ImportJobView, ImportProgress } from './import-jobs.js';
import { customersHandler, productsHandler, suppliersHandler } from './master-data-imports.js';
import { onlineRetailHandler } from './online-retail-import.js';
import { ordersHandler } from './order-imports.js';
import { runImport, type RowHandler } from './run-import.js';
import { openingStockHandler, priceListsHandler } from './stock-price-imports.js';

/** One import request: what the rows are, in which format, and who asked. */
export interface ImportRequest {
  kind: ImportKind;
  format: FileFormat;
  fileName: string;
  dryRun: boolean;
  actor: Actor;
  input: Readable;
  totalBytes?: number | null | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  onStarted?: ((jobId: number) => void) | undefined;
}

/** The handler that understands and writes one kind of row. */
function handlerFor(ctx: AppContext, kind: ImportKind, actor: Actor): RowHandler<never> {
  const handlers: Record<ImportKind, () => RowHandler<never>> = {
    products: () => productsHandler(ctx) as RowHandler<never>,
    customers: () => customersHandler(ctx) as RowHandler<never>,
    suppliers: () => suppliersHandler(ctx) as RowHandler<never>,
    opening_stock: () => openingStockHandler(ctx, actor.id) as RowHandler<never>,
    price_lists: () => priceListsHandler(ctx) as RowHandler<never>,
    orders: () => ordersHandler(ctx, actor) as RowHandler<never>,
    online_retail: () => onlineRetailHandler(ctx, actor.id) as RowHandler<never>,
  };
  return handlers[kind]();
}

/**
 * Imports one file of one kind (see docs/IMPORTS.md for the columns), streaming, in batches,
 * with a job row that shows progress and, at the end, the report. Resolves when the file is
 * done; the job says whether it was `done` or `failed`.
 */
export function importStream(ctx: AppContext, request: ImportRequest): Promise<ImportJobView> {
  return runImport(
    ctx,
    {
      kind: request.kind,
      format: request.format,
      fileName: request.fileName,
      dryRun: request.dryRun,
      actor: request.actor.id,
    },
    {
      input: request.input,
      totalBytes: request.totalBytes,
      onProgress: request.onProgress,
      onStarted: request.onStarted,
    },
    handlerFor(ctx, request.kind, request.actor),
  );
}

/** A file on disk: format from its name, gunzipped when it ends in .gz. */
export function importFile(
  ctx: AppContext,
  kind: ImportKind,
  file: string,
  options: {
    dryRun?: boolean;
    actor: Actor;
    onProgress?: (progress: ImportProgress) => void;
  },
): Promise<ImportJobView> {
  const gzipped = file.endsWith('.gz');
  const raw = fs.createReadStream(file);
  return importStream(ctx, {
    kind,
    format: formatOf(file.replace(/\.gz$/, '')),
    fileName: path.basename(file),
    dryRun: options.dryRun ?? false,
    actor: options.actor,
    input: gzipped ? raw.pipe(createGunzip()) : raw,
    // Progress counts bytes after gunzip; the size on disk would mislead, so none is given.
    totalBytes: gzipped ? null : fs.statSync(file).size,
    onProgress: options.onProgress,
  });
}

/** The system actor imports run as when no API key is involved (CLI, jobs). */
export const IMPORT_ACTOR: Actor = { id: 'import', role: 'admin', customerId: null, apiKeyId: 0 };

/** The UCI online-retail file (gzip CSV or plain) as customers, products and historical orders. */
export function importOnlineRetail(
  ctx: AppContext,
  file: string,
  options: { dryRun?: boolean; actor?: Actor; onProgress?: (p: ImportProgress) => void } = {},
): Promise<ImportJobView> {
  return importFile(ctx, 'online_retail', file, {
    ...options,
    actor: options.actor ?? IMPORT_ACTOR,
  });
}
