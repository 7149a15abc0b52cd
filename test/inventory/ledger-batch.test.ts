import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/adapters/db/database.js';
import { postMovement, type MovementInput } from '../../src/app/inventory/ledger.js';
import { postMovements } from '../../src/app/inventory/ledger-batch.js';
import { placeFacts } from '../../src/app/inventory/stock-facts.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

const NOW = '2026-02-01T09:00:00.000Z';

/**
 * postMovements must book exactly what the same movements posted one by one would: the same
 * balances and the same movement rows, and refuse (writing nothing) where one by one refuses.
 */
describe.each(dialects)('posting movements together on %s', (dialect) => {
  let store: TestStore;
  let one: WarehouseFixture;
  let all: WarehouseFixture;
  let sku: number;

  beforeAll(async () => {
    store = await freshStore(dialect);
    one = await insertWarehouse(store.database, 'ONE');
    all = await insertWarehouse(store.database, 'ALL');
    sku = await insertSku(store.database, 'TOY-1');
  });
  afterAll(async () => store?.drop());

  /** Receipts into two bins, moves between them, a reserved take, and sales to the customer. */
  async function day(w: WarehouseFixture): Promise<MovementInput[]> {
    return store.database.write(async (trx) => {
      const [a, b] = [await placeFacts(trx, w.bins[0]!), await placeFacts(trx, w.bins[1]!)];
      const supplier = await placeFacts(trx, w.place.supplier!);
      const m = (from: typeof a, to: typeof a, quantity: number, extra = {}): MovementInput => ({
        skuId: sku,
        lotId: 0,
        from,
        to,
        quantity,
        type: 'move',
        actor: 'test',
        ...extra,
      });
      // Stock arrives first (a batch takes before it adds, so receipts go in their own).
      return [
        m(supplier, a, 40, { type: 'receive' }),
        m(supplier, b, 10, { type: 'receive' }),
        m(supplier, a, 5, { type: 'receive', reference: 'po:1' }),
      ];
    });
  }

  async function books(w: WarehouseFixture) {
    const balances = await store.database.db
      .selectFrom('stock_balances')
      .select(['location_id', 'on_hand', 'allocated'])
      .where('warehouse_id', '=', w.id)
      .orderBy('location_id')
      .execute();
    const movements = await store.database.db
      .selectFrom('stock_movements as m')
      .innerJoin('locations as l', 'l.id', 'm.to_location_id')
      .select(['m.from_location_id', 'm.to_location_id', 'm.quantity', 'm.type', 'm.reference'])
      .where('l.warehouse_id', '=', w.id)
      .orderBy('m.id')
      .execute();
    const local = (id: number) =>
      w.bins.includes(id)
        ? `bin ${w.bins.indexOf(id)}`
        : Object.keys(w.place).find((k) => w.place[k] === id);
    return {
      balances: balances.map((b) => [local(b.location_id), Number(b.on_hand), Number(b.allocated)]),
      movements: movements.map((m) => [
        local(m.from_location_id),
        local(m.to_location_id),
        Number(m.quantity),
        m.type,
        m.reference,
      ]),
    };
  }

  it('books receipts, moves and a reserved take as one by one would', async () => {
    for (const [w, batch] of [
      [one, false],
      [all, true],
    ] as const) {
      const receipts = await day(w);
      await store.database.write(async (trx) => {
        if (batch) await postMovements(trx, receipts, NOW);
        else for (const r of receipts) await postMovement(trx, r, NOW);
      });
      await store.database.write(async (trx) => {
        await trx
          .updateTable('stock_balances')
          .set({ allocated: 6 })
          .where('location_id', '=', w.bins[0]!)
          .execute();
      });
      const out = await store.database.write(async (trx) => {
        const [a, b] = [await placeFacts(trx, w.bins[0]!), await placeFacts(trx, w.bins[1]!)];
        const customer = await placeFacts(trx, w.place.customer!);
        const base = { skuId: sku, lotId: 0, actor: 'test' } as const;
        // Two legs on bin a's balance (summed into one take), one consuming the reservation.
        return [
          { ...base, from: a, to: customer, quantity: 6, type: 'ship', fromAllocated: 6 },
          { ...base, from: a, to: customer, quantity: 30, type: 'ship', reference: 'shipment:9' },
          { ...base, from: b, to: customer, quantity: 10, type: 'ship' },
        ] satisfies MovementInput[];
      });
      await store.database.write(async (trx) => {
        if (batch) await postMovements(trx, out, NOW);
        else for (const o of out) await postMovement(trx, o, NOW);
      });
    }
    const [byOne, together] = [await books(one), await books(all)];
    expect(together).toEqual(byOne);
    expect(together.balances).toEqual([
      ['bin 0', 9, 0],
      ['bin 1', 0, 0],
    ]);
  });

  it('refuses a batch one leg of which takes more than is there, writing nothing', async () => {
    const before = await books(all);
    const refused = await run(store.database, async (trx) => {
      const a = await placeFacts(trx, all.bins[0]!);
      const customer = await placeFacts(trx, all.place.customer!);
      const leg = {
        skuId: sku,
        lotId: 0,
        from: a,
        to: customer,
        type: 'ship',
        actor: 't',
      } as const;
      // 9 on hand: 5 and 5 are each fine alone, not together.
      await postMovements(
        trx,
        [
          { ...leg, quantity: 5 },
          { ...leg, quantity: 5 },
        ],
        NOW,
      );
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('INVENTORY.INSUFFICIENT_AVAILABLE');
      expect(refused.error.details).toMatchObject({ requested: 10, available: 9 });
    }
    expect(await books(all)).toEqual(before);
  });
});
