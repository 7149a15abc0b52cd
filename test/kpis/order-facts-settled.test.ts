import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/adapters/db/database.js';
import { settleOrderFacts } from '../../src/app/kpis/order-fact-store.js';
import { deliveryFacts, orderFacts } from '../../src/app/kpis/order-facts.js';
import type { KpiQuery } from '../../src/app/kpis/kpi-query.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import {
  insertCustomer,
  insertOrder,
  insertOrderEvent,
  insertReturn,
  insertShipment,
  insertShortPick,
  insertSku,
  insertWarehouse,
  type WarehouseFixture,
} from './kpi-fixtures.js';

const STATUSES = ['released', 'partially_shipped', 'shipped', 'delivered', 'closed', 'cancelled'];
const SETTLED = new Set(['shipped', 'delivered', 'closed', 'cancelled']);
const day = (d: number, hour = 12) =>
  `2026-02-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

const shipmentArb = fc.record({
  day: fc.integer({ min: 1, max: 27 }),
  hour: fc.integer({ min: 0, max: 23 }),
  promisedIn: fc.option(fc.integer({ min: 0, max: 3 })),
  deliveredIn: fc.option(fc.integer({ min: 0, max: 4 }), { freq: 4 }),
});
const orderArb = fc.record({
  status: fc.constantFrom(...STATUSES),
  warehouse: fc.integer({ min: 0, max: 1 }),
  lines: fc.array(
    fc.record({ ordered: fc.integer({ min: 1, max: 9 }), short: fc.integer({ min: 0, max: 3 }) }),
    { minLength: 1, maxLength: 3 },
  ),
  shipments: fc.array(shipmentArb, { maxLength: 3 }),
  // Flags that can arrive before or after the order settles: never stored, always looked up.
  shortPick: fc.boolean(),
  wrongItemReturn: fc.boolean(),
  backordered: fc.boolean(),
  flagsLate: fc.boolean(),
});
const queryArb = fc.record({
  from: fc.integer({ min: 1, max: 27 }),
  span: fc.integer({ min: 1, max: 27 }),
  period: fc.constantFrom('day' as const, 'week' as const),
  groupBy: fc.constantFrom('warehouse' as const, 'customer' as const, 'none' as const),
  byWarehouse: fc.option(fc.integer({ min: 0, max: 1 })),
});

type Spec = typeof orderArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * Orders in every state, shipped in parts and delivered or not, with short picks, returns and
 * backorder events before and after they settle: the order facts read through the stored
 * `kpi_order_facts` must equal the direct computation from the order tables, for any range.
 */
describe.each(dialects)('settled order facts on %s', (dialect) => {
  let store: TestStore;
  let warehouses: WarehouseFixture[];
  let sku: number;
  let run = 0;

  beforeAll(async () => {
    store = await freshStore(dialect);
    warehouses = [
      await insertWarehouse(store.database, 'OF1'),
      await insertWarehouse(store.database, 'OF2'),
    ];
    sku = await insertSku(store.database, 'OF-SKU', 5);
  });
  afterAll(() => store.drop());

  async function insertSpec(trx: Tx, customerId: number, o: Spec): Promise<number> {
    const wh = warehouses[o.warehouse]!;
    const first = Math.min(28, ...o.shipments.map((s) => s.day));
    const { orderId } = await insertOrder(
      trx,
      customerId,
      wh.id,
      day(Math.max(1, first - 1), 8),
      o.lines.map((l) => ({
        skuId: sku,
        ordered: l.ordered,
        shipped: Math.max(0, l.ordered - l.short),
      })),
    );
    await trx.updateTable('orders').set({ status: o.status }).where('id', '=', orderId).execute();
    for (const s of o.shipments)
      await insertShipment(
        trx,
        orderId,
        wh.id,
        day(s.day, s.hour),
        s.promisedIn === null ? null : day(s.day + s.promisedIn).slice(0, 10),
        s.deliveredIn === null ? null : day(s.day + s.deliveredIn, 20),
      );
    return orderId;
  }

  async function insertFlags(trx: Tx, customerId: number, orderId: number, o: Spec) {
    if (o.shortPick) await insertShortPick(trx, orderId, warehouses[o.warehouse]!, sku, 1);
    if (o.wrongItemReturn) await insertReturn(trx, orderId, customerId, 'wrong_item');
    if (o.backordered) await insertOrderEvent(trx, orderId, 'backordered');
  }

  it('reads the same facts through the settled orders as from the order tables', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(orderArb, { minLength: 1, maxLength: 8 }),
        fc.array(queryArb, { minLength: 1, maxLength: 4 }),
        async (specs, queries) => {
          const customerId = await store.database.write((trx) =>
            insertCustomer(trx, `OF-${run++}`),
          );
          const ids = await store.database.write(async (trx) => {
            const out: number[] = [];
            for (const o of specs) {
              const id = await insertSpec(trx, customerId, o);
              if (!o.flagsLate) await insertFlags(trx, customerId, id, o);
              out.push(id);
            }
            return out;
          });
          const kpiQueries: KpiQuery[] = queries.map((q) => ({
            from: day(q.from).slice(0, 10),
            to: day(Math.min(28, q.from + q.span)).slice(0, 10),
            period: q.period,
            groupBy: q.groupBy,
            customerId,
            warehouseId: q.byWarehouse === null ? undefined : warehouses[q.byWarehouse]!.id,
          }));
          const direct = async () => {
            const out = [];
            for (const q of kpiQueries)
              out.push({
                orders: await orderFacts(store.database.db, q),
                deliveries: await deliveryFacts(store.database.db, q),
              });
            return out;
          };

          const before = await direct();
          await store.database.write((trx) => settleOrderFacts(trx));
          const settled = (
            await store.database.db
              .selectFrom('kpi_order_facts')
              .select('order_id')
              .where('order_id', 'in', ids)
              .execute()
          ).length;
          const expected = specs.filter(
            (o) =>
              SETTLED.has(o.status) &&
              o.shipments.length > 0 &&
              o.shipments.every((s) => s.deliveredIn !== null),
          ).length;
          expect(settled).toBe(expected);
          expect(await direct()).toEqual(before);

          // Flags arriving after the order settled are seen by both paths.
          await store.database.write(async (trx) => {
            for (const [i, o] of specs.entries())
              if (o.flagsLate) await insertFlags(trx, customerId, ids[i]!, o);
          });
          const withFlags = await direct();
          // …and are the spec's: read for the whole id range at once, kept only for its orders.
          const specOf = new Map(ids.map((id, i) => [id, specs[i]!]));
          for (const f of withFlags.flatMap((r) => r.orders)) {
            const o = specOf.get(f.orderId)!;
            expect([f.shortPicked, f.accuracyReturn, f.backordered]).toEqual([
              o.shortPick,
              o.wrongItemReturn,
              o.backordered,
            ]);
          }
          await store.database.write((trx) =>
            trx.deleteFrom('kpi_order_facts').where('order_id', 'in', ids).execute(),
          );
          expect(await direct()).toEqual(withFlags);
        },
      ),
      { numRuns: 10 },
    );
  });
});
