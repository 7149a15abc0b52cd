import type { Kysely } from 'kysely';
import type { Tables } from '../../adapters/db/schema.js';
import { FailureError } from '../../core/shared/result.js';
import { parseOutcome, type InterchangeOutcome } from './set-outcomes.js';

/** An interchange as the API and CLI show it; `acks` are the 997s and 855s sent for it. */
export interface InterchangeView {
  id: number;
  direction: string;
  partnerId: number | null;
  controlNumber: string;
  setId: string;
  status: string;
  errorReason: string | null;
  orderIds: number[];
  outcome: InterchangeOutcome;
  source: string;
  duplicateOf: number | null;
  ackOf: number | null;
  shipmentId: number | null;
  invoiceId: number | null;
  createdAt: string;
  updatedAt: string;
  raw?: string;
  acks?: { id: number; setId: string; controlNumber: string; status: string; raw: string }[];
}

type Row = Tables['edi_interchanges'] & { id: number };

export function toView(row: Row): InterchangeView {
  return {
    id: row.id,
    direction: row.direction,
    partnerId: row.partner_id,
    controlNumber: row.control_number,
    setId: row.set_id,
    status: row.status,
    errorReason: row.error_reason,
    orderIds: JSON.parse(row.order_ids) as number[],
    outcome: parseOutcome(row.outcome),
    source: row.source,
    duplicateOf: row.duplicate_of,
    ackOf: row.ack_of,
    shipmentId: row.shipment_id,
    invoiceId: row.invoice_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One interchange with its raw text and the acknowledgments sent for it (for a duplicate, the first's). */
export async function interchangeView(db: Kysely<Tables>, id: number): Promise<InterchangeView> {
  const row = await db
    .selectFrom('edi_interchanges')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row)
    throw new FailureError({ code: 'EDI.INTERCHANGE_NOT_FOUND', message: `No interchange ${id}` });
  const acks = await db
    .selectFrom('edi_interchanges')
    .select(['id', 'set_id', 'control_number', 'status', 'raw'])
    .where('ack_of', '=', row.duplicate_of ?? row.id)
    .orderBy('id')
    .execute();
  return {
    ...toView(row as Row),
    raw: row.raw,
    acks: acks.map((a) => ({
      id: a.id,
      setId: a.set_id,
      controlNumber: a.control_number,
      status: a.status,
      raw: a.raw,
    })),
  };
}

export interface InterchangeFilter {
  direction?: 'in' | 'out' | undefined;
  status?: string | undefined;
  partnerId?: number | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** Interchanges newest first, without raw text; `status: 'error'` is the error queue. */
export async function listInterchanges(
  db: Kysely<Tables>,
  filter: InterchangeFilter,
): Promise<InterchangeView[]> {
  let query = db
    .selectFrom('edi_interchanges')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  if (filter.direction) query = query.where('direction', '=', filter.direction);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.partnerId) query = query.where('partner_id', '=', filter.partnerId);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  const rows = await query.execute();
  return rows.map((r) => toView(r as Row));
}
