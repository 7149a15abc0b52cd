import { fail, ok, type Result } from '../shared/result.js';

/** Why stock moved. Each is one kind of business event in the ledger. */
export const MOVEMENT_TYPES = [
  'receipt',
  'adjustment',
  'move',
  'transfer_out',
  'transfer_in',
  'status_change',
  'pick',
  'ship',
  'return',
  'putaway',
  'replenish',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** Adjustments must say why; these reasons feed shrinkage and accuracy reports. */
export const ADJUSTMENT_REASONS = [
  'count',
  'damaged',
  'expired',
  'found',
  'lost',
  'theft',
  'sample',
  'correction',
  'opening_balance',
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** Stock status as the ledger sees it: decided by the type of location that holds it. */
export const STOCK_STATUSES = ['available', 'quarantine', 'damaged'] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

/** Largest quantity one movement may carry: far beyond any pallet, well inside 2^53. */
export const MAX_MOVEMENT_QUANTITY = 1_000_000_000;

export function checkQuantity(quantity: number): Result<number> {
  if (!Number.isSafeInteger(quantity) || quantity <= 0 || quantity > MAX_MOVEMENT_QUANTITY) {
    return fail(
      'INVENTORY.INVALID_QUANTITY',
      `Quantity must be a whole number of base units from 1 to ${MAX_MOVEMENT_QUANTITY}`,
      { quantity },
    );
  }
  return ok(quantity);
}

/** A lot-tracked SKU cannot move without a lot; an untracked one cannot carry one. */
export function checkLotRule(
  sku: { code: string; lotTracked: boolean },
  lotCode: string | undefined,
): Result<void> {
  if (sku.lotTracked && !lotCode) {
    return fail('INVENTORY.LOT_REQUIRED', `SKU ${sku.code} is lot-tracked: give the lot code`, {
      sku: sku.code,
    });
  }
  if (!sku.lotTracked && lotCode) {
    return fail(
      'INVENTORY.LOT_NOT_TRACKED',
      `SKU ${sku.code} is not lot-tracked: send no lot code`,
      { sku: sku.code },
    );
  }
  return ok(undefined);
}

export interface PlaceFacts {
  id: number;
  warehouseId: number;
  code: string;
  type: string;
  virtual: boolean;
  active: boolean;
}

/** A physical move between two bins of one warehouse. */
export function checkBinMove(from: PlaceFacts, to: PlaceFacts): Result<void> {
  if (from.id === to.id)
    return fail('INVENTORY.SAME_LOCATION', 'From and to are the same location');
  if (from.virtual || to.virtual) {
    return fail(
      'INVENTORY.VIRTUAL_LOCATION',
      'Moves are between real locations; use receipts, adjustments or transfers for the rest',
    );
  }
  if (from.warehouseId !== to.warehouseId) {
    return fail(
      'INVENTORY.OTHER_WAREHOUSE',
      'Both locations must be in one warehouse; use a transfer between warehouses',
    );
  }
  return checkActive(to);
}

/** Stock may only be put into active, real locations. */
export function checkPutInto(to: PlaceFacts): Result<void> {
  if (to.virtual)
    return fail(
      'INVENTORY.VIRTUAL_LOCATION',
      `Location ${to.code} is virtual: stock cannot be put there`,
    );
  return checkActive(to);
}

function checkActive(to: PlaceFacts): Result<void> {
  if (!to.active) return fail('INVENTORY.LOCATION_INACTIVE', `Location ${to.code} is inactive`);
  return ok(undefined);
}

/** The status a location type gives to the stock in it. */
export function statusOfLocationType(type: string): StockStatus | undefined {
  if (type === 'quarantine') return 'quarantine';
  if (type === 'damaged') return 'damaged';
  if (type === 'storage' || type === 'pick_face') return 'available';
  return undefined;
}

/** A date as `YYYY-MM-DD` that exists in the calendar. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
