import { fail, ok, type Result } from '../shared/result.js';
import { REAL_LOCATION_TYPES, type RealLocationType } from './location-types.js';

/**
 * Where a bin sits in the building, outermost first: zone A, aisle 03, bay 02, level B,
 * bin 1. Each part is optional, but only from the end: a level needs a bay, a bay an aisle.
 */
export interface LocationHierarchy {
  readonly zone?: string | null;
  readonly aisle?: string | null;
  readonly bay?: string | null;
  readonly level?: string | null;
  readonly bin?: string | null;
}

/** The parts in walking order, with their names (for messages). */
export const HIERARCHY_PARTS = ['zone', 'aisle', 'bay', 'level', 'bin'] as const;

/** A location code: upper-case letters and digits, parts joined by dashes (`A-03-02-B-1`). */
const CODE_PATTERN = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
const PART_PATTERN = /^[A-Z0-9]{1,8}$/;
export const MAX_CODE_LENGTH = 40;

/** Builds the code a label printer and a picker read: the hierarchy joined by dashes. */
export function locationCode(hierarchy: LocationHierarchy): string {
  return HIERARCHY_PARTS.map((part) => hierarchy[part])
    .filter((value): value is string => value != null && value !== '')
    .join('-');
}

/** True when a code is printable on a label and readable aloud: `A-03-02-B-1`, `RECEIVING`. */
export function isValidLocationCode(code: string): boolean {
  return code.length <= MAX_CODE_LENGTH && CODE_PATTERN.test(code);
}

/**
 * Normalises the hierarchy (trimmed, upper case, blanks become null) and checks that each
 * part is 1–8 letters or digits and that no part is set below a missing one.
 */
export function validateHierarchy(
  hierarchy: LocationHierarchy,
): Result<Required<LocationHierarchy>> {
  const normalised: Record<string, string | null> = {};
  let missing: string | undefined;
  for (const part of HIERARCHY_PARTS) {
    const raw = hierarchy[part];
    const value = raw == null || raw.trim() === '' ? null : raw.trim().toUpperCase();
    if (value !== null && !PART_PATTERN.test(value)) {
      return invalid(`The ${part} "${raw}" must be 1–8 letters or digits`, { field: part });
    }
    if (value !== null && missing) {
      return invalid(`A location with a ${part} needs a ${missing} too`, { field: missing });
    }
    if (value === null && !missing) missing = part;
    normalised[part] = value;
  }
  return ok(normalised as Required<LocationHierarchy>);
}

/** A grid position for the default pick path; all numbers are 1-based. */
export interface GridSlot {
  readonly aisle: number;
  readonly bay: number;
  readonly level: number;
  readonly bin?: number;
}

/** The size of the block being walked; `firstAisle` is the aisle the walk starts in. */
export interface GridSize {
  readonly bays: number;
  readonly levels: number;
  readonly binsPerLevel?: number;
  readonly firstAisle?: number;
}

/**
 * The default pick sequence: a serpentine walk. A picker goes up odd aisles (bay 1 first)
 * and back down even aisles (last bay first), so no aisle is walked twice; within a bay,
 * levels bottom to top, then bins left to right. `start` is the sequence of the first slot.
 */
export function serpentinePickSequence(slot: GridSlot, grid: GridSize, start = 1): number {
  const bins = grid.binsPerLevel ?? 1;
  const aisleStep = slot.aisle - (grid.firstAisle ?? 1);
  const bayStep = slot.aisle % 2 === 1 ? slot.bay - 1 : grid.bays - slot.bay;
  const binStep = (slot.bin ?? 1) - 1;
  return (
    start + ((aisleStep * grid.bays + bayStep) * grid.levels + (slot.level - 1)) * bins + binStep
  );
}

/** What a new real location looks like once checked: code, hierarchy, type and capacity. */
export interface ValidLocation extends Required<LocationHierarchy> {
  readonly code: string;
  readonly type: RealLocationType;
  readonly capacityUnits: number | null;
}

/** A request for a new location: an explicit code, or one built from the hierarchy. */
export interface LocationDraft extends LocationHierarchy {
  readonly code?: string | null;
  readonly type: string;
  readonly capacityUnits?: number | null;
}

/**
 * Checks a new location. Only real types may be created here: the virtual ones (supplier,
 * customer, adjustment, scrap, in transit) exist once per warehouse, made with it, so the
 * ledger always has exactly one other side to post to.
 */
export function validateNewLocation(draft: LocationDraft): Result<ValidLocation> {
  const type = validateRealType(draft.type);
  if (!type.ok) return type;
  const capacity = validateCapacity(draft.capacityUnits ?? null);
  if (!capacity.ok) return capacity;
  const hierarchy = validateHierarchy(draft);
  if (!hierarchy.ok) return hierarchy;
  const code = draft.code?.trim().toUpperCase() || locationCode(hierarchy.value);
  if (code === '') return invalid('A location needs a code or at least a zone', { field: 'code' });
  if (!isValidLocationCode(code)) {
    return invalid(
      `The code "${code}" must be up to ${MAX_CODE_LENGTH} letters or digits, parts joined by "-"`,
      {
        field: 'code',
      },
    );
  }
  return ok({ ...hierarchy.value, code, type: type.value, capacityUnits: capacity.value });
}

/** A location may only be a real type: virtual ones are created with the warehouse. */
export function validateRealType(type: string): Result<RealLocationType> {
  if (!(REAL_LOCATION_TYPES as readonly string[]).includes(type)) {
    return invalid(`"${type}" is not a type of real location (${REAL_LOCATION_TYPES.join(', ')})`, {
      field: 'type',
    });
  }
  return ok(type as RealLocationType);
}

/** Capacity is a positive whole number of base units, or null for "not limited". */
export function validateCapacity(capacityUnits: number | null): Result<number | null> {
  if (capacityUnits === null) return ok(null);
  if (!Number.isSafeInteger(capacityUnits) || capacityUnits <= 0) {
    return invalid('Capacity must be a positive whole number of base units, or null', {
      field: 'capacityUnits',
    });
  }
  return ok(capacityUnits);
}

/**
 * A barcode as scanned: 1–64 printable ASCII characters without spaces (Code 128 covers
 * them all). Labels already on the racking are kept as they are, so case is not changed.
 */
export function validateBarcode(barcode: string): Result<string> {
  if (!/^[\x21-\x7E]{1,64}$/.test(barcode)) {
    return invalid('A barcode is 1–64 printable characters without spaces', { field: 'barcode' });
  }
  return ok(barcode);
}

function invalid<T>(message: string, details: Record<string, unknown>): Result<T> {
  return fail('WAREHOUSE.INVALID_LOCATION', message, details);
}
