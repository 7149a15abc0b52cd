import type { Kysely, Migration } from 'kysely';
import type { Ddl } from './columns.js';

/** Placeholder: the issue that owns this area adds its tables here. */
export function imports(ddl: Ddl): Migration {
  void ddl;
  return {
    async up(db: Kysely<unknown>) {
      void db;
    },
  };
}
