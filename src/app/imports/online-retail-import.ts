import type { Tx } from '../../adapters/db/database.js';
import type { RowIssue } from '../../core/imports/cells.js';
import { failureIssue } from '../../core/imports/failure-issue.js';
import {
  retailAccountNumber,
  retailLine,
  type RetailLine,
} from '../../core/imports/online-retail.js';
import { FailureError } from '../../core/shared/result.js';
import type { AppContext } from '../context.js';
import type { MappedRow, RowHandler } from './run-import.js';
import { RetailWorld } from './online-retail-world.js';

/** What the online-retail import did with the lines it took (rejections are in the job). */
export interface RetailFigures {
  saleLines: number;
  cancellationLinesCredited: number;
  cancellationLinesRecorded: number;
  ordersCreated: number;
  cancelledOrdersCreated: number;
  customersCreated: number;
  skusCreated: number;
}

/** A sale line still open to a later cancellation by the same customer. */
interface OpenSale {
  /** Null once its batch was rolled back (a dry run): nothing to update, still matchable. */
  lineId: number | null;
  open: number;
}

/**
 * The UCI online-retail file as history (see docs/IMPORTS.md):
 *  - each sales invoice → one order in status `closed`, source `csv`, its invoice number as
 *    the customer PO, created at the invoice time, lines at the invoice's prices. History
 *    allocates nothing and moves no stock (the goods left years ago), so it is demand
 *    history for planning, not work for the warehouse;
 *  - each cancellation line (C-invoice) credits the customer's most recent earlier sale of
 *    the SKU in the file (quantity_cancelled on that line); what no sale in the file covers
 *    (the sale was before the file starts) becomes a `cancelled` order for the C-invoice
 *    with lines fully cancelled — a record of the cancellation, never a negative sale;
 *  - lines without a CustomerID belong to one walk-in account (`OR-WALK-IN`).
 */
export function onlineRetailHandler(ctx: AppContext, actor: string): RowHandler<RetailLine> {
  const world = new RetailWorld(ctx.now);
  const openSales = new Map<string, OpenSale[]>();
  const figures = zeroFigures();
  let batch = zeroFigures();
  let batchSales: OpenSale[] = [];
  return {
    map: retailLine,
    groupKey: (line) => line.invoiceNo,
    async apply(trx, rows) {
      batch = zeroFigures();
      const issues: RowIssue[] = [];
      for (const invoice of invoices(rows)) {
        const writer = { trx, world, openSales, batchSales, figures: batch, actor, issues };
        if (invoice[0]!.value.kind === 'sale') await importSale(writer, invoice);
        else await importCancellation(writer, invoice);
      }
      return issues;
    },
    settled(outcome) {
      // A dry run keeps the open sales: the credits it "posts" to their (rolled-back) lines
      // update nothing, but the next batch matches cancellations as a real run would.
      world.settle(outcome);
      if (outcome !== 'committed') for (const sale of batchSales) sale.lineId = null;
      batchSales = [];
      if (outcome !== 'failed') addFigures(figures, batch);
      batch = zeroFigures();
    },
    report: () => ({
      ...figures,
      customersCreated: world.customersCreated,
      skusCreated: world.skusCreated,
    }),
  };
}

interface InvoiceWriter {
  trx: Tx;
  world: RetailWorld;
  openSales: Map<string, OpenSale[]>;
  batchSales: OpenSale[];
  figures: RetailFigures;
  actor: string;
  issues: RowIssue[];
}

type Resolved = { row: number; line: RetailLine; customerId: number; skuId: number };

/** Customer and SKU of every line; a line whose SKU cannot be made is refused alone. */
async function resolve(w: InvoiceWriter, invoice: MappedRow<RetailLine>[]): Promise<Resolved[]> {
  const resolved: Resolved[] = [];
  for (const { row, value } of invoice) {
    try {
      const customerId = await w.world.customerId(w.trx, value);
      resolved.push({ row, line: value, customerId, skuId: await w.world.skuId(w.trx, value) });
    } catch (error) {
      if (!(error instanceof FailureError)) throw error;
      w.issues.push(failureIssue(error.failure, row));
    }
  }
  return resolved;
}

async function importSale(w: InvoiceWriter, invoice: MappedRow<RetailLine>[]) {
  const lines = await resolve(w, invoice);
  if (lines.length === 0) return;
  const lineIds = await insertHistoricalOrder(w, lines, 'closed');
  lines.forEach((l, i) => {
    const key = saleKey(l.line);
    const open = w.openSales.get(key) ?? [];
    const sale: OpenSale = { lineId: lineIds[i]!, open: l.line.quantity };
    open.push(sale);
    w.batchSales.push(sale);
    w.openSales.set(key, open);
    w.world.onRollback(() => open.splice(open.indexOf(sale), 1));
  });
  w.figures.saleLines += lines.length;
  w.figures.ordersCreated += 1;
}

async function importCancellation(w: InvoiceWriter, invoice: MappedRow<RetailLine>[]) {
  const unmatched: Resolved[] = [];
  for (const l of await resolve(w, invoice)) {
    let left = l.line.quantity;
    const sales = w.openSales.get(saleKey(l.line)) ?? [];
    for (let i = sales.length - 1; i >= 0 && left > 0; i--) {
      const sale = sales[i]!;
      const take = Math.min(sale.open, left);
      if (take === 0) continue;
      if (sale.lineId !== null)
        await w.trx
          .updateTable('order_lines')
          .set((eb) => ({ quantity_cancelled: eb('quantity_cancelled', '+', take) }))
          .where('id', '=', sale.lineId)
          .execute();
      sale.open -= take;
      left -= take;
      w.world.onRollback(() => (sale.open += take));
    }
    if (left === 0) w.figures.cancellationLinesCredited += 1;
    else unmatched.push({ ...l, line: { ...l.line, quantity: left } });
  }
  if (unmatched.length === 0) return;
  await insertHistoricalOrder(w, unmatched, 'cancelled');
  w.figures.cancellationLinesRecorded += unmatched.length;
  w.figures.cancelledOrdersCreated += 1;
}

/** One order from one invoice; a cancelled one has every line fully cancelled. */
async function insertHistoricalOrder(
  w: InvoiceWriter,
  lines: Resolved[],
  status: 'closed' | 'cancelled',
): Promise<number[]> {
  const first = lines[0]!.line;
  const total =
    status === 'closed'
      ? lines.reduce((n, l) => n + l.line.quantity * l.line.unitPriceMinor, 0)
      : 0;
  const order = await w.trx
    .insertInto('orders')
    .values({
      customer_id: lines[0]!.customerId,
      customer_po: first.invoiceNo,
      ship_to_id: null,
      requested_ship_date: null,
      status,
      hold_reason: null,
      warehouse_id: null,
      priority: 5,
      currency: 'GBP',
      total_minor: total,
      source: 'csv',
      notes: `Historical import: online-retail invoice ${first.invoiceNo}`,
      created_by: w.actor,
      created_at: first.at,
      updated_at: first.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The invoice's own prices (price_source 'import'): history is not re-priced.
  const rows = await w.trx
    .insertInto('order_lines')
    .values(
      lines.map((l, i) => ({
        order_id: Number(order.id),
        line_number: i + 1,
        sku_id: l.skuId,
        pack_level: 'each',
        pack_quantity: l.line.quantity,
        quantity_ordered: l.line.quantity,
        quantity_cancelled: status === 'cancelled' ? l.line.quantity : 0,
        unit_price_minor: l.line.unitPriceMinor,
        line_total_minor: l.line.quantity * l.line.unitPriceMinor,
        price_source: 'import',
        notes: null,
        created_at: first.at,
        updated_at: first.at,
      })),
    )
    .returning(['id', 'line_number'])
    .execute();
  const ids: number[] = [];
  for (const r of rows) ids[r.line_number - 1] = Number(r.id);
  return ids;
}

/** By the file's own keys, not ids: ids made in a dry-run batch do not outlive it. */
function saleKey(line: RetailLine): string {
  return `${retailAccountNumber(line.customerId)}|${line.stockCode}`;
}

function invoices(rows: readonly MappedRow<RetailLine>[]): MappedRow<RetailLine>[][] {
  const groups: MappedRow<RetailLine>[][] = [];
  let key: string | undefined;
  for (const r of rows) {
    if (r.value.invoiceNo !== key) groups.push([]);
    groups[groups.length - 1]!.push(r);
    key = r.value.invoiceNo;
  }
  return groups;
}

function zeroFigures(): RetailFigures {
  return {
    saleLines: 0,
    cancellationLinesCredited: 0,
    cancellationLinesRecorded: 0,
    ordersCreated: 0,
    cancelledOrdersCreated: 0,
    customersCreated: 0,
    skusCreated: 0,
  };
}

function addFigures(into: RetailFigures, more: RetailFigures) {
  for (const key of Object.keys(into) as (keyof RetailFigures)[]) into[key] += more[key];
}
