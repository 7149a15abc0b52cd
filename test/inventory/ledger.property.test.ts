import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type Tx } from '../../src/adapters/db/database.js';
import { adjustStock } from '../../src/app/inventory/adjust-stock.js';
import { changeStatus } from '../../src/app/inventory/change-status.js';
import { moveStock } from '../../src/app/inventory/move-stock.js';
import { receiveUnplanned } from '../../src/app/inventory/receive-unplanned.js';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { dispatchTransfer, receiveTransfer } from '../../src/app/inventory/transfers.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

const NOW = '2026-03-01T10:00:00.000Z';

/** An operation drawn at random; indexes pick among the fixture's SKUs, bins and lots. */
type Op =
  | { kind: 'receipt'; sku: number; bin: number; qty: number; lot: number }
  | { kind: 'adjust'; sku: number; bin: number; delta: number; lot: number }
  | { kind: 'move'; sku: number; from: number; to: number; qty: number; lot: number }
  | { kind: 'transfer'; sku: number; bin: number; qty: number; lot: number; receiveInto: number }
  | { kind: 'quarantine'; sku: number; bin: number; qty: number; lot: number }
  | { kind: 'release'; sku: number; bin: number; qty: number; lot: number };

const idx = (n: number) => fc.integer({ min: 0, max: n - 1 });
const qty = fc.integer({ min: 1, max: 40 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('receipt' as const), sku: idx(2), bin: idx(3), qty, lot: idx(2) }),
  fc.record({
    kind: fc.constant('adjust' as const),
    sku: idx(2),
    bin: idx(3),
    delta: fc.integer({ min: -30, max: 30 }).filter((d) => d !== 0),
    lot: idx(2),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    sku: idx(2),
    from: idx(3),
    to: idx(3),
    qty,
    lot: idx(2),
  }),
  fc.record({
    kind: fc.constant('transfer' as const),
    sku: idx(2),
    bin: idx(3),
    qty,
    lot: idx(2),
    receiveInto: idx(3),
  }),
  fc.record({
    kind: fc.constant('quarantine' as const),
    sku: idx(2),
    bin: idx(3),
    qty,
    lot: idx(2),
  }),
  fc.record({ kind: fc.constant('release' as const), sku: idx(2), bin: idx(3), qty, lot: idx(2) }),
);

describe.each(dialects)('ledger invariants under random operations on %s', (dialect) => {
  let store: TestStore;
  let main: WarehouseFixture;
  let west: WarehouseFixture;
  let skus: { id: number; lotTracked: boolean }[];

  beforeAll(async () => {
    store = await freshStore(dialect);
    main = await insertWarehouse(store.database, 'MAIN');
    west = await insertWarehouse(store.database, 'WEST');
    skus = [
      { id: await insertSku(store.database, 'LOT-SKU', true), lotTracked: true },
      { id: await insertSku(store.database, 'PLAIN-SKU'), lotTracked: false },
    ];
  });
  afterAll(async () => store?.drop());

  const lotOf = (op: { sku: number; lot: number }) =>
    skus[op.sku]!.lotTracked ? { lotCode: `L${op.lot}`, expiryDate: `2027-0${op.lot + 1}-15` } : {};

  function apply(op: Op) {
    const sku = skus[op.sku]!;
    const lot = lotOf(op);
    return run(store.database, async (t: Tx) => {
      switch (op.kind) {
        case 'receipt':
          return receiveUnplanned(
            t,
            { skuId: sku.id, toLocationId: main.bins[op.bin]!, quantity: op.qty, ...lot },
            'prop',
            NOW,
          );
        case 'adjust':
          return adjustStock(
            t,
            {
              skuId: sku.id,
              locationId: main.bins[op.bin]!,
              delta: op.delta,
              reasonCode: 'correction',
              ...lot,
            },
            'prop',
            NOW,
          );
        case 'move':
          return moveStock(
            t,
            {
              skuId: sku.id,
              fromLocationId: main.bins[op.from]!,
              toLocationId: main.bins[op.to]!,
              quantity: op.qty,
              lotCode: lot.lotCode,
            },
            'prop',
            NOW,
          );
        case 'transfer': {
          const sent = await dispatchTransfer(
            t,
            {
              skuId: sku.id,
              fromLocationId: main.bins[op.bin]!,
              toWarehouseId: west.id,
              quantity: op.qty,
              lotCode: lot.lotCode,
            },
            'prop',
            NOW,
          );
          return receiveTransfer(t, sent.transferId, west.bins[op.receiveInto]!, 'prop', NOW);
        }
        case 'quarantine':
          return changeStatus(
            t,
            {
              skuId: sku.id,
              fromLocationId: main.bins[op.bin]!,
              quantity: op.qty,
              status: 'quarantine',
              lotCode: lot.lotCode,
            },
            'prop',
            NOW,
          );
        case 'release':
          return changeStatus(
            t,
            {
              skuId: sku.id,
              fromLocationId: main.place.quarantine!,
              toLocationId: main.bins[op.bin]!,
              quantity: op.qty,
              status: 'available',
              lotCode: lot.lotCode,
            },
            'prop',
            NOW,
          );
      }
    });
  }

  /** What an accepted operation does to the SKU's total in MAIN's bins. */
  function expectedBinChange(op: Op): number {
    switch (op.kind) {
      case 'receipt':
      case 'release':
        return op.qty;
      case 'adjust':
        return op.delta;
      case 'move':
        return 0;
      case 'transfer':
      case 'quarantine':
        return -op.qty;
    }
  }

  function binTotal(map: Map<string, number>, skuId: number) {
    let total = 0;
    for (const [key, onHand] of map) {
      const [location, sku] = key.split('/').map(Number);
      if (sku === skuId && main.bins.includes(location!)) total += onHand;
    }
    return total;
  }

  async function snapshot() {
    const balances = await store.database.db
      .selectFrom('stock_balances')
      .select(['location_id', 'sku_id', 'lot_id', 'on_hand', 'allocated'])
      .execute();
    const movements = await store.database.db
      .selectFrom('stock_movements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const map = new Map(
      balances
        .filter((b) => b.on_hand !== 0 || b.allocated !== 0)
        .map((b) => [`${b.location_id}/${b.sku_id}/${b.lot_id}`, b.on_hand]),
    );
    return { map, movements: Number(movements.n) };
  }

  it('keeps on hand = sum of movements, every SKU summing to zero, nothing negative, and refusals change nothing', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 15 }), async (ops) => {
        for (const op of ops) {
          const before = await snapshot();
          const result = await apply(op);
          const after = await snapshot();
          const skuId = skus[op.sku]!.id;
          if (!result.ok) {
            refused++;
            expect(after.movements).toBe(before.movements);
            expect([...after.map]).toEqual([...before.map]);
          } else {
            accepted++;
            expect(after.movements).toBeGreaterThan(before.movements);
            expect(binTotal(after.map, skuId) - binTotal(before.map, skuId)).toBe(
              expectedBinChange(op),
            );
          }
          const report = await reconcile(store.database.db);
          expect(report.differences).toEqual([]);
        }
      }),
      { numRuns: 25, seed: Number(process.env.FC_SEED ?? Date.now() % 1_000_000) },
    );
    // Both paths must have been exercised, or the property proved nothing.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(5);
  });
});
