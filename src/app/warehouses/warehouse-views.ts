import type { Selectable } from 'kysely';
import type { LocationTable, WarehouseTable } from '../../adapters/db/schema.js';

/** A warehouse as the API shows it: camelCase, the address as one object. */
export interface WarehouseView {
  id: number;
  code: string;
  name: string;
  timeZone: string;
  address: {
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postalCode: string;
    country: string;
  };
  createdAt: string;
}

/** A location as the API shows it; flags become booleans. */
export interface LocationView {
  id: number;
  warehouseId: number;
  code: string;
  barcode: string | null;
  type: string;
  virtual: boolean;
  zone: string | null;
  aisle: string | null;
  bay: string | null;
  level: string | null;
  bin: string | null;
  pickSequence: number;
  capacityUnits: number | null;
  active: boolean;
  createdAt: string;
}

export type WarehouseRow = Selectable<WarehouseTable>;
export type LocationRow = Selectable<LocationTable>;

/** Maps a `warehouses` row to its API shape. */
export function warehouseView(row: WarehouseRow): WarehouseView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    timeZone: row.time_zone,
    address: {
      line1: row.address_line1,
      line2: row.address_line2,
      city: row.city,
      region: row.region,
      postalCode: row.postal_code,
      country: row.country,
    },
    createdAt: row.created_at,
  };
}

/** Maps a `locations` row to its API shape. */
export function locationView(row: LocationRow): LocationView {
  return {
    id: row.id,
    warehouseId: row.warehouse_id,
    code: row.code,
    barcode: row.barcode,
    type: row.type,
    virtual: row.virtual === 1,
    zone: row.zone,
    aisle: row.aisle,
    bay: row.bay,
    level: row.level,
    bin: row.bin,
    pickSequence: row.pick_sequence,
    capacityUnits: row.capacity_units,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}
