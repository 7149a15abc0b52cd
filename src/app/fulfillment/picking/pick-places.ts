import type { Tx } from '../../../adapters/db/database.js';
import { mayGoNegative, type LocationType } from '../../../core/inventory/location-types.js';
import type { LedgerPlace } from '../../inventory/ledger.js';
import { standardPlace } from '../../inventory/stock-facts.js';

/** What the task's one read brings of its bin and its warehouse's STAGING (pick-task-load.ts). */
export interface TaskPlaces {
  location_id: number;
  warehouse_id: number;
  location_type: string;
  staging_id: number | null;
}

/** The bin the units leave, as the ledger posts from it. */
export function binPlace(task: TaskPlaces): LedgerPlace {
  return {
    id: task.location_id,
    warehouseId: task.warehouse_id,
    mayGoNegative: mayGoNegative(task.location_type as LocationType),
  };
}

/** The warehouse's STAGING, as read with the task (looked up, with its error, if missing). */
export async function stagingPlace(trx: Tx, task: TaskPlaces): Promise<LedgerPlace> {
  if (task.staging_id === null) return standardPlace(trx, task.warehouse_id, 'staging');
  return {
    id: task.staging_id,
    warehouseId: task.warehouse_id,
    mayGoNegative: mayGoNegative('staging'),
  };
}
