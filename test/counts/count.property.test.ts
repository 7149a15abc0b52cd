import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/adapters/db/database.js';
import { approveCount } from '../../src/app/counts/approve-count.js';
import { insertCountTask } from '../../src/app/counts/count-store.js';
import { startCount } from '../../src/app/counts/start-count.js';
import { submitCount } from '../../src/app/counts/submit-count.js';
import { balanceAt, postMovement } from '../../src/app/inventory/ledger.js';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { placeFacts, standardPlace } from '../../src/app/inventory/stock-facts.js';
import type { Actor } from '../../src/core/shared/roles.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouse, NOW, type WarehouseFixture } from '../support/fixtures.js';

const counter: Actor = { id: 'test:counter', role: 'manager', customerId: null, apiKeyId: 0 };
const now = new Date(NOW);

/** A move into (+) or out of (−) the counted bin, during the count or after the submission. */
const moveArb = fc.record({
  quantity: fc.integer({ min: -12, max: 12 }).filter((q) => q !== 0),
  afterSubmit: fc.boolean(),
});

describe.each(dialects)('counts and the ledger, by property, on %s', (dialect) => {
  let store: TestStore;
  let wh: WarehouseFixture;
  let planId: number;
  let skuSeq = 0;
  beforeAll(async () => {
    store = await freshStore(dialect);
    wh = await insertWarehouse(store.database, 'PROP', 2);
    // Thresholds no variance can exceed: every count goes straight to approval.
    planId = await store.database.write(async (trx) => {
      const row = await trx
        .insertInto('count_plans')
        .values({
          warehouse_id: wh.id,
          name: 'all',
          basis: 'zone',
          abc_class: null,
          zone: 'P',
          frequency_days: 1,
          recount_threshold_pct: 1000,
          recount_threshold_units: 1_000_000,
          active: 1,
          last_generated_on: null,
          created_at: NOW,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
  });
  afterAll(async () => store.drop());

  it('after approval on hand is the count plus what moved after the start', async () => {
    const [bin, buffer] = wh.bins as [number, number];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(40),
        fc.nat(60),
        fc.array(moveArb, { maxLength: 6 }),
        async (initial, counted, moves) => {
          const db = store.database;
          const skuId = await insertSku(db, `PROP-${++skuSeq}`);
          await db.write(async (trx) => {
            const supplier = await standardPlace(trx, wh.id, 'supplier');
            for (const [at, qty] of [
              [bin, initial],
              [buffer, 100],
            ] as const) {
              if (qty === 0) continue;
              const to = await placeFacts(trx, at);
              await postMovement(
                trx,
                { skuId, lotId: 0, from: supplier, to, quantity: qty, type: 'receipt', actor: 't' },
                NOW,
              );
            }
          });
          const taskId = await db.write((trx) =>
            insertCountTask(
              trx,
              {
                locationId: bin,
                warehouseId: wh.id,
                skuId,
                reason: 'cycle',
                planId,
                recountOfId: null,
                dueDate: '2026-01-05',
                reference: null,
              },
              NOW,
            ),
          );
          await db.write((trx) => startCount(trx, taskId, counter, now));
          let netSinceStart = 0;
          const move = async (quantity: number) => {
            // A move the bin cannot give is refused by the ledger and simply did not happen.
            const done = await run(db, async (trx) => {
              const [from, to] = quantity > 0 ? [buffer, bin] : [bin, buffer];
              await postMovement(
                trx,
                {
                  skuId,
                  lotId: 0,
                  from: await placeFacts(trx, from),
                  to: await placeFacts(trx, to),
                  quantity: Math.abs(quantity),
                  type: 'move',
                  actor: 't',
                },
                NOW,
              );
            });
            if (done.ok) netSinceStart += quantity;
          };
          for (const m of moves.filter((m) => !m.afterSubmit)) await move(m.quantity);
          const sent = await db.write((trx) =>
            submitCount(trx, taskId, { lines: [{ skuId, quantity: counted }] }, counter, now),
          );
          expect(sent.status).toBe('counted');
          for (const m of moves.filter((m) => m.afterSubmit)) await move(m.quantity);
          const line = await db.db
            .selectFrom('count_lines')
            .selectAll()
            .where('count_task_id', '=', taskId)
            .executeTakeFirstOrThrow();
          expect(Number(line.system_quantity)).toBe(initial);
          const before = await balanceAt(db.db, bin, skuId, 0);
          const approved = await run(db, (trx) => approveCount(trx, taskId, counter, now));
          const after = await balanceAt(db.db, bin, skuId, 0);
          if (counted + netSinceStart >= 0) {
            expect(approved.ok).toBe(true);
            expect(after.onHand).toBe(counted + netSinceStart);
          } else {
            // The bin gave out more since the start than the count says it held: refused.
            expect(approved.ok ? undefined : approved.error.code).toBe('COUNT.ALLOCATED_CONFLICT');
            expect(after.onHand).toBe(before.onHand);
          }
        },
      ),
      { numRuns: 15 },
    );
    const report = await reconcile(store.database.db);
    expect(report.differences).toEqual([]);
  });
});
