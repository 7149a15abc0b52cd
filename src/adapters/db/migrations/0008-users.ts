import type { Kysely, Migration } from 'kysely';
import { big, notNull, withId, type Ddl } from './columns.js';

/** People who sign in to the web app, and their browser sessions. */
export function users(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(ddl, db.schema.createTable('users'))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', notNull)
        .addColumn('role', 'text', notNull)
        .addColumn('customer_id', big, (c) => c.references('customers.id'))
        .addColumn('password_hash', 'text', notNull)
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', notNull)
        .addColumn('last_sign_in_at', 'text')
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', big, (c) => c.notNull().references('users.id'))
        .addColumn('csrf_token', 'text', notNull)
        .addColumn('expires_at', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    },
  };
}
