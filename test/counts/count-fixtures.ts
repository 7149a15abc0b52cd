import { expect } from 'vitest';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { call, expectConsistent, type OrderWorld } from '../orders/order-fixtures.js';

/**
 * Count tests build on the order world: warehouse MAIN with bins A-01-01 (pick face),
 * A-01-02 and A-01-03, barcodes `MAIN-<code>`, dog-food SKUs with GTINs (cases of 4).
 */
export type CountWorld = OrderWorld;
export type StaffRole = 'admin' | 'manager' | 'planner' | 'sales' | 'warehouse';

/** POST /count-tasks (ad hoc) as a manager; returns the task id. */
export async function adhocTask(world: CountWorld, locationId: number, skuId?: number) {
  const response = await call(world.api, 'POST', '/count-tasks', world.api.as('manager'), {
    locationId,
    ...(skuId ? { skuId } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as number;
}

export async function startTask(world: CountWorld, taskId: number) {
  const response = await call(
    world.api,
    'POST',
    `/count-tasks/${taskId}/start`,
    world.api.as('warehouse'),
  );
  expect(response.statusCode, response.body).toBe(200);
}

/** POST /count-tasks/:id/submit as the warehouse. */
export function submit(world: CountWorld, taskId: number, body: Record<string, unknown>) {
  return call(world.api, 'POST', `/count-tasks/${taskId}/submit`, world.api.as('warehouse'), body);
}

export function decide(
  world: CountWorld,
  taskId: number,
  decision: 'approve' | 'reject',
  role: StaffRole = 'manager',
) {
  return call(world.api, 'POST', `/count-tasks/${taskId}/${decision}`, world.api.as(role));
}

export async function taskDetail(world: CountWorld, taskId: number, role: StaffRole) {
  const response = await call(world.api, 'GET', `/count-tasks/${taskId}`, world.api.as(role));
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

/** Moves stock between two bins through the API, as a warehouse worker would. */
export async function moveStock(
  world: CountWorld,
  skuId: number,
  fromLocationId: number,
  toLocationId: number,
  quantity: number,
) {
  const response = await call(world.api, 'POST', '/stock/moves', world.api.as('warehouse'), {
    skuId,
    fromLocationId,
    toLocationId,
    quantity,
  });
  expect(response.statusCode, response.body).toBe(201);
}

/** On hand of a SKU (all lots) at one location, from the balances. */
export async function onHandAt(world: CountWorld, locationId: number, skuId: number) {
  const rows = await world.api.store.database.db
    .selectFrom('stock_balances')
    .select('on_hand')
    .where('location_id', '=', locationId)
    .where('sku_id', '=', skuId)
    .execute();
  return rows.reduce((n, r) => n + Number(r.on_hand), 0);
}

/** Ledger invariants after counting: reconcile finds nothing, orders and balances consistent. */
export async function expectLedgerSound(world: CountWorld) {
  const report = await reconcile(world.api.store.database.db);
  expect(report.differences).toEqual([]);
  await expectConsistent(world);
}
