import { sql } from 'kysely';
import type { Tx } from '../../../adapters/db/database.js';
import { ACCURACY_REASONS, rmaNumber } from '../../../core/fulfillment/return-rules.js';
import { fail, ok, type Result } from '../../../core/shared/result.js';
import type { ReturnRow } from './return-store.js';

/** Who is asking: a customer-role key sees only its own customer's returns. */
export interface Viewer {
  customerId: number | null;
}

export function returnView(row: ReturnRow) {
  return {
    id: row.id,
    rmaNumber: rmaNumber(row.id),
    orderId: row.order_id,
    customerId: row.customer_id,
    status: row.status,
    reason: row.reason,
    notes: row.notes,
    creditMinor: row.credit_minor,
    createdBy: row.created_by,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

/** An RMA with its lines: what was authorized and received, the lot, where it went, the credit. */
export async function getReturn(db: Tx, returnId: number, viewer: Viewer) {
  const row = await db
    .selectFrom('returns')
    .selectAll()
    .where('id', '=', returnId)
    .executeTakeFirst();
  if (!row || (viewer.customerId !== null && row.customer_id !== viewer.customerId)) {
    return notFound(returnId);
  }
  const lines = await db
    .selectFrom('return_lines as rl')
    .innerJoin('skus as s', 's.id', 'rl.sku_id')
    .leftJoin('lots', 'lots.id', 'rl.lot_id')
    .leftJoin('locations as l', 'l.id', 'rl.location_id')
    .select([
      'rl.id',
      'rl.order_line_id as orderLineId',
      'rl.sku_id as skuId',
      's.code as skuCode',
      'rl.quantity_authorized as quantityAuthorized',
      'rl.quantity_received as quantityReceived',
      'lots.code as lotCode',
      'rl.disposition',
      'rl.location_id as locationId',
      'l.code as locationCode',
      'rl.credit_minor as creditMinor',
    ])
    .where('rl.return_id', '=', returnId)
    .orderBy('rl.id')
    .execute();
  return ok({
    ...returnView(row),
    lines: lines.map((l) => ({
      ...l,
      lotCode: l.lotCode ?? null,
      locationCode: l.locationCode ?? null,
    })),
  });
}

function notFound(returnId: number): Result<never> {
  return fail('RETURN.NOT_FOUND', `No return ${returnId}`, { returnId });
}

export interface ReturnFilter {
  orderId?: number | undefined;
  customerId?: number | undefined;
  status?: string | undefined;
  reason?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** RMAs newest first; a customer viewer is always limited to its own. Returns up to limit + 1. */
export async function listReturns(db: Tx, filter: ReturnFilter, viewer: Viewer) {
  let query = db
    .selectFrom('returns')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  const customerId = viewer.customerId ?? filter.customerId;
  if (customerId !== undefined) query = query.where('customer_id', '=', customerId);
  if (filter.orderId !== undefined) query = query.where('order_id', '=', filter.orderId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.reason !== undefined) query = query.where('reason', '=', filter.reason);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return (await query.execute()).map(returnView);
}

/** An order the customer sent goods back from because the warehouse shipped the wrong thing. */
export interface AccuracyReturn {
  orderId: number;
  customerId: number;
  returns: number;
  /** Units authorized back on those RMAs. */
  units: number;
  firstReturnAt: string;
}

/**
 * Orders with a wrong-item or wrong-quantity return authorized in [from, to) — ISO dates or
 * timestamps — and not cancelled: the misses an order-accuracy KPI counts against shipments.
 */
export async function ordersWithAccuracyReturns(
  db: Tx,
  from: string,
  to: string,
): Promise<AccuracyReturn[]> {
  const rows = await db
    .selectFrom('returns as r')
    .innerJoin('return_lines as rl', 'rl.return_id', 'r.id')
    .select([
      'r.order_id',
      'r.customer_id',
      sql<number>`count(distinct r.id)`.as('returns'),
      sql<number>`cast(sum(rl.quantity_authorized) as bigint)`.as('units'),
      sql<string>`min(r.created_at)`.as('first_return_at'),
    ])
    .where('r.reason', 'in', [...ACCURACY_REASONS])
    .where('r.status', '!=', 'cancelled')
    .where('r.created_at', '>=', from)
    .where('r.created_at', '<', to)
    .groupBy(['r.order_id', 'r.customer_id'])
    .orderBy('r.order_id')
    .execute();
  return rows.map((r) => ({
    orderId: r.order_id,
    customerId: r.customer_id,
    returns: Number(r.returns),
    units: Number(r.units),
    firstReturnAt: r.first_return_at,
  }));
}
