/** An import job as GET /imports/{id} reports it; every field read defensively. */
export interface ImportJob {
  id: number;
  kind?: string;
  fileName?: string;
  status?: string;
  dryRun?: boolean;
  rowsRead?: number;
  rowsImported?: number;
  rowsRejected?: number;
  progress?: { rows?: number; bytes?: number; totalBytes?: number | null } | null;
  failure?: string | null;
}

export const IMPORT_KINDS = [
  ['products', 'Products (SKUs)'],
  ['customers', 'Customers'],
  ['opening_stock', 'Opening stock'],
  ['price_lists', 'Price lists'],
  ['suppliers', 'Suppliers'],
  ['orders', 'Orders'],
  ['online_retail', 'Online retail history'],
] as const;

/** Still working: anything the server has not called finished (done or failed). */
export function isRunning(job: ImportJob): boolean {
  return job.status !== 'done' && job.status !== 'failed';
}

/**
 * How far the job is, 0…1, from bytes read of the file's size; null when the server gives no
 * size (the bar then shows activity, not a share). Never goes past 1 or backwards past 0.
 */
export function fractionDone(job: ImportJob): number | null {
  if (!isRunning(job)) return 1;
  const total = job.progress?.totalBytes;
  const read = job.progress?.bytes;
  if (typeof total !== 'number' || total <= 0 || typeof read !== 'number') return null;
  return Math.min(1, Math.max(0, read / total));
}

/** Next poll delay: quick while answers come, backing off (to 5 s) while they do not. */
export function nextDelayMs(failuresInARow: number): number {
  return Math.min(5000, 500 * 2 ** failuresInARow);
}
