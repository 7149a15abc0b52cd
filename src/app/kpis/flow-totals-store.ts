import type { Tx } from '../../adapters/db/database.js';
import { fixedSql } from '../../adapters/db/fixed-sql.js';
import { writeJsonRows } from './json-rows.js';

/** An additive change to one warehouse-day's totals. */
export interface WarehouseDayAdd {
  warehouseId: number;
  day: string;
  valueDeltaMinor: number;
  stockoutDelta: number;
  trackedDelta: number;
  issuedUnits: number;
  cogsMinor: number;
}

/** An additive change to one SKU × warehouse × week's flow. */
export interface SkuWeekAdd {
  warehouseId: number;
  skuId: number;
  week: string;
  issuedUnits: number;
  cogsMinor: number;
}

const WAREHOUSE_DAYS_CONFLICT = `on conflict (warehouse_id, day) do update set
     value_delta_minor = kpi_warehouse_days.value_delta_minor + excluded.value_delta_minor,
     stockout_delta = kpi_warehouse_days.stockout_delta + excluded.stockout_delta,
     tracked_delta = kpi_warehouse_days.tracked_delta + excluded.tracked_delta,
     issued_units = kpi_warehouse_days.issued_units + excluded.issued_units,
     cogs_minor = kpi_warehouse_days.cogs_minor + excluded.cogs_minor`;
const SKU_WEEKS_CONFLICT = `on conflict (warehouse_id, sku_id, week) do update set
     issued_units = kpi_sku_weeks.issued_units + excluded.issued_units,
     cogs_minor = kpi_sku_weeks.cogs_minor + excluded.cogs_minor`;

const ADD_WAREHOUSE_DAYS = fixedSql(
  'kpi.warehouse-days.add',
  `insert into kpi_warehouse_days (warehouse_id, day, value_delta_minor, stockout_delta,
     tracked_delta, issued_units, cogs_minor)
   select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
     value ->> 6
   from jsonb_each(?) where true
   ${WAREHOUSE_DAYS_CONFLICT}`,
  `insert into kpi_warehouse_days (warehouse_id, day, value_delta_minor, stockout_delta,
     tracked_delta, issued_units, cogs_minor)
   select (r ->> 0)::bigint, r ->> 1, (r ->> 2)::bigint, (r ->> 3)::bigint, (r ->> 4)::bigint,
     (r ->> 5)::bigint, (r ->> 6)::bigint
   from jsonb_array_elements($1::jsonb) as r
   ${WAREHOUSE_DAYS_CONFLICT}`,
);

const ADD_SKU_WEEKS = fixedSql(
  'kpi.sku-weeks.add',
  `insert into kpi_sku_weeks (warehouse_id, sku_id, week, issued_units, cogs_minor)
   select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4
   from jsonb_each(?) where true
   ${SKU_WEEKS_CONFLICT}`,
  `insert into kpi_sku_weeks (warehouse_id, sku_id, week, issued_units, cogs_minor)
   select (r ->> 0)::bigint, (r ->> 1)::bigint, r ->> 2, (r ->> 3)::bigint, (r ->> 4)::bigint
   from jsonb_array_elements($1::jsonb) as r
   ${SKU_WEEKS_CONFLICT}`,
);

/** Adds to the warehouse-day totals (creating rows as needed). */
export async function addWarehouseDays(trx: Tx, adds: readonly WarehouseDayAdd[]): Promise<void> {
  await writeJsonRows(trx, ADD_WAREHOUSE_DAYS, adds, (a) => [
    a.warehouseId,
    a.day,
    a.valueDeltaMinor,
    a.stockoutDelta,
    a.trackedDelta,
    a.issuedUnits,
    a.cogsMinor,
  ]);
}

/** Adds to the SKU-week flows (creating rows as needed). */
export async function addSkuWeeks(trx: Tx, adds: readonly SkuWeekAdd[]): Promise<void> {
  await writeJsonRows(trx, ADD_SKU_WEEKS, adds, (a) => [
    a.warehouseId,
    a.skuId,
    a.week,
    a.issuedUnits,
    a.cogsMinor,
  ]);
}
