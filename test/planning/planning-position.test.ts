/**
 * Issue 16, item 5: the position the replenishment run plans from counts only stock that can be
 * sold: put away (not in quarantine) and in lots that have not expired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableByPair, pairKey } from '../../src/app/planning/run-inputs.js';
import { dialects } from '../support/databases.js';
import {
  createSku,
  receive,
  startOrderWorld,
  TODAY,
  type OrderWorld,
} from '../orders/order-fixtures.js';

describe.each(dialects)('planning position (%s)', (dialect) => {
  let world: OrderWorld;
  let sku: number;

  beforeAll(async () => {
    world = await startOrderWorld(dialect);
    sku = await createSku(world);
    await receive(world, sku, 30, { lotCode: 'OLD', expiryDate: '2026-06-01' });
    await receive(world, sku, 20, { lotCode: 'NEW', expiryDate: '2026-12-01' });
    await receive(world, sku, 5, { lotCode: 'LAST', expiryDate: '2026-07-01' });
    // Time passes: lot OLD expired yesterday; LAST expires today and is still sellable.
    const db = world.api.store.database;
    await db.write((trx) =>
      trx
        .updateTable('lots')
        .set({ expiry_date: '2026-03-01' })
        .where('code', '=', 'OLD')
        .execute(),
    );
    await db.write((trx) =>
      trx.updateTable('lots').set({ expiry_date: TODAY }).where('code', '=', 'LAST').execute(),
    );
  });

  afterAll(() => world.api.close());

  it('leaves expired lots out of what is available and keeps a lot on its expiry day', async () => {
    const available = await availableByPair(world.api.store.database.db, [sku], TODAY);
    expect(available.get(pairKey(sku, world.warehouse.id))).toBe(25);
  });

  it('counted the expired lot the day before it expired', async () => {
    const available = await availableByPair(world.api.store.database.db, [sku], '2026-03-01');
    expect(available.get(pairKey(sku, world.warehouse.id))).toBe(55);
  });
});
