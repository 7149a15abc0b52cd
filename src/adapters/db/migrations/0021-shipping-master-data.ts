import { sql, type Kysely, type Migration } from 'kysely';
import type { Ddl } from './columns.js';

/**
 * Shipping reads warehouses (the ship-from address) and their standard locations (STAGING,
 * CUSTOMER) from the master-data cache too: changes of
 * those move the master-data version (migration 0012) like order-entry data does. Locations
 * count only on what the cache holds (which warehouse, code and type a location id is): a
 * count's bin lock (`active = active`) and any stock movement leave the version alone.
 */
export function shippingMasterData(ddl: Ddl): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (ddl.dialect === 'postgres') {
        await sql
          .raw(
            `create trigger warehouses_master_data after insert or update or delete or truncate on warehouses for each statement execute function bump_master_data_version()`,
          )
          .execute(db);
        await sql
          .raw(
            `create trigger locations_master_data after insert or delete or truncate on locations for each statement execute function bump_master_data_version()`,
          )
          .execute(db);
        await sql
          .raw(
            `create trigger locations_master_data_update after update of ${LOCATION_COLUMNS} on locations for each statement execute function bump_master_data_version()`,
          )
          .execute(db);
        return;
      }
      for (const op of ['insert', 'update', 'delete']) {
        await sql
          .raw(
            `create trigger warehouses_master_data_${op} after ${op} on warehouses begin ${BUMP} end`,
          )
          .execute(db);
        if (op !== 'update')
          await sql
            .raw(
              `create trigger locations_master_data_${op} after ${op} on locations begin ${BUMP} end`,
            )
            .execute(db);
      }
      await sql
        .raw(
          `create trigger locations_master_data_update after update of ${LOCATION_COLUMNS} on locations begin ${BUMP} end`,
        )
        .execute(db);
    },
  };
}

const LOCATION_COLUMNS = 'warehouse_id, code, type';

/** As migration 0012: a version never seen before, even after a rollback. */
const BUMP =
  'update master_data_version set version = abs(random()) % 9007199254740991 where id = 1;';
