/**
 * Ledger write throughput: stock moves posted through the real use case
 * (`database.write(trx => moveStock(...))`) by concurrent callers, on SQLite at production
 * settings (WAL, group commit, WAL synced per batch) and on PostgreSQL. A bare better-sqlite3 loop
 * of one-row transactions on the same disk is the baseline: the ratio says how much of the
 * disk's commit rate the ledger turns into moves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, DialectName } from '../src/adapters/db/database.js';
import { moveStock } from '../src/app/inventory/move-stock.js';
import { receiveUnplanned } from '../src/app/inventory/receive-unplanned.js';
import { NOW, insertWarehouse, skuRow } from './support/fixtures.js';
import { emit, log, scaled, warnLoudly, type Metrics } from './support/report.js';
import { round } from './support/stats.js';
import { postgresVersion, withStore } from './support/store.js';

const CALLERS = 8;
/** Each caller owns SKUS / CALLERS SKUs, so callers never contend for one balance row. */
const SKUS = 64;
const BINS = 3;
const SEED_PER_BIN = 1_000_000;
const WARMUP_MOVES = 400;
const MOVES: Record<DialectName, number> = { sqlite: scaled(20_000), postgres: scaled(10_000) };
const RAW_TXNS = scaled(5_000);

interface Floor {
  skus: number[];
  bins: number[];
}

/** One warehouse, SKUS SKUs, each with plenty of stock received into every bin. */
async function setUp(database: Database): Promise<Floor> {
  const warehouse = await database.write((trx) => insertWarehouse(trx, 'BENCH', BINS));
  const rows = await database.write((trx) =>
    trx
      .insertInto('skus')
      .values(Array.from({ length: SKUS }, (_, i) => skuRow(`MOVE-${i}`)))
      .returning('id')
      .execute(),
  );
  const skus = rows.map((r) => r.id);
  await Promise.all(
    skus.flatMap((skuId) =>
      warehouse.bins.map((toLocationId) =>
        database.write((trx) =>
          receiveUnplanned(trx, { skuId, toLocationId, quantity: SEED_PER_BIN }, 'bench', NOW),
        ),
      ),
    ),
  );
  return { skus, bins: warehouse.bins };
}

/**
 * `count` moves of one unit from CALLERS concurrent callers. Caller c's k-th move takes one of
 * its SKUs from bin k mod 3 to the next bin, round and round, so no bin ever runs dry.
 */
async function moveMany(database: Database, floor: Floor, count: number): Promise<number> {
  let next = 0;
  const caller = async (c: number) => {
    for (let k = 0; next < count; k++) {
      next++;
      const skuId = floor.skus[(c + CALLERS * k) % SKUS]!;
      const from = floor.bins[k % BINS]!;
      const to = floor.bins[(k + 1) % BINS]!;
      await database.write((trx) =>
        moveStock(
          trx,
          { skuId, fromLocationId: from, toLocationId: to, quantity: 1 },
          'bench',
          NOW,
        ),
      );
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CALLERS }, (_, c) => caller(c)));
  return (performance.now() - start) / 1000;
}

async function ledgerMovesPerSecond(dialect: DialectName): Promise<number> {
  return withStore(dialect, async ({ database }) => {
    const floor = await setUp(database);
    await moveMany(database, floor, WARMUP_MOVES);
    const seconds = await moveMany(database, floor, MOVES[dialect]);
    const moves = await database.db
      .selectFrom('stock_movements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('type', '=', 'move')
      .executeTakeFirstOrThrow();
    const expected = WARMUP_MOVES + MOVES[dialect];
    if (Number(moves.n) !== expected)
      throw new Error(`${dialect}: ${moves.n} moves posted, expected ${expected}`);
    const perSecond = MOVES[dialect] / seconds;
    log(
      `${dialect}: ${MOVES[dialect]} moves in ${seconds.toFixed(2)} s → ${perSecond.toFixed(0)}/s`,
    );
    return perSecond;
  });
}

/** One-row INSERT transactions in a loop, same pragmas as openDatabase, on a fresh file on the same disk. */
function rawSqliteTxnPerSecond(): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockline-bench-raw-'));
  const db = new BetterSqlite3(path.join(dir, 'raw.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    db.exec(
      'create table t (id integer primary key, sku_id integer not null, quantity integer not null, created_at text not null)',
    );
    const insert = db.prepare('insert into t (sku_id, quantity, created_at) values (?, ?, ?)');
    const txn = db.transaction((i: number) => insert.run(i % SKUS, 1, NOW));
    for (let i = 0; i < 200; i++) txn(i);
    const start = performance.now();
    for (let i = 0; i < RAW_TXNS; i++) txn(i);
    const perSecond = RAW_TXNS / ((performance.now() - start) / 1000);
    log(`raw better-sqlite3: ${RAW_TXNS} one-row transactions → ${perSecond.toFixed(0)}/s`);
    return perSecond;
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const raw = rawSqliteTxnPerSecond();
const sqlite = await ledgerMovesPerSecond('sqlite');
const metrics: Metrics = {
  raw_sqlite_txn_per_s: round(raw, 1),
  ledger_moves_per_s_sqlite: round(sqlite, 1),
  ledger_moves_vs_raw_sqlite_ratio: round(sqlite / raw, 3),
};
if (await postgresVersion()) {
  metrics.ledger_moves_per_s_pg = round(await ledgerMovesPerSecond('postgres'), 1);
} else {
  warnLoudly('PostgreSQL is unreachable: ledger_moves_per_s_pg NOT measured');
  metrics.ledger_moves_per_s_pg = null;
}
emit(metrics);
