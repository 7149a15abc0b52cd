/**
 * KPIs on a big ledger: a year of 1,000,000 movements and 100,000 order lines, bulk-loaded
 * (not through the use cases). The aggregates are refreshed once (timed on its own), then
 * every KPI for the year, grouped by warehouse with monthly series, is timed: median of runs.
 */
import type { Database, DialectName } from '../src/adapters/db/database.js';
import { DEFAULT_POLICIES, type AppContext } from '../src/app/context.js';
import { kpiReport } from '../src/app/kpis/kpi-report.js';
import { refreshKpiAggregates } from '../src/app/kpis/refresh-kpi-aggregates.js';
import { countStatements, counter } from './support/statement-counter.js';
import { customerRow, insertWarehouse, skuRow } from './support/fixtures.js';
import { emit, log, scaled, warnLoudly, type Metrics } from './support/report.js';
import { round, seededRandom } from './support/stats.js';
import { postgresVersion, withStore } from './support/store.js';

const MOVEMENTS = scaled(1_000_000);
const ORDER_LINES = scaled(100_000);
const WAREHOUSES = 2;
const SKUS = 400;
const CUSTOMERS = 200;
const RUNS = 5;
const YEAR = { from: '2026-01-01', to: '2027-01-01' };
const CHUNK = 1000;
/** BENCH_STATEMENTS_TOP=n logs the n SQL texts of the refresh that took longest (time, runs). */
const TOP = Number(process.env.BENCH_STATEMENTS_TOP ?? 0);
if (TOP > 0) {
  countStatements();
  counter.byText = new Map();
  counter.byTextMs = new Map();
}

interface Floor {
  skus: number[];
  customers: number[];
  warehouses: { id: number; supplier: number; customer: number; bins: number[] }[];
}

const dayIso = (dayOfYear: number, seconds: number) =>
  new Date(Date.UTC(2026, 0, 1) + dayOfYear * 86_400_000 + seconds * 1000).toISOString();

async function setUp(database: Database): Promise<Floor> {
  const warehouses = [];
  for (let w = 0; w < WAREHOUSES; w++) {
    const wh = await database.write((trx) => insertWarehouse(trx, `KPI${w}`, 6));
    warehouses.push({
      id: wh.id,
      supplier: wh.place.supplier!,
      customer: wh.place.customer!,
      bins: wh.bins,
    });
  }
  const skus = await database.write((trx) =>
    trx
      .insertInto('skus')
      .values(
        Array.from({ length: SKUS }, (_, i) => ({
          ...skuRow(`K-${i}`),
          category: `cat-${i % 8}`,
          standard_cost_minor: 100 + (i % 50) * 20,
        })),
      )
      .returning('id')
      .execute(),
  );
  const customers = [];
  for (let c = 0; c < CUSTOMERS; c++)
    customers.push(
      (
        await database.writer
          .insertInto('customers')
          .values(customerRow(`C${c}`))
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  return { skus: skus.map((s) => s.id), customers, warehouses };
}

/** Receipts into storage, moves to the pick face, shipments to CUSTOMER: 1 : 1 : 3. */
async function loadMovements(database: Database, floor: Floor) {
  const random = seededRandom(6);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  await database.writer.transaction().execute(async (trx) => {
    for (let i = 0; i < MOVEMENTS; i += CHUNK) {
      const rows = [];
      for (let k = i; k < Math.min(MOVEMENTS, i + CHUNK); k++) {
        const wh = pick(floor.warehouses);
        const kind = k % 5;
        const [from, to, type] =
          kind === 0
            ? [wh.supplier, pick(wh.bins.slice(1)), 'receipt']
            : kind === 1
              ? [pick(wh.bins.slice(1)), wh.bins[0]!, 'move']
              : [wh.bins[0]!, wh.customer, 'ship'];
        rows.push({
          sku_id: pick(floor.skus),
          lot_id: 0,
          from_location_id: from,
          to_location_id: to,
          quantity: kind === 0 ? 30 : kind === 1 ? 10 : 1 + Math.floor(random() * 5),
          type,
          reason_code: null,
          reference: null,
          actor: 'bench',
          created_at: dayIso(Math.floor((k / MOVEMENTS) * 365), k % 86_400),
        });
      }
      await trx.insertInto('stock_movements').values(rows).execute();
    }
  });
}

/** Orders of 1–4 lines through the year, each shipped once (one in ten twice) and delivered. */
async function loadOrders(database: Database, floor: Floor) {
  const random = seededRandom(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  let lines = 0;
  let orderNo = 0;
  await database.writer.transaction().execute(async (trx) => {
    while (lines < ORDER_LINES) {
      const batch = [];
      for (let k = 0; k < 500; k++) {
        const day = Math.floor(((orderNo + k) / (ORDER_LINES / 2.5)) * 360) % 360;
        batch.push({
          day,
          wh: pick(floor.warehouses),
          customer: pick(floor.customers),
          n: 1 + Math.floor(random() * 4),
        });
      }
      orderNo += batch.length;
      const ids = await trx
        .insertInto('orders')
        .values(batch.map((b) => orderRow(b.customer, b.wh.id, dayIso(b.day, 3600))))
        .returning('id')
        .execute();
      const lineRows = [];
      const shipmentRows = [];
      for (const [i, b] of batch.entries()) {
        const orderId = ids[i]!.id;
        for (let n = 0; n < b.n; n++) {
          const ordered = 1 + Math.floor(random() * 20);
          const shipped = random() < 0.9 ? ordered : Math.floor(ordered / 2);
          lineRows.push(
            lineRow(orderId, n + 1, pick(floor.skus), ordered, shipped, dayIso(b.day, 3600)),
          );
        }
        lines += b.n;
        const twice = random() < 0.1;
        for (let s = 0; s < (twice ? 2 : 1); s++)
          shipmentRows.push(shipmentRow(orderId, b.wh.id, b.day + s, random()));
      }
      for (let i = 0; i < lineRows.length; i += CHUNK)
        await trx
          .insertInto('order_lines')
          .values(lineRows.slice(i, i + CHUNK))
          .execute();
      await trx.insertInto('shipments').values(shipmentRows).execute();
    }
  });
  return lines;
}

async function kpisOnYear(dialect: DialectName): Promise<Metrics> {
  return withStore(dialect, async ({ database }) => {
    const start = performance.now();
    const floor = await setUp(database);
    await loadMovements(database, floor);
    const lines = await loadOrders(database, floor);
    log(
      `${dialect}: ${MOVEMENTS} movements, ${lines} order lines loaded in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    const ctx: AppContext = {
      database,
      now: () => new Date('2027-01-02T00:00:00Z'),
      policies: DEFAULT_POLICIES,
    };
    counter.counting = TOP > 0;
    const t0 = performance.now();
    const refreshed = await refreshKpiAggregates(ctx, new Date('2027-01-01T00:00:00Z'));
    const refreshMs = performance.now() - t0;
    counter.counting = false;
    log(`${dialect}: refresh read ${refreshed?.movements} movements in ${refreshMs.toFixed(0)} ms`);
    const slowest = [...(counter.byTextMs ?? [])].sort((a, b) => b[1] - a[1]).slice(0, TOP);
    for (const [text, ms] of slowest)
      log(`  ${Math.round(ms)} ms ${counter.byText!.get(text)}×  ${text}`);
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      // What the API does per request: a refresh (nothing new: cheap) and every KPI.
      await refreshKpiAggregates(ctx, new Date('2027-01-01T00:00:00Z'));
      const report = await kpiReport(
        database.db,
        { ...YEAR, period: 'month', groupBy: 'warehouse' },
        '2026-12-31',
      );
      samples.push(performance.now() - t);
      if (run === 0) {
        const turnover = report.kpis.find((k) => k.name === 'stock-turnover')!.rows.at(-1);
        const fill = report.kpis.find((k) => k.name === 'fill-rate')!.rows.at(-1);
        log(`${dialect}: turnover ${JSON.stringify(turnover)}; fill ${JSON.stringify(fill)}`);
      }
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)]!;
    log(`${dialect}: all KPIs for the year in ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
    return { refreshMs: round(refreshMs, 1), kpiMs: round(median, 1) };
  });
}

function orderRow(customerId: number, warehouseId: number, createdAt: string) {
  return {
    customer_id: customerId,
    customer_po: null,
    ship_to_id: null,
    requested_ship_date: null,
    status: 'shipped',
    hold_reason: null,
    warehouse_id: warehouseId,
    priority: 5,
    currency: 'USD',
    total_minor: 0,
    source: 'api',
    notes: null,
    created_by: 'bench',
    created_at: createdAt,
    updated_at: createdAt,
  };
}

function lineRow(
  orderId: number,
  n: number,
  skuId: number,
  ordered: number,
  shipped: number,
  at: string,
) {
  return {
    order_id: orderId,
    line_number: n,
    sku_id: skuId,
    pack_level: 'each',
    pack_quantity: ordered,
    quantity_ordered: ordered,
    quantity_allocated: shipped,
    quantity_picked: shipped,
    quantity_shipped: shipped,
    unit_price_minor: 250,
    line_total_minor: 250 * ordered,
    price_source: 'bench',
    notes: null,
    created_at: at,
    updated_at: at,
  };
}

function shipmentRow(orderId: number, warehouseId: number, day: number, r: number) {
  const shippedAt = dayIso(day, 7200 + Math.floor(r * 40_000));
  return {
    order_id: orderId,
    warehouse_id: warehouseId,
    carrier_code: 'BENCH',
    service: 'ground',
    tracking_number: null,
    cost_minor: 0,
    status: 'delivered',
    shipped_at: shippedAt,
    promised_date: dayIso(day + 2, 0).slice(0, 10),
    delivered_at: dayIso(day + (r < 0.8 ? 2 : 3), 36_000),
    pod_name: null,
    pod_note: null,
  };
}

const metrics: Metrics = {};
const sqlite = await kpisOnYear('sqlite');
metrics.kpi_year_1m_movements_ms = sqlite.kpiMs!;
metrics.kpi_refresh_1m_movements_ms = sqlite.refreshMs!;
// The PostgreSQL half doubles the data build (minutes): run it with BENCH_KPI_PG=1.
if (process.env.BENCH_KPI_PG !== '1') {
  log('postgres half skipped (set BENCH_KPI_PG=1 to run it)');
} else if (await postgresVersion()) {
  try {
    const pg = await kpisOnYear('postgres');
    metrics.kpi_year_1m_movements_pg_ms = pg.kpiMs!;
    metrics.kpi_refresh_1m_movements_pg_ms = pg.refreshMs!;
  } catch (error) {
    warnLoudly(`PostgreSQL half failed: ${(error as Error).message}`);
    metrics.kpi_year_1m_movements_pg_ms = null;
  }
} else {
  warnLoudly('PostgreSQL unreachable: kpi_year_1m_movements_pg_ms is MISSING');
  metrics.kpi_year_1m_movements_pg_ms = null;
}
emit(metrics);
