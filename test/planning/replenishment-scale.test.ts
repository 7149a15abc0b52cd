import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReplenishment } from '../../src/app/planning/replenishment-run.js';
import { createSku, startOrderWorld, type OrderWorld } from '../orders/order-fixtures.js';
import { insertSupplier, insertWeeklyDemand, listSku } from './planning-world.js';

/** Counts every SQLite statement execution while `on` (the statements bench counts alike). */
const counter = { on: false, statements: 0 };
const probe = new BetterSqlite3(':memory:');
const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, unknown>;
probe.close();
for (const method of ['run', 'get', 'all', 'iterate']) {
  const original = proto[method] as (...args: unknown[]) => unknown;
  proto[method] = function (this: unknown, ...args: unknown[]) {
    if (counter.on) counter.statements++;
    return original.apply(this, args);
  };
}

/**
 * The nightly run's statements do not grow with the SKUs it plans: lead times are read per
 * batch and forecasts, policies and classes written with multi-row upserts. Counted on SQLite
 * (the code path is the same on PostgreSQL; replenishment-run.test.ts checks the results on
 * both).
 */
describe('replenishment run at 4x the SKUs (sqlite)', () => {
  let world: OrderWorld;
  let supplier: number;

  beforeAll(async () => {
    world = await startOrderWorld('sqlite');
    supplier = await insertSupplier(world.api.store.database, 'S1', { leadTimeDays: 7 });
  });
  afterAll(async () => world?.api.close());

  async function addSkus(n: number) {
    const db = world.api.store.database;
    for (let i = 0; i < n; i++) {
      const sku = await createSku(world, false);
      await listSku(db, supplier, sku, { costMinor: 400 + i });
      await insertWeeklyDemand(db, sku, world.warehouse.id, 20, 10 + 5 * i);
    }
  }

  async function statementsOfARun(): Promise<number> {
    counter.statements = 0;
    counter.on = true;
    try {
      expect(await runReplenishment(world.api.ctx, { trigger: 'manual', actor: 'test' })).toEqual(
        expect.any(Number),
      );
    } finally {
      counter.on = false;
    }
    return counter.statements;
  }

  it('runs as many statements for 16 SKUs as for 4', async () => {
    await addSkus(4);
    await statementsOfARun(); // the first run creates every planning row; compare later ones
    const atOne = await statementsOfARun();
    await addSkus(12);
    await statementsOfARun();
    const atFour = await statementsOfARun();
    expect(atFour).toBe(atOne);
  });
});
