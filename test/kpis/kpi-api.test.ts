import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/auth/api-keys.js';
import type { KpiRow } from '../../src/core/kpis/kpi-table.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { dialects } from '../support/databases.js';
import {
  insertCustomer,
  insertOrder,
  insertOrderEvent,
  insertReturn,
  insertShipment,
  insertShortPick,
  insertSku,
  insertWarehouse,
} from './kpi-fixtures.js';

/**
 * February 2026, three orders shipped (a fourth ships in March, outside the range):
 *  1 (customer 1): placed 02-02 08:00, 2 lines 10/10 and 5/5 shipped at 20:00 (12 h) in one
 *    shipment promised 02-04, delivered 02-04 10:00 (38 h): accurate, complete, on time.
 *  2 (customer 1): placed 02-03 00:00, 1 line 6 of 10 shipped 02-04 00:00 (24 h), promised
 *    02-05, delivered 02-06 00:00 (48 h, late); short-picked by 4; went on backorder.
 *  3 (customer 2): placed 02-10 00:00, 1 line 4/4 in two shipments (06:00, 6 h; and 02-11),
 *    no promised date, not delivered; a wrong-item return.
 */
describe.each(dialects)('KPI API on %s', (dialect) => {
  let api: TestApi;
  let customers: number[];
  const range = 'from=2026-02-01&to=2026-03-01&period=month';
  const get = (url: string, headers: Record<string, string>) =>
    api.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const total = (rows: KpiRow[], group = 'all') =>
    rows.find((r) => r.period === 'total' && r.group === group)!;

  beforeAll(async () => {
    api = await startTestApi(dialect, () => new Date('2026-03-10T00:00:00Z'));
    const db = api.store.database;
    const wh = await insertWarehouse(db, 'KPIAPI');
    const sku = await insertSku(db, 'S', 100);
    customers = await db.write(async (trx) => {
      const c1 = await insertCustomer(trx, 'C1');
      const c2 = await insertCustomer(trx, 'C2');
      const o1 = await insertOrder(trx, c1, wh.id, '2026-02-02T08:00:00.000Z', [
        { skuId: sku, ordered: 10, shipped: 10 },
        { skuId: sku, ordered: 5, shipped: 5 },
      ]);
      await insertShipment(
        trx,
        o1.orderId,
        wh.id,
        '2026-02-02T20:00:00.000Z',
        '2026-02-04',
        '2026-02-04T10:00:00.000Z',
      );
      const o2 = await insertOrder(trx, c1, wh.id, '2026-02-03T00:00:00.000Z', [
        { skuId: sku, ordered: 10, shipped: 6 },
      ]);
      await insertShipment(
        trx,
        o2.orderId,
        wh.id,
        '2026-02-04T00:00:00.000Z',
        '2026-02-05',
        '2026-02-06T00:00:00.000Z',
      );
      await insertShortPick(trx, o2.orderId, wh, sku, 4);
      await insertOrderEvent(trx, o2.orderId, 'backordered');
      const o3 = await insertOrder(trx, c2, wh.id, '2026-02-10T00:00:00.000Z', [
        { skuId: sku, ordered: 4, shipped: 4 },
      ]);
      await insertShipment(trx, o3.orderId, wh.id, '2026-02-10T06:00:00.000Z', null, null);
      await insertShipment(trx, o3.orderId, wh.id, '2026-02-11T06:00:00.000Z', null, null);
      await insertReturn(trx, o3.orderId, c2, 'wrong_item');
      const o4 = await insertOrder(trx, c2, wh.id, '2026-02-27T00:00:00.000Z', [
        { skuId: sku, ordered: 1, shipped: 1 },
      ]);
      await insertShipment(trx, o4.orderId, wh.id, '2026-03-02T00:00:00.000Z', null, null);
      return [c1, c2];
    });
  });
  afterAll(() => api.close());

  const kpis = async (query = '') => {
    const response = await get(`/kpis?${range}${query}`, api.as('sales'));
    expect(response.statusCode).toBe(200);
    const body = response.json() as { kpis: { name: string; rows: KpiRow[] }[] };
    return (name: string) => body.kpis.find((k) => k.name === name)!.rows;
  };

  it('scores order accuracy: 2 of 3 orders had an error', async () => {
    expect(total((await kpis())('order-accuracy'))).toMatchObject({
      shippedOrders: 3,
      shortPickOrders: 1,
      accuracyReturnOrders: 1,
      errorOrders: 2,
      orderAccuracy: 0.3333,
    });
  });

  it('times delivery: cycle p50/p90, transit, on time and OTIF', async () => {
    // Cycle hours [6, 12, 24]: p50 is the 2nd (12), p90 the 3rd (24). Transit [38, 48].
    // On time: 1 of 2 promised-and-delivered shipments. OTIF: orders 1 and 2 can be measured
    // (every shipment promised and delivered); only 1 was on time and in full.
    expect(total((await kpis())('delivery-time'))).toMatchObject({
      cycleP50Hours: 12,
      cycleP90Hours: 24,
      deliveredShipments: 2,
      transitP50Hours: 38,
      transitP90Hours: 48,
      onTimeDelivery: 0.5,
      otifMeasuredOrders: 2,
      otifOrders: 1,
      otif: 0.5,
    });
  });

  it('computes line, unit and order fill rates', async () => {
    // Lines: 3 of 4 in full. Units: 25 of 29 = 0.8621. Orders complete on a first and only
    // shipment: order 1 of 3.
    expect(total((await kpis())('fill-rate'))).toMatchObject({
      lineFillRate: 0.75,
      unitsOrdered: 29,
      unitsShipped: 25,
      unitFillRate: 0.8621,
      orderFillRate: 0.3333,
    });
    expect(total((await kpis())('backorder-rate'))).toMatchObject({ backorderRate: 0.3333 });
  });

  it('groups by customer and filters by customer', async () => {
    const rows = (await kpis('&groupBy=customer'))('fill-rate').filter((r) => r.period === 'total');
    expect(rows.map((r) => [r.group, r.orders])).toEqual([
      [String(customers[0]), 2],
      [String(customers[1]), 1],
    ]);
    const only = (await kpis(`&customerId=${customers[1]}`))('order-accuracy');
    expect(total(only)).toMatchObject({ shippedOrders: 1, orderAccuracy: 0 });
  });

  it('exports any KPI table as CSV that parses back to the same numbers', async () => {
    const json = await get(`/kpis/delivery-time?${range}`, api.as('manager'));
    const csv = await get(`/kpis/delivery-time?${range}&format=csv`, api.as('manager'));
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const viaAccept = await get(`/kpis/delivery-time?${range}`, {
      ...api.as('manager'),
      accept: 'text/csv',
    });
    expect(viaAccept.body).toBe(csv.body);
    const parsed = parse(csv.body, { columns: true }) as Record<string, string>[];
    const rows = (json.json() as { rows: KpiRow[] }).rows;
    expect(parsed).toHaveLength(rows.length);
    for (const [i, row] of rows.entries())
      for (const [column, value] of Object.entries(row))
        expect(parsed[i]![column]).toBe(value === null ? '' : String(value));
  });

  it('lets a customer key read only its own order KPIs', async () => {
    const key = await createApiKey(
      api.store.database,
      { role: 'customer', customerId: customers[0]! },
      new Date(),
    );
    if (!key.ok) throw new Error(key.error.message);
    const mine = { authorization: `Bearer ${key.value.key}` };
    const all = await get(`/kpis?${range}`, mine);
    expect(all.statusCode).toBe(200);
    const body = all.json() as { kpis: { name: string; rows: KpiRow[] }[] };
    expect(body.kpis.map((k) => k.name)).toEqual([
      'order-accuracy',
      'delivery-time',
      'fill-rate',
      'backorder-rate',
    ]);
    expect(total(body.kpis[0]!.rows)).toMatchObject({ shippedOrders: 2 });
    expect((await get(`/kpis?${range}&customerId=${customers[1]}`, mine)).statusCode).toBe(403);
    expect((await get(`/kpis/stock-turnover?${range}`, mine)).statusCode).toBe(403);
    expect((await get(`/kpis/fill-rate?${range}`, mine)).statusCode).toBe(200);
  });

  it('lets staff read, and only admins and managers change settings', async () => {
    expect((await get(`/kpis/stock-turnover?${range}`, api.as('warehouse'))).statusCode).toBe(200);
    const put = (role: 'planner' | 'manager') =>
      api.app.inject({
        method: 'PUT',
        url: '/api/v1/kpis/settings',
        headers: api.as(role),
        payload: { storagePct: 6 },
      });
    expect((await put('planner')).statusCode).toBe(403);
    const changed = await put('manager');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ storagePct: 6, capitalPct: 10 });
    expect((await get('/kpis/settings', api.as('planner'))).json()).toMatchObject({
      storagePct: 6,
    });
  });
});
