import { fail, ok, type Result } from '../shared/result.js';
import { statusOfLocationType, type PlaceFacts, type StockStatus } from './movement.js';

/**
 * Checks a change of stock status. Status lives in the type of location that holds the stock:
 * quarantining moves it into a quarantine location, releasing moves it back to a sellable bin.
 */
export function checkStatusChange(
  from: PlaceFacts,
  to: PlaceFacts,
  status: StockStatus,
): Result<void> {
  if (from.virtual || to.virtual)
    return fail('INVENTORY.VIRTUAL_LOCATION', 'Status changes are between real locations');
  if (from.warehouseId !== to.warehouseId) {
    return fail('INVENTORY.OTHER_WAREHOUSE', 'A status change stays in one warehouse');
  }
  if (statusOfLocationType(to.type) !== status) {
    return fail(
      'INVENTORY.WRONG_LOCATION_TYPE',
      `Location ${to.code} (${to.type}) does not hold ${status} stock`,
      {
        locationType: to.type,
      },
    );
  }
  if (statusOfLocationType(from.type) === status) {
    return fail('INVENTORY.SAME_STATUS', `Stock at ${from.code} is already ${status}`);
  }
  if (!to.active) return fail('INVENTORY.LOCATION_INACTIVE', `Location ${to.code} is inactive`);
  return ok(undefined);
}
