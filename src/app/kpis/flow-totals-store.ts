import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';

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

const CHUNK = 2000;

/** Adds to the warehouse-day totals (creating rows as needed). */
export async function addWarehouseDays(trx: Tx, adds: readonly WarehouseDayAdd[]): Promise<void> {
  for (let i = 0; i < adds.length; i += CHUNK) {
    await trx
      .insertInto('kpi_warehouse_days')
      .values(
        adds.slice(i, i + CHUNK).map((a) => ({
          warehouse_id: a.warehouseId,
          day: a.day,
          value_delta_minor: a.valueDeltaMinor,
          stockout_delta: a.stockoutDelta,
          tracked_delta: a.trackedDelta,
          issued_units: a.issuedUnits,
          cogs_minor: a.cogsMinor,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['warehouse_id', 'day']).doUpdateSet({
          value_delta_minor: sql`kpi_warehouse_days.value_delta_minor + excluded.value_delta_minor`,
          stockout_delta: sql`kpi_warehouse_days.stockout_delta + excluded.stockout_delta`,
          tracked_delta: sql`kpi_warehouse_days.tracked_delta + excluded.tracked_delta`,
          issued_units: sql`kpi_warehouse_days.issued_units + excluded.issued_units`,
          cogs_minor: sql`kpi_warehouse_days.cogs_minor + excluded.cogs_minor`,
        }),
      )
      .execute();
  }
}

/** Adds to the SKU-week flows (creating rows as needed). */
export async function addSkuWeeks(trx: Tx, adds: readonly SkuWeekAdd[]): Promise<void> {
  for (let i = 0; i < adds.length; i += CHUNK) {
    await trx
      .insertInto('kpi_sku_weeks')
      .values(
        adds.slice(i, i + CHUNK).map((a) => ({
          warehouse_id: a.warehouseId,
          sku_id: a.skuId,
          week: a.week,
          issued_units: a.issuedUnits,
          cogs_minor: a.cogsMinor,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['warehouse_id', 'sku_id', 'week']).doUpdateSet({
          issued_units: sql`kpi_sku_weeks.issued_units + excluded.issued_units`,
          cogs_minor: sql`kpi_sku_weeks.cogs_minor + excluded.cogs_minor`,
        }),
      )
      .execute();
  }
}
