import type { Tx } from '../../adapters/db/database.js';
import { fixedSql, runSql } from '../../adapters/db/fixed-sql.js';
import type { StockDay } from '../../core/kpis/stock-series.js';
import { writeJsonRows } from './json-rows.js';

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

/** A SKU × warehouse pair whose day rows are read. */
export interface Pair {
  warehouseId: number;
  skuId: number;
}

/** Day-row columns (each dialect's integers come back as numbers or strings: see toStockDay). */
const DAY_ROW = `s.warehouse_id, s.sku_id, s.day, s.on_hand, s.sellable, s.issued_units,
  s.cogs_minor, s.movements`;
/** The pairs given as one JSON array of `[warehouse, sku]`, each dialect's way. */
const GIVEN_PAIRS = {
  sqlite: { from: 'jsonb_each(?) j', warehouse: 'j.value ->> 0', sku: 'j.value ->> 1' },
  postgres: {
    from: 'jsonb_array_elements($1::jsonb) j',
    warehouse: '(j ->> 0)::bigint',
    sku: '(j ->> 1)::bigint',
  },
};
/** Every pair with day rows: one latest position each. */
const EVERY_PAIR = { from: 'kpi_stock_positions p', warehouse: 'p.warehouse_id', sku: 'p.sku_id' };

type PairSource = typeof EVERY_PAIR;

/** The pairs' rows on or after a day, by primary key (pair, then day). */
const rowsFromSql = (pairs: PairSource, day: string) =>
  `select ${DAY_ROW} from ${pairs.from}
   join kpi_stock_days s on s.warehouse_id = ${pairs.warehouse} and s.sku_id = ${pairs.sku}
     and s.day >= ${day}
   order by s.warehouse_id, s.sku_id, s.day`;

/** Each pair's last row before a day: one primary-key seek per pair. */
const lastBeforeSql = (pairs: PairSource, day: string) =>
  `select ${DAY_ROW} from ${pairs.from}
   join kpi_stock_days s on s.warehouse_id = ${pairs.warehouse} and s.sku_id = ${pairs.sku}
     and s.day = (select max(x.day) from kpi_stock_days x
       where x.warehouse_id = ${pairs.warehouse} and x.sku_id = ${pairs.sku} and x.day < ${day})`;

const ROWS_FROM = fixedSql(
  'kpi.stock-days.rows-from',
  rowsFromSql(GIVEN_PAIRS.sqlite, '?'),
  rowsFromSql(GIVEN_PAIRS.postgres, '$2'),
);
const LAST_BEFORE = fixedSql(
  'kpi.stock-days.last-before',
  lastBeforeSql(GIVEN_PAIRS.sqlite, '?'),
  lastBeforeSql(GIVEN_PAIRS.postgres, '$2'),
);
const EVERY_LAST_BEFORE = fixedSql(
  'kpi.stock-days.every-last-before',
  lastBeforeSql(EVERY_PAIR, '?'),
);

type DayRow = Parameters<typeof toStockDay>[0] & { warehouse_id: number; sku_id: number };

const pairsJson = (pairs: readonly Pair[]) =>
  JSON.stringify(pairs.map((p) => [p.warehouseId, p.skuId]));

/** The given pairs' stored rows on or after `fromDay`, per pair, in day order. */
export async function rowsFrom(
  trx: Tx,
  fromDay: string,
  pairs: readonly Pair[],
): Promise<PairRows> {
  return group(await runSql<DayRow>(trx, ROWS_FROM, [pairsJson(pairs), fromDay]));
}

/**
 * Each pair's last stored row before `day` (its position when `day` starts): of the pairs
 * given, or of every pair.
 */
export async function lastRowsBefore(
  trx: Tx,
  day: string,
  pairs?: readonly Pair[],
): Promise<PairRows> {
  const rows = pairs
    ? await runSql<DayRow>(trx, LAST_BEFORE, [pairsJson(pairs), day])
    : await runSql<DayRow>(trx, EVERY_LAST_BEFORE, [day]);
  return group(rows);
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

/** A stored day row with its pair. */
export type PairStockDay = StockDay & { warehouseId: number; skuId: number };

const DAYS_COLUMNS = `kpi_stock_days (warehouse_id, sku_id, day, on_hand, sellable, issued_units,
     cogs_minor, movements)`;
const DAYS_CONFLICT = `on conflict (warehouse_id, sku_id, day) do update set on_hand = excluded.on_hand,
     sellable = excluded.sellable, issued_units = excluded.issued_units,
     cogs_minor = excluded.cogs_minor, movements = excluded.movements`;
const POSITIONS_CONFLICT = `on conflict (warehouse_id, sku_id) do update set day = excluded.day,
     on_hand = excluded.on_hand, sellable = excluded.sellable`;

const SAVE_DAYS = fixedSql(
  'kpi.stock-days.save',
  `insert into ${DAYS_COLUMNS}
   select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
     value ->> 6, value ->> 7
   from jsonb_each(?) where true
   ${DAYS_CONFLICT}`,
  `insert into ${DAYS_COLUMNS}
   select (r ->> 0)::bigint, (r ->> 1)::bigint, r ->> 2, (r ->> 3)::bigint, (r ->> 4)::bigint,
     (r ->> 5)::bigint, (r ->> 6)::bigint, (r ->> 7)::bigint
   from jsonb_array_elements($1::jsonb) as r
   ${DAYS_CONFLICT}`,
);

const SAVE_POSITIONS = fixedSql(
  'kpi.stock-positions.save',
  `insert into kpi_stock_positions (warehouse_id, sku_id, day, on_hand, sellable)
   select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4
   from jsonb_each(?) where true
   ${POSITIONS_CONFLICT}`,
  `insert into kpi_stock_positions (warehouse_id, sku_id, day, on_hand, sellable)
   select (r ->> 0)::bigint, (r ->> 1)::bigint, r ->> 2, (r ->> 3)::bigint, (r ->> 4)::bigint
   from jsonb_array_elements($1::jsonb) as r
   ${POSITIONS_CONFLICT}`,
);

/** Inserts or replaces day rows. */
export async function saveStockDays(trx: Tx, rows: readonly PairStockDay[]): Promise<void> {
  await writeJsonRows(trx, SAVE_DAYS, rows, (r) => [
    r.warehouseId,
    r.skuId,
    r.day,
    r.onHand,
    r.sellable,
    r.issuedUnits,
    r.cogsMinor,
    r.movements,
  ]);
}

/** Replaces the latest position of each pair given. */
export async function savePositions(trx: Tx, rows: readonly PairStockDay[]): Promise<void> {
  await writeJsonRows(trx, SAVE_POSITIONS, rows, (r) => [
    r.warehouseId,
    r.skuId,
    r.day,
    r.onHand,
    r.sellable,
  ]);
}

/**
 * Each pair's position at the start of `day`: the latest positions when nothing is stored on
 * or after it (the usual report up to today), else a search of the day rows.
 */
export async function positionsBefore(trx: Tx, day: string): Promise<PairRows> {
  // A pair's position is its last day row: a row on or after `day` shows in its position.
  const later = await trx
    .selectFrom('kpi_stock_positions')
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
