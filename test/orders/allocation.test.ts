import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../support/databases.js';
import {
  EARLY_EXPIRY,
  LATE_EXPIRY,
  call,
  createSku,
  expectConsistent,
  heldByBinAndLot,
  line,
  orderDetail,
  placeOrderFor,
  receive,
  startShelfLifeWorld,
  type OrderWorld,
} from './order-fixtures.js';

describe.each(dialects)('allocating stock to orders on %s', (dialect) => {
  let world: OrderWorld;
  let anyLot: number;
  let picky: number;
  beforeAll(async () => {
    ({ world, anyLot, picky } = await startShelfLifeWorld(dialect));
  });
  afterAll(async () => world?.api.close());

  /** A lot-tracked SKU with 50 of an early lot and 50 of a late lot, both on the pick face. */
  async function skuWithTwoLots() {
    const sku = await createSku(world);
    await receive(world, sku, 50, { lotCode: 'LATE', expiryDate: LATE_EXPIRY });
    await receive(world, sku, 50, { lotCode: 'EARLY', expiryDate: EARLY_EXPIRY });
    return sku;
  }

  it('takes the earliest-expiring lot first (FEFO)', async () => {
    const sku = await skuWithTwoLots();
    const placed = await placeOrderFor(world, anyLot, [line(sku, 60)]);
    expect(placed.status).toBe('allocated');
    const order = await orderDetail(world, placed.id);
    expect(heldByBinAndLot(order)).toEqual({ 'A-01-01/EARLY': 50, 'A-01-01/LATE': 10 });
    await expectConsistent(world);
  });

  it('skips lots that expire before the customer’s minimum remaining shelf life', async () => {
    const sku = await skuWithTwoLots();
    const placed = await placeOrderFor(world, picky, [line(sku, 20)]);
    const order = await orderDetail(world, placed.id);
    expect(heldByBinAndLot(order)).toEqual({ 'A-01-01/LATE': 20 });
    expect(order.allocations[0]!.expiryDate).toBe(LATE_EXPIRY);
  });

  it('backorders rather than ship a lot too short-dated for the customer', async () => {
    const sku = await skuWithTwoLots();
    const placed = await placeOrderFor(world, picky, [line(sku, 60)]);
    expect(placed.status).toBe('partially_allocated');
    const order = await orderDetail(world, placed.id);
    expect(heldByBinAndLot(order)).toEqual({ 'A-01-01/LATE': 50 });
    expect(order.lines[0]).toMatchObject({ quantityAllocated: 50, quantityBackordered: 10 });
    await expectConsistent(world);
  });

  it('lets a per-SKU rule loosen the account’s shelf-life minimum', async () => {
    const sku = await skuWithTwoLots();
    const rule = await call(
      world.api,
      'PUT',
      `/customers/${picky}/sku-rules/${sku}`,
      world.api.as('sales'),
      { minRemainingShelfLifeDays: 30 },
    );
    expect(rule.statusCode, rule.body).toBe(200);
    const placed = await placeOrderFor(world, picky, [line(sku, 20)]);
    const order = await orderDetail(world, placed.id);
    expect(heldByBinAndLot(order)).toEqual({ 'A-01-01/EARLY': 20 });
  });

  it('prefers the pick face over reserve for the same lot', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 40, { locationId: world.reserve });
    await receive(world, sku, 30, { locationId: world.pickFace });
    const placed = await placeOrderFor(world, anyLot, [line(sku, 25)]);
    const order = await orderDetail(world, placed.id);
    expect(heldByBinAndLot(order)).toEqual({ 'A-01-01/-': 25 });
    await expectConsistent(world);
  });

  it('takes one reserve bin that covers the line over splitting across bins', async () => {
    const sku = await createSku(world, false);
    await receive(world, sku, 10, { locationId: world.pickFace });
    await receive(world, sku, 40, { locationId: world.reserve });
    const placed = await placeOrderFor(world, anyLot, [line(sku, 25)]);
    const order = await orderDetail(world, placed.id);
    expect(heldByBinAndLot(order)).toEqual({ 'A-01-02/-': 25 });
  });

  it('shows allocations by bin and lot and the timeline in the order detail', async () => {
    const sku = await skuWithTwoLots();
    const placed = await placeOrderFor(world, anyLot, [line(sku, 5, 'case')]);
    const order = await orderDetail(world, placed.id);
    expect(order.allocations).toEqual([
      expect.objectContaining({
        lineId: order.lines[0]!.id,
        skuId: sku,
        locationId: world.pickFace,
        locationCode: 'A-01-01',
        lotCode: 'EARLY',
        expiryDate: EARLY_EXPIRY,
        quantity: 20,
        remaining: 20,
      }),
    ]);
    expect(order.timeline.map((e) => e.type)).toEqual(['created', 'allocated']);
    expect(order.timeline[1]!.data).toMatchObject({ status: 'allocated', allocated: 20 });
  });
});
