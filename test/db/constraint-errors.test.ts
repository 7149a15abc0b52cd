import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constraintFailure, KNOWN_CHECKS } from '../../src/adapters/db/constraint-errors.js';
import { buildServer } from '../../src/adapters/http/server.js';
import { DEFAULT_POLICIES } from '../../src/app/context.js';
import { dialects, freshStore, type TestStore } from '../support/databases.js';
import { insertSku, insertWarehouse, NOW } from '../support/fixtures.js';

/** Issue 17, item 3: a refused write maps by its constraint, never to someone else's code. */
describe.each(dialects)('constraint errors on %s', (dialect) => {
  let store: TestStore;
  let locationId: number;
  let warehouseId: number;
  let skuId: number;
  beforeAll(async () => {
    store = await freshStore(dialect);
    const warehouse = await insertWarehouse(store.database, 'CHK', 1);
    warehouseId = warehouse.id;
    locationId = warehouse.bins[0]!;
    skuId = await insertSku(store.database, 'CHK-1');
  });
  afterAll(async () => store?.drop());

  const refusal = async (statement: () => RawBuilder<unknown>) => {
    const error = await store.database
      .write((trx) => statement().execute(trx))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error, 'the write should have been refused').toBeDefined();
    return error;
  };

  const cases: [string, () => RawBuilder<unknown>, string, string | undefined][] = [
    [
      'a negative lead time',
      () =>
        sql`insert into suppliers (code, name, currency, lead_time_days, created_at, updated_at) values ('S', 'S', 'USD', -1, ${NOW}, ${NOW})`,
      'SUPPLIERS.INVALID_LEAD_TIME',
      'leadTimeDays',
    ],
    [
      'an unknown webhook status',
      () =>
        sql`insert into webhook_endpoints (url, secret, event_types, status, created_at, updated_at) values ('https://x.test', 's', '*', 'paused', ${NOW}, ${NOW})`,
      'WEBHOOKS.INVALID_STATUS',
      'status',
    ],
    [
      'more reserved than on hand',
      () =>
        sql`insert into stock_balances (location_id, sku_id, lot_id, warehouse_id, on_hand, allocated, updated_at) values (${locationId}, ${skuId}, 0, ${warehouseId}, 1, 2, ${NOW})`,
      'INVENTORY.INSUFFICIENT_AVAILABLE',
      undefined,
    ],
    [
      'a user of an account that does not exist',
      () =>
        sql`insert into users (email, name, role, customer_id, password_hash, active, created_at) values ('a@b.c', 'A', 'customer', 999999, 'h', 1, ${NOW})`,
      'REFERENCE.INVALID',
      dialect === 'postgres' ? 'customerId' : undefined,
    ],
  ];

  it.each(cases)('maps %s to its own code', async (_name, statement, code, field) => {
    const failure = constraintFailure(await refusal(statement));
    expect(failure?.code).toBe(code);
    expect(failure?.details?.field).toBe(field);
  });

  it('leaves a constraint it does not know to the 500 path', () => {
    expect(constraintFailure({ code: '23514', constraint: 'new_table_thing_check' })).toBeNull();
    expect(
      constraintFailure({
        code: 'SQLITE_CONSTRAINT_CHECK',
        message: 'CHECK constraint failed: x > 1',
      }),
    ).toBeNull();
  });

  it.runIf(dialect === 'postgres')('knows every CHECK in the schema', async () => {
    const { rows } = await sql<{ name: string }>`select conname as name from pg_constraint
      where connamespace = ${store.schema}::regnamespace and contype = 'c'`.execute(
      store.database.db,
    );
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.map((r) => r.name).filter((n) => !KNOWN_CHECKS.has(n))).toEqual([]);
  });

  it('answers over HTTP with the mapped code, and an unknown constraint with a bare 500', async () => {
    const ctx = { database: store.database, now: () => new Date(), policies: DEFAULT_POLICIES };
    const app = await buildServer(ctx, { logLevel: 'silent', webRoot: '/nonexistent' });
    const route = { config: { public: true } };
    app.post('/test/lead-time', route, async () =>
      store.database.write((trx) => cases[0]![1]().execute(trx)),
    );
    app.post('/test/unknown', route, async () => {
      throw Object.assign(new Error('new row violates check constraint "x_check"'), {
        code: '23514',
        constraint: 'x_check',
      });
    });
    await app.ready();
    try {
      const mapped = await app.inject({ method: 'POST', url: '/test/lead-time' });
      expect(mapped.statusCode).toBe(422);
      expect(mapped.json()).toMatchObject({
        code: 'SUPPLIERS.INVALID_LEAD_TIME',
        field: 'leadTimeDays',
      });
      const unknown = await app.inject({ method: 'POST', url: '/test/unknown' });
      expect(unknown.statusCode).toBe(500);
      expect(unknown.json().code).toBe('INTERNAL.ERROR');
      expect(unknown.body).not.toContain('x_check');
    } finally {
      await app.close();
    }
  });
});
