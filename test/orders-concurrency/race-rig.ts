import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Database, DialectName } from '../../src/adapters/db/database.js';
import { reconcile } from '../../src/app/inventory/reconcile.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { insertSku, insertWarehouse, type WarehouseFixture } from '../support/fixtures.js';

/** How every race SKU is stocked: exactly 100 units over the warehouse's three bins. */
export const STOCK_PER_SKU = [30, 30, 40] as const;
export const STOCK = STOCK_PER_SKU.reduce((n, q) => n + q, 0);

export interface OrderLine {
  skuId: number;
  quantity: number;
}

/** What one POST /orders answered: the status and the summary or the problem. */
export interface OrderReply {
  status: number;
  lines: OrderLine[];
  body: {
    id?: number;
    status?: string;
    code?: string;
    allocation?: { status: string; allocated: number; backordered: number; cancelled: number };
  };
}

export interface RaceRig {
  api: TestApi;
  db: Database;
  /** Base URL of the in-process server (listening on a real socket). */
  base: string;
  warehouse: WarehouseFixture;
  /** Takes backorders, ships partial: what cannot be held waits. */
  backorderCustomer: number;
  /** Takes no backorders and ships complete: a short order is refused with 409. */
  refuseCustomer: number;
  /** A new SKU, priced in the customers' list, with exactly STOCK units received over the bins. */
  newSku(code: string): Promise<number>;
  close(): Promise<void>;
}

/** Real server on a real socket, a warehouse of three bins, a price list and the two customers. */
export async function startRaceRig(dialect: DialectName): Promise<RaceRig> {
  const api = await startTestApi(dialect);
  const base = await api.app.listen({ port: 0, host: '127.0.0.1' });
  const db = api.store.database;
  const warehouse = await insertWarehouse(db, 'RACE', STOCK_PER_SKU.length);
  const priceList = await call(base, api, 'manager', 'POST', '/price-lists', {
    code: 'RACE',
    name: 'Race prices',
    currency: 'USD',
  });
  const priceListId = priceList.id as number;
  const customer = async (accountNumber: string, allowBackorders: boolean) =>
    (
      await call(base, api, 'sales', 'POST', '/customers', {
        accountNumber,
        name: `Race ${accountNumber}`,
        billTo: { line1: '1 Main St', city: 'Columbus', postalCode: '43215', country: 'US' },
        currency: 'USD',
        priceListId,
        creditLimitMinor: null,
        shipComplete: !allowBackorders,
        allowBackorders,
        minRemainingShelfLifeDays: 0,
      })
    ).id as number;
  const backorderCustomer = await customer('RACE-BO', true);
  const refuseCustomer = await customer('RACE-NOBO', false);
  return {
    api,
    db,
    base,
    warehouse,
    backorderCustomer,
    refuseCustomer,
    async newSku(code) {
      const skuId = await insertSku(db, code);
      await call(base, api, 'manager', 'PUT', `/price-lists/${priceListId}/prices`, {
        skuId,
        packLevel: 'each',
        prices: [{ unitPriceMinor: 1299 }],
      });
      for (const [i, quantity] of STOCK_PER_SKU.entries()) {
        await call(base, api, 'warehouse', 'POST', '/stock/receipts', {
          skuId,
          toLocationId: warehouse.bins[i]!,
          quantity,
        });
      }
      return skuId;
    },
    close: () => api.close(),
  };
}

async function call(
  base: string,
  api: TestApi,
  role: Parameters<TestApi['as']>[0],
  method: string,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { ...api.as(role), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

/**
 * Fires every order at once (round-robin over `bases`: one or several server processes) as
 * sales, and waits for every answer. A failed connection throws: the race must be answered.
 */
export async function placeAll(
  rig: RaceRig,
  customerId: number,
  orders: readonly OrderLine[][],
  bases: readonly string[] = [rig.base],
): Promise<OrderReply[]> {
  const headers = { ...rig.api.as('sales'), 'content-type': 'application/json' };
  return Promise.all(
    orders.map(async (lines, i) => {
      const response = await fetch(`${bases[i % bases.length]}/api/v1/orders`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          customerId,
          lines: lines.map((l) => ({
            skuId: l.skuId,
            packLevel: 'each',
            packQuantity: l.quantity,
          })),
        }),
      });
      return {
        status: response.status,
        lines,
        body: (await response.json()) as OrderReply['body'],
      };
    }),
  );
}

/** mulberry32: the same "random" orders on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from 1 to `max`, inclusive. */
export const upTo = (random: () => number, max: number) => 1 + Math.floor(random() * max);

export interface SkuFigures {
  onHand: number;
  /** Reserved on the balances. */
  reserved: number;
  /** Held by the order lines (quantity_allocated). */
  allocated: number;
  /** Still held by allocation rows. */
  held: number;
  ordered: number;
  backordered: number;
  cancelled: number;
}

/**
 * The SKU's figures after a race, with what must hold whatever the outcome: nothing negative,
 * no balance reserving more than it holds, on hand untouched, the balances' reservations equal
 * to the lines' allocations and to the allocation rows, and every line's ordered quantity
 * accounted for exactly once (allocated + backordered + cancelled).
 */
export async function skuFigures(db: Database, skuId: number): Promise<SkuFigures> {
  const balances = await db.db
    .selectFrom('stock_balances')
    .select(['on_hand', 'allocated'])
    .where('sku_id', '=', skuId)
    .execute();
  for (const b of balances) {
    expect(b.on_hand).toBeGreaterThanOrEqual(0);
    expect(b.allocated).toBeGreaterThanOrEqual(0);
    expect(b.allocated).toBeLessThanOrEqual(b.on_hand);
  }
  const lines = await db.db
    .selectFrom('order_lines')
    .select([
      'quantity_ordered',
      'quantity_allocated',
      'quantity_backordered',
      'quantity_cancelled',
    ])
    .where('sku_id', '=', skuId)
    .execute();
  for (const l of lines) {
    for (const q of Object.values(l)) expect(q).toBeGreaterThanOrEqual(0);
    expect(l.quantity_allocated + l.quantity_backordered + l.quantity_cancelled).toBe(
      l.quantity_ordered,
    );
  }
  const held = await db.db
    .selectFrom('allocations')
    .select(sql<number>`coalesce(sum(remaining), 0)`.as('n'))
    .where('sku_id', '=', skuId)
    .executeTakeFirstOrThrow();
  const sum = <T>(rows: readonly T[], f: (row: T) => number) =>
    rows.reduce((n, row) => n + f(row), 0);
  const figures: SkuFigures = {
    onHand: sum(balances, (b) => b.on_hand),
    reserved: sum(balances, (b) => b.allocated),
    allocated: sum(lines, (l) => l.quantity_allocated),
    held: Number(held.n),
    ordered: sum(lines, (l) => l.quantity_ordered),
    backordered: sum(lines, (l) => l.quantity_backordered),
    cancelled: sum(lines, (l) => l.quantity_cancelled),
  };
  expect(figures.onHand).toBe(STOCK);
  expect(figures.reserved).toBe(figures.allocated);
  expect(figures.held).toBe(figures.allocated);
  return figures;
}

/** No 5xx, no status outside the expected ones; a 409 is always the stock refusal. */
export function expectStatuses(replies: readonly OrderReply[], allowed: readonly number[]) {
  const unexpected = replies.filter((r) => !allowed.includes(r.status));
  expect(unexpected.map((r) => ({ status: r.status, body: r.body }))).toEqual([]);
  for (const r of replies.filter((r) => r.status === 409))
    expect(r.body.code).toBe('ORDER.INSUFFICIENT_STOCK');
}

/**
 * Each accepted order's summary agrees with itself: every unit is either held or waiting, and
 * the status says which (a customer that takes no backorders gets only complete orders).
 */
export function expectConsistentReplies(replies: readonly OrderReply[], complete: boolean) {
  for (const r of replies.filter((r) => r.status === 201)) {
    const a = r.body.allocation!;
    const ordered = r.lines.reduce((n, l) => n + l.quantity, 0);
    expect(a.allocated + a.backordered + a.cancelled).toBe(ordered);
    if (complete) expect(a).toMatchObject({ status: 'allocated', allocated: ordered });
    else if (a.backordered === 0) expect(a.status).toBe('allocated');
    else if (a.allocated === 0) expect(a.status).toBe('backordered');
    else expect(a.status).toBe('partially_allocated');
  }
}

export const allocatedIn = (replies: readonly OrderReply[]) =>
  replies.filter((r) => r.status === 201).reduce((n, r) => n + r.body.allocation!.allocated, 0);

export async function expectReconciled(db: Database) {
  expect((await reconcile(db.db)).differences).toEqual([]);
}

/** How many orders have a line on these SKUs: a refused order must leave none behind. */
export async function ordersWith(db: Database, skuIds: readonly number[]): Promise<number> {
  const row = await db.db
    .selectFrom('order_lines')
    .select(sql<number>`count(distinct order_id)`.as('n'))
    .where('sku_id', 'in', [...skuIds])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
