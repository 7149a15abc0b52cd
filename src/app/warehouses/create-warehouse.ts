import type { Tx } from '../../adapters/db/database.js';
import { STANDARD_LOCATIONS, isVirtual } from '../../core/inventory/location-types.js';
import { FailureError, fail, must, ok, type Result } from '../../core/shared/result.js';
import { insertOr, locationAlreadyExists } from './warehouse-failures.js';
import { warehouseView, type WarehouseView } from './warehouse-views.js';

/** A new warehouse as a client sends it. */
export interface NewWarehouse {
  code: string;
  name: string;
  /** IANA zone (`America/Chicago`): cut-offs and "today" for the building are in its local time. */
  timeZone: string;
  address: {
    line1: string;
    line2?: string | null;
    city: string;
    region?: string | null;
    postalCode: string;
    country: string;
  };
}

const WAREHOUSE_CODE = /^[A-Z0-9][A-Z0-9-]{1,11}$/;

/**
 * Returns the canonical IANA name of a time zone (`europe/london` → `Europe/London`), or
 * undefined when the runtime's time-zone database does not know it.
 */
export function canonicalTimeZone(timeZone: string): string | undefined {
  // Newer runtimes also accept offsets (`+05:00`); a building's clock follows a named zone's DST rules.
  if (timeZone.trim() === '' || /^[+-]/.test(timeZone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Checks and normalises a new warehouse: an upper-case code of 2–12 characters, a known time zone. */
export function validateWarehouse(input: NewWarehouse): Result<NewWarehouse> {
  const code = input.code.trim().toUpperCase();
  if (!WAREHOUSE_CODE.test(code)) {
    return fail(
      'WAREHOUSE.INVALID_CODE',
      'A warehouse code is 2–12 letters, digits or dashes, e.g. "CHI1"',
      {
        field: 'code',
      },
    );
  }
  const timeZone = canonicalTimeZone(input.timeZone);
  if (!timeZone) {
    return fail(
      'WAREHOUSE.INVALID_TIME_ZONE',
      `"${input.timeZone}" is not an IANA time zone such as "America/Chicago"`,
      {
        field: 'timeZone',
      },
    );
  }
  return ok({ ...input, code, timeZone, name: input.name.trim() });
}

/**
 * Creates a warehouse and, in the same transaction, its standard locations: the virtual
 * ones the ledger posts against (supplier, customer, adjustment, scrap, in transit) and the
 * real docks and holding areas every building has. Real ones get a barcode `<WH>-<CODE>`
 * so they can be scanned from day one. Runs inside the caller's unit of work.
 */
export async function createWarehouse(
  trx: Tx,
  input: NewWarehouse,
  now: Date,
): Promise<WarehouseView> {
  const warehouse = must(validateWarehouse(input));
  const exists = await trx
    .selectFrom('warehouses')
    .select('id')
    .where('code', '=', warehouse.code)
    .executeTakeFirst();
  if (exists) throw alreadyExists(warehouse.code);
  const createdAt = now.toISOString();
  const row = await insertOr(
    () =>
      trx
        .insertInto('warehouses')
        .values({
          code: warehouse.code,
          name: warehouse.name,
          time_zone: warehouse.timeZone,
          address_line1: warehouse.address.line1,
          address_line2: warehouse.address.line2 ?? null,
          city: warehouse.address.city,
          region: warehouse.address.region ?? null,
          postal_code: warehouse.address.postalCode,
          country: warehouse.address.country,
          created_at: createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    () => alreadyExists(warehouse.code),
  );
  await insertOr(
    () =>
      trx
        .insertInto('locations')
        .values(
          STANDARD_LOCATIONS.map(({ code, type }) => ({
            warehouse_id: row.id,
            code,
            barcode: isVirtual(type) ? null : `${warehouse.code}-${code}`,
            type,
            virtual: isVirtual(type) ? 1 : 0,
            pick_sequence: 0,
            capacity_units: null,
            active: 1,
            created_at: createdAt,
          })),
        )
        .execute(),
    // Only a barcode can clash here: someone labelled a bin elsewhere `<WH>-RECEIVING`.
    () =>
      locationAlreadyExists(
        `A barcode starting "${warehouse.code}-" for a standard location is already in use`,
      ),
  );
  return warehouseView(row);
}

function alreadyExists(code: string): FailureError {
  return new FailureError({
    code: 'WAREHOUSE.ALREADY_EXISTS',
    message: `Warehouse ${code} already exists`,
    details: { warehouseCode: code },
  });
}
