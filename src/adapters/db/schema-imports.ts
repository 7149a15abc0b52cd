import type { Generated } from 'kysely';

/**
 * One import of a file: what kind of rows, how far it got, and its outcome. A dry run has a
 * job and its errors but writes nothing else. rows_imported + rows_rejected = rows_read.
 */
export interface ImportJobTable {
  id: Generated<number>;
  /** products, opening_stock, customers, price_lists, suppliers, orders, online_retail */
  kind: string;
  /** csv or xlsx */
  format: string;
  file_name: string;
  /** running, done, failed */
  status: string;
  dry_run: number;
  rows_read: Generated<number>;
  rows_imported: Generated<number>;
  rows_rejected: Generated<number>;
  /** JSON: { rows, bytes?, totalBytes? } as the import goes, for progress bars. */
  progress: string;
  /** JSON: the kind's report (counts by reason, what was created) once done. */
  report: string | null;
  /** Why a whole job failed (an unreadable file), as opposed to rejected rows. */
  failure: string | null;
  actor: string;
  started_at: string;
  finished_at: string | null;
}

/** One refused row (or one problem in a row): where, and the stable code and message. */
export interface ImportErrorTable {
  id: Generated<number>;
  job_id: number;
  /** 1-based data row number (the header is row 0). */
  row_number: number;
  column_name: string | null;
  code: string;
  message: string;
}

export interface ImportTables {
  import_jobs: ImportJobTable;
  import_errors: ImportErrorTable;
}
