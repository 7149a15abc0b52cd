import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/adapters/db/database.js';
import { confirmMoveTask } from '../../src/app/receiving/confirm-move-task.js';
import { putPickFace } from '../../src/app/receiving/pick-faces.js';
import { planReplenishmentIn } from '../../src/app/receiving/plan-replenishment.js';
import { receiveAgainstPo } from '../../src/app/receiving/receive-against-po.js';
import { statusAfterReceipt } from '../../src/core/purchasing/po-status.js';
import { receivingCeiling } from '../../src/core/receiving/receipt-rules.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';
import {
  expectReceivingConsistent,
  insertSupplier,
  sentPurchaseOrder,
} from './receiving-fixtures.js';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const LOTS = [
  { lotCode: 'LOT-A', expiryDate: '2027-01-31' },
  { lotCode: 'LOT-B', expiryDate: '2027-03-31' },
];

/** One step on the dock or the floor; indexes pick among lines, lots, open tasks and bins. */
type Op =
  | { kind: 'receive'; line: number; qty: number; damaged: boolean; lot: number }
  | { kind: 'confirm'; task: number; bin: number }
  | { kind: 'replenish' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('receive' as const),
    line: fc.integer({ min: 0, max: 1 }),
    qty: fc.integer({ min: 1, max: 14 }),
    damaged: fc.boolean(),
    lot: fc.integer({ min: 0, max: 1 }),
  }),
  fc.record({
    kind: fc.constant('confirm' as const),
    task: fc.nat(20),
    bin: fc.nat(5),
  }),
  fc.constant({ kind: 'replenish' as const }),
);

describe.each(dialects)('receiving and put-away keep the ledger whole (%s)', (dialect) => {
  let store: TestStore;
  let wh: WarehouseFixture;
  let supplierId: number;
  const skus: { id: number; lotTracked: boolean }[] = [];

  beforeAll(async () => {
    store = await freshStore(dialect);
    wh = await insertWarehouse(store.database, 'PROP', 5);
    supplierId = await insertSupplier(store.database);
    skus.push({ id: await insertSku(store.database, 'PROP-PLAIN'), lotTracked: false });
    skus.push({ id: await insertSku(store.database, 'PROP-LOT', true), lotTracked: true });
    await store.database.write(async (trx) => {
      await putPickFace(trx, wh.bins[0]!, { skuId: skus[0]!.id, minQuantity: 6, maxQuantity: 20 });
      await trx
        .updateTable('locations')
        .set({ capacity_units: 25 })
        .where('id', 'in', wh.bins.slice(1, 3))
        .execute();
    });
  });
  afterAll(() => store.drop());

  /** Applies one step; returns what the model expected of a receipt, to compare. */
  async function apply(
    op: Op,
    po: { id: number; lineIds: number[] },
    model: number[],
    ordered: number[],
  ) {
    const database = store.database;
    if (op.kind === 'receive') {
      const sku = skus[op.line]!;
      const lines = model.map((received, i) => ({
        quantityOrdered: ordered[i]!,
        quantityReceived: received,
        quantityCancelled: 0,
      }));
      const open = statusAfterReceipt(lines) !== 'received';
      const fits = model[op.line]! + op.qty <= receivingCeiling(lines[op.line]!, 10);
      const result = await run(database, (trx) =>
        receiveAgainstPo(
          trx,
          po.id,
          {
            skuId: sku.id,
            quantity: op.qty,
            damaged: op.damaged,
            ...(sku.lotTracked ? LOTS[op.lot] : {}),
          },
          'prop',
          NOW,
        ),
      );
      expect(result.ok, JSON.stringify(result)).toBe(open && fits);
      if (!result.ok)
        expect(result.error.code).toBe(open ? 'RECEIVING.OVER_TOLERANCE' : 'RECEIVING.PO_NOT_OPEN');
      else model[op.line]! += op.qty;
      return;
    }
    if (op.kind === 'replenish') {
      await database.write((trx) => planReplenishmentIn(trx, wh.id, NOW.toISOString()));
      return;
    }
    const open = await database.db
      .selectFrom('move_tasks')
      .select('id')
      .where('status', '=', 'open')
      .orderBy('id')
      .execute();
    if (open.length === 0) return;
    const taskId = open[op.task % open.length]!.id;
    const result = await run(database, (trx) =>
      confirmMoveTask(trx, taskId, `PROP-A-01-0${(op.bin % 5) + 1}`, 'prop', NOW.toISOString()),
    );
    // A full bin, a bin holding as many lots of the SKU as allowed, the bin the goods sit in
    // or a face of another SKU is refused; nothing else.
    if (!result.ok) {
      expect([
        'RECEIVING.BIN_FULL',
        'RECEIVING.BIN_LOT_LIMIT',
        'RECEIVING.NOT_A_BIN',
        'RECEIVING.PICK_FACE_OF_OTHER_SKU',
        'INVENTORY.INSUFFICIENT_AVAILABLE',
      ]).toContain(result.error.code);
    }
  }

  it('random receipts, put-aways and replenishments: reconcile clean, nothing negative, PO within tolerance', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.integer({ min: 3, max: 30 }), fc.integer({ min: 3, max: 30 })),
        fc.array(opArb, { minLength: 1, maxLength: 14 }),
        async (ordered, ops) => {
          const po = await sentPurchaseOrder(store.database, supplierId, wh.id, [
            { skuId: skus[0]!.id, quantity: ordered[0] },
            { skuId: skus[1]!.id, quantity: ordered[1] },
          ]);
          const model = [0, 0];
          for (const op of ops) await apply(op, po, model, ordered);
          const lines = await store.database.db
            .selectFrom('purchase_order_lines')
            .select(['id', 'quantity_received'])
            .where('purchase_order_id', '=', po.id)
            .orderBy('line_number')
            .execute();
          expect(lines.map((l) => Number(l.quantity_received))).toEqual(model);
          await expectReceivingConsistent(store.database.db);
          await expectOnHandIsSumOfMovements(store);
        },
      ),
      { numRuns: 12 },
    );
  });
});

/** Every real balance equals what its movements brought in less what they took out. */
async function expectOnHandIsSumOfMovements(store: TestStore) {
  const db = store.database.db;
  const movements = await db
    .selectFrom('stock_movements')
    .select(['sku_id', 'lot_id', 'from_location_id', 'to_location_id', 'quantity'])
    .execute();
  const net = new Map<string, number>();
  const add = (loc: number, sku: number, lot: number, q: number) => {
    const key = `${loc}/${sku}/${lot}`;
    net.set(key, (net.get(key) ?? 0) + q);
  };
  for (const m of movements) {
    add(m.to_location_id, m.sku_id, m.lot_id, Number(m.quantity));
    add(m.from_location_id, m.sku_id, m.lot_id, -Number(m.quantity));
  }
  const balances = await db.selectFrom('stock_balances').selectAll().execute();
  for (const b of balances) {
    expect(Number(b.on_hand)).toBe(net.get(`${b.location_id}/${b.sku_id}/${b.lot_id}`) ?? 0);
    expect(Number(b.on_hand)).toBeGreaterThanOrEqual(0);
  }
}
