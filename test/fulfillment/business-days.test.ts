import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shipmentDeliveredOn } from '../../src/adapters/db/migrations/0023-shipment-delivered-on.js';
import { packingSlipData } from '../../src/app/fulfillment/packing/packing-slip-data.js';
import { deliveryFacts, orderFacts } from '../../src/app/kpis/order-facts.js';
import { refreshKpiAggregates } from '../../src/app/kpis/refresh-kpi-aggregates.js';
import { rebuildDemandHistory } from '../../src/app/planning/demand-history.js';
import { dialects } from '../support/databases.js';
import { startTestApi } from '../support/api.js';
import { insertWarehouse } from '../support/fixtures.js';
import {
  call,
  createCustomer,
  EACH_PRICE,
  line,
  placeOrderFor,
  type OrderWorld,
} from '../orders/order-fixtures.js';
import { pickedOrder, stockedSku } from './fulfillment-fixtures.js';

/**
 * Business dates at a Los Angeles warehouse: what ships at 17:00 local on day D (already D + 1
 * in UTC) ships on D — the shipment's promise, its on-time verdict, the KPI stock day and the
 * demand history all say D — and a local day is still right across the spring-forward change.
 */
const LA = 'America/Los_Angeles';
/** Tuesday 3 March 2026, 17:00 PST. Ground is 3 working days: promised Friday 6 March. */
const D = '2026-03-03';
const D_AT_17_LOCAL = '2026-03-04T01:00:00.000Z';
/** Monday 9 March 2026, 00:30 PDT (the day after spring-forward); 23:30 on 8 March in PST. */
const AFTER_DST = '2026-03-09T07:30:00.000Z';
/** The same Monday, 17:00 PDT: Tuesday in UTC. */
const AFTER_DST_17_LOCAL = '2026-03-10T00:00:00.000Z';

describe.each(dialects)('business days at a Los Angeles warehouse on %s', (dialect) => {
  let now = new Date('2026-03-02T20:00:00.000Z');
  let world: OrderWorld;
  let skuId: number;
  let shop: number;

  beforeAll(async () => {
    const api = await startTestApi(dialect, () => now);
    const warehouse = await insertWarehouse(api.store.database, 'LAX', 3);
    await api.store.database.write((trx) =>
      trx.updateTable('warehouses').set({ time_zone: LA }).where('id', '=', warehouse.id).execute(),
    );
    const [pickFace, reserve, reserve2] = warehouse.bins as [number, number, number];
    const list = await call(api, 'POST', '/price-lists', api.as('manager'), {
      code: 'TRADE',
      name: 'Trade prices',
      currency: 'USD',
    });
    expect(list.statusCode, list.body).toBe(201);
    world = {
      api,
      warehouse,
      pickFace,
      reserve,
      reserve2,
      priceListId: list.json().id,
      skuCount: 0,
    };
    skuId = (await stockedSku(world, [[pickFace, 50]])).skuId;
    shop = await createCustomer(world, 'LA-1');
  });
  afterAll(async () => world?.api.close());

  const post = (url: string, body?: unknown, role: 'warehouse' | 'manager' = 'warehouse') =>
    call(world.api, 'POST', url, world.api.as(role), body);

  /** Packs the picked order in one carton and ships it ground at `at`. */
  async function shipAt(orderId: number, quantity: number, at: string) {
    const carton = (await post(`/orders/${orderId}/cartons`, {})).json().id as number;
    expect((await post(`/cartons/${carton}/items`, { skuId, quantity })).statusCode).toBe(200);
    expect((await post(`/cartons/${carton}/close`)).statusCode).toBe(200);
    now = new Date(at);
    const shipped = await post(`/orders/${orderId}/ship`, {
      carrierCode: 'TABLE',
      service: 'ground',
    });
    expect(shipped.statusCode, shipped.body).toBe(201);
    return shipped.json() as { shipmentId: number; promisedDate: string };
  }

  const issuedOn = async (day: string) => {
    const row = await world.api.store.database.db
      .selectFrom('kpi_warehouse_days')
      .select('issued_units')
      .where('warehouse_id', '=', world.warehouse.id)
      .where('day', '=', day)
      .executeTakeFirst();
    return Number(row?.issued_units ?? 0);
  };
  const shippedOn = async (day: string) => {
    const row = await world.api.store.database.db
      .selectFrom('demand_daily')
      .select('shipped_quantity')
      .where('sku_id', '=', skuId)
      .where('warehouse_id', '=', world.warehouse.id)
      .where('day', '=', day)
      .executeTakeFirst();
    return Number(row?.shipped_quantity ?? 0);
  };
  const refreshAggregates = async () => {
    const ctx = { database: world.api.store.database, now: () => now } as const;
    await refreshKpiAggregates(
      ctx as Parameters<typeof refreshKpiAggregates>[0],
      new Date(Date.parse(AFTER_DST_17_LOCAL) + 3_600_000),
    );
    await world.api.store.database.write((trx) =>
      rebuildDemandHistory(trx, '2026-03-01', '2026-03-10'),
    );
  };

  it('ships at 17:00 local on D as D: promise, on-time, KPI day and demand day', async () => {
    const { orderId } = await pickedOrder(world, shop, [line(skuId, 3)]);
    const shipment = await shipAt(orderId, 3, D_AT_17_LOCAL);
    // From D (Tuesday): Friday. From UTC's Wednesday it would be Monday 9 March.
    expect(shipment.promisedDate).toBe('2026-03-06');
    const slip = await packingSlipData(
      world.api.store.database.db,
      orderId,
      () => undefined,
      now,
      shipment.shipmentId,
    );
    expect(slip.shipDate).toBe(D);

    // Delivered Friday 17:00 PST = Saturday 01:00 UTC: on the promised local day, so on time.
    const delivered = await post(
      `/shipments/${shipment.shipmentId}/delivery`,
      { deliveredAt: '2026-03-07T01:00:00.000Z' },
      'manager',
    );
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json()).toMatchObject({ onTime: true, promisedDate: '2026-03-06' });

    await refreshAggregates();
    // The order KPIs of day D hold the order, bucketed on D; day D + 1 does not.
    const day = (from: string, to: string) =>
      ({ from, to, period: 'day', groupBy: 'warehouse' }) as const;
    const db = world.api.store.database.db;
    const facts = await orderFacts(db, day(D, '2026-03-04'));
    expect(facts.map((f) => [f.orderId, f.bucket])).toEqual([[orderId, D]]);
    // Delivered on the promised local day: on time in the KPIs too (OTIF, on-time delivery).
    expect(facts[0]).toMatchObject({ promisedDelivered: 1, deliveredOnTime: 1 });
    expect(await orderFacts(db, day('2026-03-04', '2026-03-05'))).toEqual([]);
    expect((await deliveryFacts(db, day(D, '2026-03-04'))).map((f) => f.bucket)).toEqual([D]);
    expect(await issuedOn(D)).toBe(3);
    expect(await issuedOn('2026-03-04')).toBe(0);
    expect(await shippedOn(D)).toBe(3);
    expect(await shippedOn('2026-03-04')).toBe(0);
  });

  it("prices an order placed at 17:00 local on D at D's prices, also when quoted", async () => {
    const customer = await createCustomer(world, 'LA-2', {
      preferredWarehouseId: world.warehouse.id,
    });
    const dayAfter = '2026-03-04';
    const prices = await call(
      world.api,
      'PUT',
      `/customers/${customer}/prices`,
      world.api.as('manager'),
      {
        skuId,
        packLevel: 'each',
        prices: [{ unitPriceMinor: 400, validFrom: dayAfter }],
      },
    );
    expect(prices.statusCode, prices.body).toBe(200);
    const quote = () =>
      call(world.api, 'POST', '/quotes', world.api.as('sales'), {
        customerId: customer,
        lines: [line(skuId, 1)],
      });

    now = new Date(D_AT_17_LOCAL);
    expect((await quote()).json()).toMatchObject({ onDate: D, totalMinor: EACH_PRICE });
    expect((await placeOrderFor(world, customer, [line(skuId, 1)])).totalMinor).toBe(EACH_PRICE);

    now = new Date('2026-03-04T16:00:00.000Z'); // 08:00 PST on the day after
    expect((await quote()).json()).toMatchObject({ onDate: dayAfter, totalMinor: 400 });
    expect((await placeOrderFor(world, customer, [line(skuId, 1)])).totalMinor).toBe(400);
  });

  it('migration 0023 backfills the local delivery day of shipments delivered before it', async () => {
    const database = world.api.store.database;
    const migration = shipmentDeliveredOn();
    await database.write((trx) => migration.down!(trx as unknown as Kysely<unknown>));
    await database.write((trx) => migration.up(trx as unknown as Kysely<unknown>));
    const rows = await database.db
      .selectFrom('shipments')
      .select(['delivered_at', 'delivered_on'])
      .where('delivered_at', 'is not', null)
      .execute();
    // Delivered Saturday 01:00 UTC: Friday in Los Angeles.
    expect(rows).toEqual([
      { delivered_at: '2026-03-07T01:00:00.000Z', delivered_on: '2026-03-06' },
    ]);
  });

  it('counts 00:30 and 17:00 PDT after the spring-forward change on their local day', async () => {
    const first = await pickedOrder(world, shop, [line(skuId, 2)]);
    const second = await pickedOrder(world, shop, [line(skuId, 5)]);
    // Both ship Monday 9 March local: a fixed PST offset would put the first on Sunday 8 March,
    // UTC the second on Tuesday 10 March.
    expect((await shipAt(first.orderId, 2, AFTER_DST)).promisedDate).toBe('2026-03-12');
    expect((await shipAt(second.orderId, 5, AFTER_DST_17_LOCAL)).promisedDate).toBe('2026-03-12');
    await refreshAggregates();
    expect(await issuedOn('2026-03-09')).toBe(7);
    expect(await issuedOn('2026-03-08')).toBe(0);
    expect(await issuedOn('2026-03-10')).toBe(0);
    expect(await shippedOn('2026-03-09')).toBe(7);
    expect(await shippedOn('2026-03-08')).toBe(0);
    expect(await shippedOn('2026-03-10')).toBe(0);
  });
});
