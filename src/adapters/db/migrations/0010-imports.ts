import { sql, type Kysely, type Migration } from 'kysely';
import { big, notNull, withId, type Ddl } from './columns.js';

/** Bulk imports (CSV/XLSX) with their progress, and the per-row error report. */
export function imports(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(ddl, db.schema.createTable('import_jobs'))
        .addColumn('kind', 'text', notNull)
        .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('csv', 'xlsx')`))
        .addColumn('file_name', 'text', notNull)
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('running', 'done', 'failed')`),
        )
        .addColumn('dry_run', 'integer', notNull)
        .addColumn('rows_read', big, (c) => c.notNull().defaultTo(0))
        .addColumn('rows_imported', big, (c) => c.notNull().defaultTo(0))
        .addColumn('rows_rejected', big, (c) => c.notNull().defaultTo(0))
        .addColumn('progress', 'text', notNull)
        .addColumn('report', 'text')
        .addColumn('failure', 'text')
        .addColumn('actor', 'text', notNull)
        .addColumn('started_at', 'text', notNull)
        .addColumn('finished_at', 'text')
        .execute();

      await withId(ddl, db.schema.createTable('import_errors'))
        .addColumn('job_id', big, (c) => c.notNull().references('import_jobs.id'))
        .addColumn('row_number', big, notNull)
        .addColumn('column_name', 'text')
        .addColumn('code', 'text', notNull)
        .addColumn('message', 'text', notNull)
        .execute();
      await db.schema
        .createIndex('import_errors_job')
        .on('import_errors')
        .columns(['job_id', 'id'])
        .execute();
    },
  };
}
