import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarantineExpiredLots } from '../../src/app/jobs/expiry-sweep.js';
import { planPickFaceReplenishment } from '../../src/app/receiving/plan-replenishment.js';
import { kpiReport } from '../../src/app/kpis/kpi-report.js';
import { stockCandidates } from '../../src/app/orders/stock-candidates.js';
import { addDays } from '../../src/core/shared/calendar-days.js';
import { dialects } from '../support/databases.js';
import {
  LATE_EXPIRY,
  TODAY,
  call,
  createSku,
  expectConsistent,
  heldByBinAndLot,
  line,
  orderDetail,
  placeOrderFor,
  receive,
  startOrderWorld,
  startShelfLifeWorld,
  type OrderWorld,
} from '../orders/order-fixtures.js';

/** A month before TODAY: long expired. */
const EXPIRED = addDays(TODAY, -30);

/**
 * Sellable stock only: a lot past its expiry date is never a candidate for allocation (FEFO
 * would take it first), never available, and the expiry sweep moves it to quarantine once,
 * with a ledger movement that the KPIs report as an expiry write-off.
 */
describe.each(dialects)('expired stock on %s', (dialect) => {
  let world: OrderWorld;
  let anyLot: number;
  let picky: number;
  beforeAll(async () => {
    ({ world, anyLot, picky } = await startShelfLifeWorld(dialect));
  });
  afterAll(async () => world?.api.close());

  /** 30 of a lot expired a month ago, 10 expiring today (still sellable), 20 of a late lot. */
  async function skuWithExpiredLot() {
    const sku = await createSku(world);
    await receive(world, sku, 30, { lotCode: 'OLD', expiryDate: EXPIRED });
    await receive(world, sku, 10, { lotCode: 'TODAY', expiryDate: TODAY });
    await receive(world, sku, 20, { lotCode: 'LATE', expiryDate: LATE_EXPIRY });
    return sku;
  }

  const stockOf = async (sku: number) => {
    const response = await call(world.api, 'GET', `/stock?skuId=${sku}`, world.api.as('sales'));
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: Record<string, number>[] }).items[0]!;
  };

  it('never offers an expired lot to allocation, whatever the policy', async () => {
    const sku = await skuWithExpiredLot();
    const candidates = await world.api.store.database.write((trx) =>
      stockCandidates(trx, [sku], TODAY),
    );
    expect(candidates.map((c) => c.expiryDate).sort()).toEqual([TODAY, LATE_EXPIRY]);
    for (const c of candidates) expect(c.expiryDate! >= TODAY).toBe(true);
  });

  it('allocates first-expired-first-out among unexpired lots and backorders the rest', async () => {
    const sku = await skuWithExpiredLot();
    const placed = await placeOrderFor(world, anyLot, [line(sku, 35)]);
    expect(placed.status).toBe('partially_allocated');
    const order = await orderDetail(world, placed.id);
    expect(heldByBinAndLot(order)).toEqual({ 'A-01-01/TODAY': 10, 'A-01-01/LATE': 20 });
    expect(order.lines[0]).toMatchObject({ quantityAllocated: 30, quantityBackordered: 5 });
    await expectConsistent(world);
  });

  it('keeps the minimum remaining shelf life on top of expiry', async () => {
    const sku = await skuWithExpiredLot();
    const placed = await placeOrderFor(world, picky, [line(sku, 25)]);
    const order = await orderDetail(world, placed.id);
    expect(heldByBinAndLot(order)).toEqual({ 'A-01-01/LATE': 20 });
    expect(order.lines[0]).toMatchObject({ quantityAllocated: 20, quantityBackordered: 5 });
  });

  it('counts expired stock as expired, not available, in stock and availability', async () => {
    const sku = await skuWithExpiredLot();
    expect(await stockOf(sku)).toMatchObject({ onHand: 60, available: 30, expired: 30 });
    const atp = await call(world.api, 'GET', `/skus/${sku}/availability`, world.api.as('sales'));
    expect(atp.json()).toMatchObject({ warehouses: [{ available: 30, expired: 30 }] });
    const byLot = await call(
      world.api,
      'GET',
      `/stock?skuId=${sku}&groupBy=lot`,
      world.api.as('sales'),
    );
    const lots = (byLot.json() as { items: { expiryDate: string; available: number }[] }).items;
    // Invariant: no row past its expiry date has anything available.
    for (const row of lots) if (row.expiryDate < TODAY) expect(row.available).toBe(0);
  });

  it('moves expired lots to quarantine once, with one ledger movement each', async () => {
    const sku = await skuWithExpiredLot();
    // Two sweeps at once (two processes): the lease lets one work, the other finds nothing.
    const [a, b] = await Promise.all([
      quarantineExpiredLots(world.api.ctx),
      quarantineExpiredLots(world.api.ctx),
    ]);
    expect(a + b).toBeGreaterThanOrEqual(30);
    expect(await quarantineExpiredLots(world.api.ctx)).toBe(0);
    expect(await stockOf(sku)).toMatchObject({
      onHand: 60,
      available: 30,
      expired: 0,
      quarantined: 30,
    });
    const movements = await world.api.store.database.db
      .selectFrom('stock_movements as m')
      .innerJoin('locations as t', 't.id', 'm.to_location_id')
      .select(['m.quantity', 'm.type', 'm.reason_code', 't.type as toType'])
      .where('m.sku_id', '=', sku)
      .where('m.reason_code', '=', 'expired')
      .execute();
    expect(movements).toEqual([
      { quantity: 30, type: 'status_change', reason_code: 'expired', toType: 'quarantine' },
    ]);
    // Ledger invariant: balances equal the sum of movements, nothing reserved beyond on hand.
    await expectConsistent(world);

    const report = await kpiReport(
      world.api.store.database.db,
      { from: TODAY, to: addDays(TODAY, 1), period: 'day', groupBy: 'warehouse' },
      TODAY,
      ['expiry-write-offs'],
    );
    const rows = report.kpis[0]!.rows;
    const total = rows.find((r) => r.period === 'total')!;
    expect(rows.find((r) => r.period === TODAY)).toEqual({ ...total, period: TODAY });
    expect(total.units).toBe(a + b);
    expect(Number(total.units)).toBeGreaterThanOrEqual(30);
  });
});

describe.each(dialects)('pick-face refill and expired reserve on %s', (dialect) => {
  let world: OrderWorld;
  beforeAll(async () => {
    world = await startOrderWorld(dialect);
  });
  afterAll(async () => world?.api.close());

  it('never refills a pick face from an expired reserve lot, though it expires first', async () => {
    const sku = await createSku(world);
    const { reserve, reserve2, pickFace } = world;
    await receive(world, sku, 12, { locationId: reserve, lotCode: 'OLD', expiryDate: EXPIRED });
    await receive(world, sku, 5, {
      locationId: reserve2,
      lotCode: 'LATE',
      expiryDate: LATE_EXPIRY,
    });
    const face = await call(world.api, 'PUT', `/pick-faces/${pickFace}`, world.api.as('manager'), {
      skuId: sku,
      minQuantity: 4,
      maxQuantity: 10,
    });
    expect(face.statusCode, face.body).toBe(200);
    const planned = await planPickFaceReplenishment(world.api.ctx, world.warehouse.id);
    const tasks = await world.api.store.database.db
      .selectFrom('move_tasks')
      .select(['from_location_id', 'quantity'])
      .where('id', 'in', planned.taskIds.length ? planned.taskIds : [0])
      .execute();
    expect(tasks.map((t) => [t.from_location_id, Number(t.quantity)])).toEqual([[reserve2, 5]]);
  });
});
