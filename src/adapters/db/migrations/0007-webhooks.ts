import { sql, type Kysely, type Migration } from 'kysely';
import { big, notNull, withId, type Ddl } from './columns.js';

/** Webhook endpoints and deliveries fanned out from the outbox; per-sink outbox watermarks. */
export function webhooks(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(ddl, db.schema.createTable('webhook_endpoints'))
        .addColumn('url', 'text', notNull)
        .addColumn('description', 'text')
        .addColumn('event_types', 'text', notNull)
        .addColumn('secret', 'text', notNull)
        .addColumn('previous_secret', 'text')
        .addColumn('previous_secret_expires_at', 'text')
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('active', 'disabled')`),
        )
        .addColumn('disabled_reason', 'text')
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .execute();

      await withId(ddl, db.schema.createTable('webhook_deliveries'))
        .addColumn('endpoint_id', big, (c) =>
          c.notNull().references('webhook_endpoints.id').onDelete('cascade'),
        )
        .addColumn('outbox_id', big, (c) => c.notNull().references('outbox_events.id'))
        .addColumn('event_id', 'text', notNull)
        .addColumn('event_type', 'text', notNull)
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('pending', 'delivering', 'succeeded', 'dead')`),
        )
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', notNull)
        .addColumn('lease_holder', 'text')
        .addColumn('lease_expires_at', 'text')
        .addColumn('last_attempt_at', 'text')
        .addColumn('last_status_code', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('created_at', 'text', notNull)
        // Fan-out inserts with ON CONFLICT DO NOTHING: exactly one row per endpoint × event.
        .addUniqueConstraint('webhook_deliveries_once', ['endpoint_id', 'outbox_id'])
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_due')
        .on('webhook_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_endpoint')
        .on('webhook_deliveries')
        .columns(['endpoint_id', 'status', 'id'])
        .execute();

      await db.schema
        .createTable('outbox_sinks')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('last_outbox_id', big, (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', notNull)
        .execute();
    },
  };
}
