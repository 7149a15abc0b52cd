import type { Insertable } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { LocationTable } from '../../adapters/db/schema.js';
import { planBinLayout, type BinLayoutSpec } from '../../core/inventory/bin-layout.js';
import {
  validateBarcode,
  validateNewLocation,
  type LocationDraft,
} from '../../core/inventory/location-code.js';
import { fail, must } from '../../core/shared/result.js';
import { insertOr, locationAlreadyExists, warehouseNotFound } from './warehouse-failures.js';
import { locationView, type LocationView } from './warehouse-views.js';

/** One new real location: a bin, a pick face, a dock door, a quarantine cage. */
export interface NewLocation extends LocationDraft {
  /** The label on the racking; default `<WH>-<code>`. Unique across all warehouses. */
  barcode?: string | null;
  /** Place on the pick path; default the end of the warehouse's current walk. */
  pickSequence?: number;
}

/** A layout request: the grid, and optionally where its walk starts on the pick path. */
export interface LayoutRequest extends BinLayoutSpec {
  pickSequenceStart?: number;
}

/** What a layout made: how many bins, and the first and last on the walk. */
export interface LayoutResult {
  warehouseId: number;
  created: number;
  first: { code: string; pickSequence: number };
  last: { code: string; pickSequence: number };
}

/** Rows per INSERT, and codes per `in (…)`: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

/** Creates one real location in a warehouse. Runs inside the caller's unit of work. */
export async function createLocation(
  trx: Tx,
  warehouseId: number,
  input: NewLocation,
  now: Date,
): Promise<LocationView> {
  const warehouse = await loadWarehouseCode(trx, warehouseId);
  const location = must(validateNewLocation(input));
  const barcode = must(
    validateBarcode(input.barcode?.trim() || `${warehouse.code}-${location.code}`),
  );
  if (
    input.pickSequence !== undefined &&
    (!Number.isSafeInteger(input.pickSequence) || input.pickSequence < 0)
  ) {
    must(
      fail('WAREHOUSE.INVALID_LOCATION', 'A pick sequence is a whole number from 0', {
        field: 'pickSequence',
      }),
    );
  }
  await refuseTakenCodes(trx, warehouseId, [location.code]);
  const taken = await trx
    .selectFrom('locations')
    .select('code')
    .where('barcode', '=', barcode)
    .executeTakeFirst();
  if (taken)
    throw locationAlreadyExists(`Barcode ${barcode} is already on another location`, { barcode });
  const pickSequence = input.pickSequence ?? (await nextPickSequence(trx, warehouseId));
  const row = await insertOr(
    () =>
      trx
        .insertInto('locations')
        .values({
          ...locationRow(warehouseId, location, now),
          barcode,
          pick_sequence: pickSequence,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    () => locationAlreadyExists(`Location ${location.code} or barcode ${barcode} already exists`),
  );
  return locationView(row);
}

/**
 * Creates a whole block of storage bins or pick faces in one transaction: either every bin
 * exists afterwards or none does, so a layout that overlaps an existing one can simply be
 * corrected and sent again.
 */
export async function createBinLayout(
  trx: Tx,
  warehouseId: number,
  request: LayoutRequest,
  now: Date,
): Promise<LayoutResult> {
  const warehouse = await loadWarehouseCode(trx, warehouseId);
  const start = request.pickSequenceStart ?? (await nextPickSequence(trx, warehouseId));
  const bins = must(planBinLayout(request, start));
  await refuseTakenCodes(
    trx,
    warehouseId,
    bins.map((b) => b.code),
  );
  // Barcode clashes (with another warehouse's labels) are left to the unique constraint:
  // they are rare, and the whole layout rolls back when one happens.
  for (let i = 0; i < bins.length; i += CHUNK) {
    const rows = bins.slice(i, i + CHUNK).map((bin) => ({
      ...locationRow(warehouseId, bin, now),
      barcode: `${warehouse.code}-${bin.code}`,
      pick_sequence: bin.pickSequence,
    }));
    await insertOr(
      () => trx.insertInto('locations').values(rows).execute(),
      () =>
        locationAlreadyExists(
          'A barcode in this layout is already on another location; nothing was created',
        ),
    );
  }
  const first = bins[0]!;
  const last = bins[bins.length - 1]!;
  return {
    warehouseId,
    created: bins.length,
    first: { code: first.code, pickSequence: first.pickSequence },
    last: { code: last.code, pickSequence: last.pickSequence },
  };
}

type ValidRow = Pick<NewLocation, 'zone' | 'aisle' | 'bay' | 'level' | 'bin'> & {
  code: string;
  type: string;
  capacityUnits: number | null;
};

function locationRow(
  warehouseId: number,
  location: ValidRow,
  now: Date,
): Omit<Insertable<LocationTable>, 'barcode' | 'pick_sequence'> {
  return {
    warehouse_id: warehouseId,
    code: location.code,
    type: location.type,
    virtual: 0,
    zone: location.zone ?? null,
    aisle: location.aisle ?? null,
    bay: location.bay ?? null,
    level: location.level ?? null,
    bin: location.bin ?? null,
    capacity_units: location.capacityUnits,
    active: 1,
    created_at: now.toISOString(),
  };
}

async function loadWarehouseCode(trx: Tx, warehouseId: number): Promise<{ code: string }> {
  const warehouse = await trx
    .selectFrom('warehouses')
    .select('code')
    .where('id', '=', warehouseId)
    .executeTakeFirst();
  if (!warehouse) throw warehouseNotFound(warehouseId);
  return warehouse;
}

/** Fails, naming the first few, when any of these codes is already used in the warehouse. */
async function refuseTakenCodes(trx: Tx, warehouseId: number, codes: string[]): Promise<void> {
  for (let i = 0; i < codes.length; i += CHUNK) {
    const taken = await trx
      .selectFrom('locations')
      .select('code')
      .where('warehouse_id', '=', warehouseId)
      .where('code', 'in', codes.slice(i, i + CHUNK))
      .orderBy('code')
      .limit(10)
      .execute();
    if (taken.length > 0) {
      const list = taken.map((t) => t.code);
      throw locationAlreadyExists(
        `Location ${list.join(', ')} already exists in this warehouse; nothing was created`,
        {
          codes: list,
        },
      );
    }
  }
}

/** The next free place at the end of the warehouse's pick walk. */
async function nextPickSequence(trx: Tx, warehouseId: number): Promise<number> {
  const row = await trx
    .selectFrom('locations')
    .select((eb) => eb.fn.max('pick_sequence').as('last'))
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}
