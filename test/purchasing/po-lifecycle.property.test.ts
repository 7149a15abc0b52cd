import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type Tx } from '../../src/adapters/db/database.js';
import { onOrderBySku } from '../../src/app/purchasing/incoming.js';
import {
  cancelPurchaseOrder,
  closePurchaseOrder,
  sendPurchaseOrder,
} from '../../src/app/purchasing/po-lifecycle.js';
import {
  PO_TRANSITIONS,
  openQuantity,
  type PoStatus,
} from '../../src/core/purchasing/po-status.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouse, NOW, type WarehouseFixture } from '../support/fixtures.js';
import { createDraftPurchaseOrder, createSupplier } from './purchasing-fixtures.js';
import { bookPoReceipt, poLineIds } from './receipt-fixtures.js';

/** What a buyer or the dock may do to a PO; each is tried whatever the PO's state. */
const stepArb = fc.oneof(
  fc.constant({ kind: 'send' as const }),
  fc.constant({ kind: 'cancel' as const }),
  fc.constant({ kind: 'close' as const }),
  fc.record({
    kind: fc.constant('receive' as const),
    line: fc.integer({ min: 0, max: 1 }),
    quantity: fc.integer({ min: 1, max: 15 }),
  }),
);

/**
 * Random sequences of commands on random POs: whatever is accepted or refused, every status
 * change follows the transition table, closed and cancelled POs have nothing open, and the
 * incoming figure equals the open quantity of sent and partially received POs.
 */
describe.each(dialects)('PO lifecycle under random commands (%s)', (dialect) => {
  let store: TestStore;
  let warehouse: WarehouseFixture;
  let supplierId: number;
  let skus: number[];
  let runs = 0;

  beforeAll(async () => {
    store = await freshStore(dialect);
    warehouse = await insertWarehouse(store.database, 'MAIN');
    supplierId = await createSupplier(store.database);
    skus = [await insertSku(store.database, 'DOG-1'), await insertSku(store.database, 'CAT-1')];
  });
  afterAll(() => store.drop());

  it('keeps statuses legal and incoming equal to what is open', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })),
        fc.array(stepArb, { minLength: 1, maxLength: 8 }),
        async ([q1, q2], steps) => {
          const database = store.database;
          const po = await createDraftPurchaseOrder(database, {
            supplierId,
            warehouseId: warehouse.id,
            lines: [
              { skuId: skus[0]!, quantity: q1 },
              { skuId: skus[1]!, quantity: q2 },
            ],
          });
          const lineIds = await poLineIds(database, po.id);
          let status: PoStatus = 'draft';
          for (const step of steps) {
            if (step.kind === 'receive') {
              // The dock only receives against sent or partially received POs.
              if (status !== 'sent' && status !== 'partially_received') continue;
              await bookPoReceipt(database, lineIds[step.line]!, step.quantity, NOW);
            } else {
              const work = {
                send: (trx: Tx) => sendPurchaseOrder(trx, po.id, 'test', NOW),
                cancel: (trx: Tx) => cancelPurchaseOrder(trx, po.id, undefined, 'test', NOW),
                close: (trx: Tx) => closePurchaseOrder(trx, po.id, 'test', NOW),
              }[step.kind];
              const result = await run(database, work);
              if (!result.ok) expect(result.error.code).toMatch(/^PURCHASING\./);
            }
            const row = await database.db
              .selectFrom('purchase_orders')
              .select('status')
              .where('id', '=', po.id)
              .executeTakeFirstOrThrow();
            const next = row.status as PoStatus;
            if (next !== status) expect(PO_TRANSITIONS[status]).toContain(next);
            status = next;
          }
          const lines = await database.db
            .selectFrom('purchase_order_lines')
            .selectAll()
            .where('purchase_order_id', '=', po.id)
            .execute();
          const open = lines.map((l) =>
            openQuantity({
              quantityOrdered: l.quantity_ordered,
              quantityReceived: l.quantity_received,
              quantityCancelled: l.quantity_cancelled,
            }),
          );
          if (status === 'closed' || status === 'cancelled') expect(open).toEqual([0, 0]);
          if (status === 'cancelled') for (const l of lines) expect(l.quantity_received).toBe(0);
          runs++;
        },
      ),
      { numRuns: 25 },
    );
    // Incoming over all the POs the runs left behind equals their open quantity.
    const all = await store.database.db
      .selectFrom('purchase_order_lines as pl')
      .innerJoin('purchase_orders as po', 'po.id', 'pl.purchase_order_id')
      .select([
        'pl.sku_id',
        'po.status',
        'pl.quantity_ordered',
        'pl.quantity_received',
        'pl.quantity_cancelled',
      ])
      .execute();
    const expected = new Map<number, number>();
    for (const l of all) {
      if (l.status !== 'sent' && l.status !== 'partially_received') continue;
      const open = openQuantity({
        quantityOrdered: l.quantity_ordered,
        quantityReceived: l.quantity_received,
        quantityCancelled: l.quantity_cancelled,
      });
      expected.set(l.sku_id, (expected.get(l.sku_id) ?? 0) + open);
    }
    const onOrder = await onOrderBySku(store.database.db, warehouse.id);
    for (const [skuId, quantity] of expected) expect(onOrder.get(skuId) ?? 0).toBe(quantity);
    expect(runs).toBeGreaterThanOrEqual(25);
  });
});
