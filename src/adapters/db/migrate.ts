import { Migrator, type MigrationResultSet } from 'kysely';
import type { Database } from './database.js';
import { allMigrations } from './migrations/index.js';

/** Brings the schema up to date. Safe to run at every start and from `stockline migrate`. */
export async function migrateToLatest(database: Database): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: database.writer as never,
    // Without the schema, Kysely's "does the lock table exist" check looks across all schemas
    // and a neighbour's tables (another test run, another tenant) would fool it.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
    provider: { getMigrations: async () => allMigrations({ dialect: database.dialect }) },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
