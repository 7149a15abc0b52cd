import type { Migration } from 'kysely';
import type { Ddl } from './columns.js';
import { foundation } from './0001-foundation.js';
import { sales } from './0002-sales.js';
import { fulfillment } from './0003-fulfillment.js';

/** Every migration, in order. Names sort; never rename or edit one that has shipped. */
export function allMigrations(ddl: Ddl): Record<string, Migration> {
  return {
    '0001-foundation': foundation(ddl),
    '0002-sales': sales(ddl),
    '0003-fulfillment': fulfillment(ddl),
  };
}
