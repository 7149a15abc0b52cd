import type { Updateable } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { LocationTable } from '../../adapters/db/schema.js';
import { validateCapacity, validateRealType } from '../../core/inventory/location-code.js';
import { STANDARD_LOCATIONS } from '../../core/inventory/location-types.js';
import { FailureError, must } from '../../core/shared/result.js';
import { locationNotFound } from './warehouse-failures.js';
import { locationView, type LocationRow, type LocationView } from './warehouse-views.js';

/** What may change on a location once it exists. Code, hierarchy and barcode are the label: they stay. */
export interface LocationChanges {
  pickSequence?: number;
  capacityUnits?: number | null;
  active?: boolean;
  type?: string;
}

/**
 * Changes a real location: its place on the pick path, its capacity, whether it is in use,
 * or its type (e.g. a storage bay turned pick face). Virtual locations are the ledger's other
 * side and are never changed; the standard real ones (receiving, quarantine…) keep their
 * type and stay active, because the flows that post to them find them by it.
 */
export async function updateLocation(
  trx: Tx,
  locationId: number,
  changes: LocationChanges,
): Promise<LocationView> {
  const current = await trx
    .selectFrom('locations')
    .selectAll()
    .where('id', '=', locationId)
    .executeTakeFirst();
  if (!current) throw locationNotFound(String(locationId));
  refuseLockedChange(current, changes);
  const set: Updateable<LocationTable> = {};
  if (changes.type !== undefined) set.type = must(validateRealType(changes.type));
  if (changes.capacityUnits !== undefined)
    set.capacity_units = must(validateCapacity(changes.capacityUnits));
  if (changes.pickSequence !== undefined) {
    if (!Number.isSafeInteger(changes.pickSequence) || changes.pickSequence < 0) {
      throw invalid('A pick sequence is a whole number from 0', 'pickSequence');
    }
    set.pick_sequence = changes.pickSequence;
  }
  if (changes.active !== undefined) {
    if (!changes.active && current.active === 1) await refuseIfHoldingStock(trx, locationId);
    set.active = changes.active ? 1 : 0;
  }
  if (Object.keys(set).length === 0) return locationView(current);
  const row = await trx
    .updateTable('locations')
    .set(set)
    .where('id', '=', locationId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return locationView(row);
}

function refuseLockedChange(current: LocationRow, changes: LocationChanges): void {
  if (current.virtual === 1) {
    throw new FailureError({
      code: 'WAREHOUSE.VIRTUAL_LOCATION_LOCKED',
      message: `${current.code} is a virtual location of the ledger and cannot be changed`,
    });
  }
  const standard = STANDARD_LOCATIONS.some(
    (s) => s.code === current.code && s.type === current.type,
  );
  const retyped = changes.type !== undefined && changes.type !== current.type;
  if (standard && (retyped || changes.active === false)) {
    throw new FailureError({
      code: 'WAREHOUSE.STANDARD_LOCATION_LOCKED',
      message: `${current.code} is a standard location: its type stays ${current.type} and it stays active`,
    });
  }
}

/** A bin with stock (or stock promised to orders) cannot be switched off: move the stock first. */
async function refuseIfHoldingStock(trx: Tx, locationId: number): Promise<void> {
  const holding = await trx
    .selectFrom('stock_balances')
    .select('sku_id')
    .where('location_id', '=', locationId)
    .where((eb) => eb.or([eb('on_hand', '<>', 0), eb('allocated', '<>', 0)]))
    .limit(1)
    .executeTakeFirst();
  if (holding) {
    throw new FailureError({
      code: 'WAREHOUSE.LOCATION_NOT_EMPTY',
      message: 'The location still holds stock; move it out before deactivating the location',
    });
  }
}

function invalid(message: string, field: string): FailureError {
  return new FailureError({ code: 'WAREHOUSE.INVALID_LOCATION', message, details: { field } });
}
