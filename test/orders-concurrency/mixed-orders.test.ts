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
  seededRandom,
  skuFigures,
  startRaceRig,
  upTo,
  type OrderLine,
  type OrderReply,
  type RaceRig,
} from './race-rig.js';

/** Enough orders that demand (≈ 3 units a line) is several times the 100 in stock. */
const ORDERS = 150;

/** Orders of 1–5 units of each SKU, the lines in random order (the deadlock-prone shape). */
function randomOrders(seed: number, skuIds: readonly number[]): OrderLine[][] {
  const random = seededRandom(seed);
  return Array.from({ length: ORDERS }, () => {
    const lines = skuIds.map((skuId) => ({ skuId, quantity: upTo(random, 5) }));
    return random() < 0.5 ? lines : lines.reverse();
  });
}

const demandOf = (orders: readonly OrderLine[][], skuId: number) =>
  orders.flat().reduce((n, l) => n + (l.skuId === skuId ? l.quantity : 0), 0);

/**
 * Stock only ever goes down during a race, so an order refused for lack of stock must have
 * wanted, on some SKU, more than is left at the end.
 */
function expectRefusalsJustified(
  replies: readonly OrderReply[],
  left: ReadonlyMap<number, number>,
) {
  for (const r of replies.filter((r) => r.status === 409)) {
    expect(r.lines.some((l) => l.quantity > left.get(l.skuId)!)).toBe(true);
  }
}

describe.each(dialects)('%s: concurrent orders of 1–5 units, one and two SKUs', (dialect) => {
  let rig: RaceRig;

  beforeAll(async () => {
    rig = await startRaceRig(dialect);
  });
  afterAll(async () => rig?.close());

  it('holds exactly 100 units of a SKU and backorders the rest', async () => {
    const sku = await rig.newSku('MIX-BO');
    const orders = randomOrders(1, [sku]);

    const replies = await placeAll(rig, rig.backorderCustomer, orders);

    expectStatuses(replies, [201]);
    expectConsistentReplies(replies, false);
    expect(allocatedIn(replies)).toBe(STOCK);
    expect(await skuFigures(rig.db, sku)).toMatchObject({
      allocated: STOCK,
      ordered: demandOf(orders, sku),
      backordered: demandOf(orders, sku) - STOCK,
      cancelled: 0,
    });
    await expectReconciled(rig.db);
  });

  it('accepts only orders it can fill completely and refuses the others with 409', async () => {
    const sku = await rig.newSku('MIX-REFUSE');
    const orders = randomOrders(2, [sku]);

    const replies = await placeAll(rig, rig.refuseCustomer, orders);

    expectStatuses(replies, [201, 409]);
    expectConsistentReplies(replies, true);
    const accepted = replies.filter((r) => r.status === 201);
    const figures = await skuFigures(rig.db, sku);
    expect(figures.allocated).toBe(allocatedIn(replies));
    expect(figures.allocated).toBeLessThanOrEqual(STOCK);
    expect(figures).toMatchObject({ ordered: figures.allocated, backordered: 0, cancelled: 0 });
    expect(await ordersWith(rig.db, [sku])).toBe(accepted.length);
    expectRefusalsJustified(replies, new Map([[sku, STOCK - figures.allocated]]));
    await expectReconciled(rig.db);
  });

  it('holds exactly 100 units of each SKU for two-SKU orders with the lines in random order', async () => {
    const skus = [await rig.newSku('PAIR-BO-A'), await rig.newSku('PAIR-BO-B')];
    const orders = randomOrders(3, skus);

    const replies = await placeAll(rig, rig.backorderCustomer, orders);

    expectStatuses(replies, [201]);
    expectConsistentReplies(replies, false);
    expect(allocatedIn(replies)).toBe(2 * STOCK);
    for (const sku of skus) {
      expect(await skuFigures(rig.db, sku)).toMatchObject({
        allocated: STOCK,
        ordered: demandOf(orders, sku),
        backordered: demandOf(orders, sku) - STOCK,
        cancelled: 0,
      });
    }
    await expectReconciled(rig.db);
  });

  it('refuses two-SKU orders it cannot fill completely, and holds nothing for them', async () => {
    const skus = [await rig.newSku('PAIR-REFUSE-A'), await rig.newSku('PAIR-REFUSE-B')];
    const orders = randomOrders(4, skus);

    const replies = await placeAll(rig, rig.refuseCustomer, orders);

    expectStatuses(replies, [201, 409]);
    expectConsistentReplies(replies, true);
    const accepted = replies.filter((r) => r.status === 201);
    const left = new Map<number, number>();
    for (const sku of skus) {
      const figures = await skuFigures(rig.db, sku);
      const wanted = accepted.flatMap((r) => r.lines).filter((l) => l.skuId === sku);
      expect(figures.allocated).toBe(wanted.reduce((n, l) => n + l.quantity, 0));
      expect(figures.allocated).toBeLessThanOrEqual(STOCK);
      expect(figures).toMatchObject({ ordered: figures.allocated, backordered: 0, cancelled: 0 });
      left.set(sku, STOCK - figures.allocated);
    }
    expect(await ordersWith(rig.db, skus)).toBe(accepted.length);
    expectRefusalsJustified(replies, left);
    await expectReconciled(rig.db);
  });
});
