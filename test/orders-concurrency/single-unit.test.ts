import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  STOCK,
  allocatedIn,
  expectConsistentReplies,
  expectReconciled,
  expectStatuses,
  ordersWith,
  placeAll,
  skuFigures,
  startRaceRig,
  type RaceRig,
} from './race-rig.js';

const ORDERS = 500;

describe.each(dialects)('%s: 500 concurrent one-unit orders for the last 100 units', (dialect) => {
  let rig: RaceRig;

  beforeAll(async () => {
    rig = await startRaceRig(dialect);
  });
  afterAll(async () => rig?.close());

  it('holds exactly 100 units and backorders the other 400 for a customer who waits', async () => {
    const sku = await rig.newSku('ONE-BO');
    const orders = Array.from({ length: ORDERS }, () => [{ skuId: sku, quantity: 1 }]);

    const replies = await placeAll(rig, rig.backorderCustomer, orders);

    expectStatuses(replies, [201]);
    expectConsistentReplies(replies, false);
    expect(allocatedIn(replies)).toBe(STOCK);
    expect(replies.filter((r) => r.body.status === 'allocated')).toHaveLength(STOCK);
    expect(replies.filter((r) => r.body.status === 'backordered')).toHaveLength(ORDERS - STOCK);
    const figures = await skuFigures(rig.db, sku);
    expect(figures).toMatchObject({
      allocated: STOCK,
      reserved: STOCK,
      ordered: ORDERS,
      backordered: ORDERS - STOCK,
      cancelled: 0,
    });
    await expectReconciled(rig.db);
  });

  it('accepts exactly 100 and refuses 400 with 409 for a ship-complete customer who takes no backorders', async () => {
    const sku = await rig.newSku('ONE-REFUSE');
    const orders = Array.from({ length: ORDERS }, () => [{ skuId: sku, quantity: 1 }]);

    const replies = await placeAll(rig, rig.refuseCustomer, orders);

    expectStatuses(replies, [201, 409]);
    expectConsistentReplies(replies, true);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(STOCK);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(ORDERS - STOCK);
    expect(allocatedIn(replies)).toBe(STOCK);
    const figures = await skuFigures(rig.db, sku);
    expect(figures).toMatchObject({
      allocated: STOCK,
      ordered: STOCK,
      backordered: 0,
      cancelled: 0,
    });
    expect(await ordersWith(rig.db, [sku])).toBe(STOCK);
    await expectReconciled(rig.db);
  });
});
