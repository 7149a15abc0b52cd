import { sql } from 'kysely';
import type { Tx } from '../../adapters/db/database.js';
import type { StockDay } from '../../core/kpis/stock-series.js';

/** Stored day rows of the SKU × warehouse pairs, keyed `warehouse:sku`. */
export type PairRows = Map<string, StockDay[]>;

export const pairKey = (warehouseId: number, skuId: number) => `${warehouseId}:${skuId}`;

function toStockDay(r: {
  day: string;
  on_hand: number;
  sellable: number;
  issued_units: number;
  cogs_minor: number;
  movements: number;
}): StockDay {
  return {
    day: r.day,
    onHand: Number(r.on_hand),
    sellable: Number(r.sellable),
    issuedUnits: Number(r.issued_units),
    cogsMinor: Number(r.cogs_minor),
    movements: Number(r.movements),
  };
}

/** Every stored row on or after `fromDay`, per pair, in day order. */
export async function rowsFrom(trx: Tx, fromDay: string): Promise<PairRows> {
  const rows = await trx
    .selectFrom('kpi_stock_days')
    .selectAll()
    .where('day', '>=', fromDay)
    .orderBy('day')
    .execute();
  return group(rows);
}

/** Each pair's last stored row before `day` (its position when `day` starts). */
export async function lastRowsBefore(trx: Tx, day: string): Promise<PairRows> {
  const rows = await sql<{
    warehouse_id: number;
    sku_id: number;
    day: string;
    on_hand: number;
    sellable: number;
    issued_units: number;
    cogs_minor: number;
    movements: number;
  }>`
    select s.* from kpi_stock_days s
    join (select warehouse_id, sku_id, max(day) as day from kpi_stock_days
          where day < ${day} group by warehouse_id, sku_id) m
      on m.warehouse_id = s.warehouse_id and m.sku_id = s.sku_id and m.day = s.day
  `.execute(trx);
  return group(rows.rows);
}

function group(
  rows: readonly (Parameters<typeof toStockDay>[0] & { warehouse_id: number; sku_id: number })[],
): PairRows {
  const out: PairRows = new Map();
  for (const r of rows) {
    const key = pairKey(Number(r.warehouse_id), Number(r.sku_id));
    const list = out.get(key);
    if (list) list.push(toStockDay(r));
    else out.set(key, [toStockDay(r)]);
  }
  return out;
}

/** Inserts or replaces day rows, in chunks that stay under both dialects' parameter limits. */
export async function saveStockDays(
  trx: Tx,
  rows: readonly (StockDay & { warehouseId: number; skuId: number })[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const values = rows.slice(i, i + 2000).map((r) => ({
      warehouse_id: r.warehouseId,
      sku_id: r.skuId,
      day: r.day,
      on_hand: r.onHand,
      sellable: r.sellable,
      issued_units: r.issuedUnits,
      cogs_minor: r.cogsMinor,
      movements: r.movements,
    }));
    await trx
      .insertInto('kpi_stock_days')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['warehouse_id', 'sku_id', 'day']).doUpdateSet((eb) => ({
          on_hand: eb.ref('excluded.on_hand'),
          sellable: eb.ref('excluded.sellable'),
          issued_units: eb.ref('excluded.issued_units'),
          cogs_minor: eb.ref('excluded.cogs_minor'),
          movements: eb.ref('excluded.movements'),
        })),
      )
      .execute();
  }
}

/** Replaces the latest position of each pair given. */
export async function savePositions(
  trx: Tx,
  rows: readonly (StockDay & { warehouseId: number; skuId: number })[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await trx
      .insertInto('kpi_stock_positions')
      .values(
        rows.slice(i, i + 2000).map((r) => ({
          warehouse_id: r.warehouseId,
          sku_id: r.skuId,
          day: r.day,
          on_hand: r.onHand,
          sellable: r.sellable,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['warehouse_id', 'sku_id']).doUpdateSet((eb) => ({
          day: eb.ref('excluded.day'),
          on_hand: eb.ref('excluded.on_hand'),
          sellable: eb.ref('excluded.sellable'),
        })),
      )
      .execute();
  }
}

/**
 * Each pair's position at the start of `day`: the latest positions when nothing is stored on
 * or after it (the usual report up to today), else a search of the day rows.
 */
export async function positionsBefore(trx: Tx, day: string): Promise<PairRows> {
  const later = await trx
    .selectFrom('kpi_stock_days')
    .select('day')
    .where('day', '>=', day)
    .limit(1)
    .executeTakeFirst();
  if (later) return lastRowsBefore(trx, day);
  const rows = await trx.selectFrom('kpi_stock_positions').selectAll().execute();
  const out: PairRows = new Map();
  for (const r of rows)
    out.set(pairKey(Number(r.warehouse_id), Number(r.sku_id)), [
      {
        day: r.day,
        onHand: Number(r.on_hand),
        sellable: Number(r.sellable),
        issuedUnits: 0,
        cogsMinor: 0,
        movements: 0,
      },
    ]);
  return out;
}
