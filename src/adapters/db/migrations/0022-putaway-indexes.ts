import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Put-away finds its bins by index instead of reading the warehouse per received line:
 * storage bins along the pick path (the walk for empty bins stops at the few it needs), and
 * open tasks by the bin they bring goods to (what a bin is already promised).
 */
export function putawayIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('locations_pick_path')
        .on('locations')
        .columns(['warehouse_id', 'type', 'pick_sequence', 'id'])
        .execute();
      await db.schema
        .createIndex('move_tasks_open_by_bin')
        .on('move_tasks')
        .column('suggested_location_id')
        .where(sql.ref('status'), '=', sql.lit('open'))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('move_tasks_open_by_bin').execute();
      await db.schema.dropIndex('locations_pick_path').execute();
    },
  };
}
