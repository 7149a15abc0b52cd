import { Migrator, type MigrationResultSet } from 'kysely';
import type { Database } from './database.js';
import { allMigrations } from './migrations/index.js';

/** Brings the schema up to date. Safe to run at every start and from `stockline migrate`. */
export async function migrateToLatest(database: Database): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: database.writer as never,
    provider: { getMigrations: async () => allMigrations({ dialect: database.dialect }) },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
