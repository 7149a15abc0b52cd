import type { Kysely, Migration } from 'kysely';

/**
 * Stock-day rows are read by SKU × warehouse pair (the primary key), never by day alone: the
 * refresh reads the rows of the pairs it touches, and a report finds each pair's last day
 * through its latest position. The index on `day` alone cost a third of the time a refresh
 * spends writing day rows (about 300k for a year of a million movements); the positions get an
 * index on `day` instead (one row per pair), to find the pairs with rows after a day.
 */
export function stockDayPairReads(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('kpi_stock_days_day').execute();
      await db.schema
        .createIndex('kpi_stock_positions_day')
        .on('kpi_stock_positions')
        .column('day')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('kpi_stock_positions_day').execute();
      await db.schema
        .createIndex('kpi_stock_days_day')
        .on('kpi_stock_days')
        .column('day')
        .execute();
    },
  };
}
