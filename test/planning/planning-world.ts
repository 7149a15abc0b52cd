import { expect } from 'vitest';
import type { Insertable } from 'kysely';
import type { Database } from '../../src/adapters/db/database.js';
import type { DemandDailyTable } from '../../src/adapters/db/schema-purchasing.js';
import { addDays, isoWeekStart } from '../../src/app/planning/planning-calendar.js';
import { SETTING } from '../../src/app/planning/planning-settings.js';
import { call, TODAY, type OrderWorld } from '../orders/order-fixtures.js';
import { NOW } from '../support/fixtures.js';

/**
 * Planning fixtures. Suppliers and listings go straight into the tables (what the run reads),
 * so these tests do not depend on the purchasing routes.
 */
export async function insertSupplier(
  database: Database,
  code: string,
  terms: { leadTimeDays: number; minOrderValueMinor?: number; minOrderQuantity?: number },
): Promise<number> {
  const row = await database.write((trx) =>
    trx
      .insertInto('suppliers')
      .values({
        code,
        name: `Supplier ${code}`,
        contact_name: null,
        email: null,
        phone: null,
        currency: 'USD',
        lead_time_days: terms.leadTimeDays,
        min_order_value_minor: terms.minOrderValueMinor ?? 0,
        min_order_quantity: terms.minOrderQuantity ?? 0,
        active: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return Number(row.id);
}

export async function listSku(
  database: Database,
  supplierId: number,
  skuId: number,
  terms: { costMinor: number; minOrderQuantity?: number; orderMultiple?: number },
): Promise<void> {
  await database.write((trx) =>
    trx
      .insertInto('supplier_skus')
      .values({
        supplier_id: supplierId,
        sku_id: skuId,
        supplier_sku: `S${supplierId}-${skuId}`,
        cost_minor: terms.costMinor,
        min_order_quantity: terms.minOrderQuantity ?? 0,
        order_multiple: terms.orderMultiple ?? 1,
        lead_time_days: null,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute(),
  );
}

/**
 * `weeks` complete ISO weeks of history before TODAY's week, `perWeek` units each (spread over
 * Monday, Wednesday and Friday), and the rebuild watermark at TODAY so the run keeps them.
 */
export async function insertWeeklyDemand(
  database: Database,
  skuId: number,
  warehouseId: number,
  weeks: number,
  perWeek: number,
): Promise<void> {
  const thisWeek = isoWeekStart(TODAY);
  const rows: Insertable<DemandDailyTable>[] = [];
  for (let w = weeks; w >= 1; w--) {
    const monday = addDays(thisWeek, -7 * w);
    const parts = [Math.floor(perWeek / 3), Math.floor(perWeek / 3)];
    parts.push(perWeek - parts[0]! - parts[1]!);
    parts.forEach((quantity, i) =>
      rows.push({
        sku_id: skuId,
        warehouse_id: warehouseId,
        day: addDays(monday, 2 * i),
        ordered_quantity: quantity,
        shipped_quantity: quantity,
        order_lines: 1,
        censored: 0,
      }),
    );
  }
  await database.write(async (trx) => {
    await trx.insertInto('demand_daily').values(rows).execute();
    await trx
      .insertInto('settings')
      .values({ key: SETTING.demandWatermark, value: TODAY })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: TODAY }))
      .execute();
  });
}

/** PUT /planning/skus/:sku/warehouses/:wh as a planner. */
export async function setPlanning(world: OrderWorld, skuId: number, body: Record<string, unknown>) {
  const response = await call(
    world.api,
    'PUT',
    `/planning/skus/${skuId}/warehouses/${world.warehouse.id}`,
    world.api.as('planner'),
    body,
  );
  expect(response.statusCode, response.body).toBe(200);
}

/** Starts a run through the API and polls until it is no longer running. */
export async function runAndWait(world: OrderWorld) {
  const started = await call(world.api, 'POST', '/planning/runs', world.api.as('planner'), {});
  expect(started.statusCode, started.body).toBe(202);
  const id = started.json().id as number;
  for (let i = 0; i < 600; i++) {
    const run = await call(world.api, 'GET', `/planning/runs/${id}`, world.api.as('warehouse'));
    const body = run.json() as { status: string; progressDone: number; progressTotal: number };
    if (body.status !== 'running') return { id, ...body };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`run ${id} did not finish`);
}
