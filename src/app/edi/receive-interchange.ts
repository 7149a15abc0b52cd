import { isUniqueViolation } from '../../adapters/db/database.js';
import { readInterchange, type Interchange } from '../../core/edi/x12-envelope.js';
import type { AppContext } from '../context.js';
import { interchangeView, type InterchangeView } from './interchange-views.js';
import { partnerBySender, type PartnerRow } from './partner-profile.js';
import { processInterchange } from './process-interchange.js';

interface Recorded {
  id: number;
  duplicateOf: number | null;
}

/** Stores the raw text first, so nothing received is ever lost, whatever happens next. */
async function record(
  ctx: AppContext,
  raw: string,
  source: string,
  fields: {
    partnerId: number | null;
    control: string;
    setId: string;
    status: string;
    reason: string | null;
    duplicateOf?: number;
  },
): Promise<number> {
  const nowIso = ctx.now().toISOString();
  const row = await ctx.database.write((trx) =>
    trx
      .insertInto('edi_interchanges')
      .values({
        direction: 'in',
        partner_id: fields.partnerId,
        control_number: fields.control,
        set_id: fields.setId,
        raw,
        status: fields.status,
        error_reason: fields.reason,
        order_ids: '[]',
        outcome: '{}',
        source,
        ack_of: null,
        duplicate_of: fields.duplicateOf ?? null,
        shipment_id: null,
        invoice_id: null,
        created_at: nowIso,
        updated_at: nowIso,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

/**
 * Records an interchange from a known partner, or — when the partner already sent this ISA
 * control number — records it as a duplicate of the first (kept, never processed again).
 */
export async function recordOrDuplicate(
  ctx: AppContext,
  raw: string,
  source: string,
  partner: PartnerRow,
  interchange: Interchange,
): Promise<Recorded> {
  const control = interchange.header.controlNumber;
  const setId = interchange.groups[0]?.sets[0]?.setId ?? '';
  try {
    const id = await record(ctx, raw, source, {
      partnerId: partner.id,
      control,
      setId,
      status: 'received',
      reason: null,
    });
    return { id, duplicateOf: null };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const first = await ctx.database.db
    .selectFrom('edi_interchanges')
    .select(['id', 'created_at'])
    .where('partner_id', '=', partner.id)
    .where('direction', '=', 'in')
    .where('control_number', '=', control)
    .where('duplicate_of', 'is', null)
    .executeTakeFirstOrThrow();
  const reason = `Duplicate: interchange control number ${control} from ${partner.code} was received on ${first.created_at} (interchange ${first.id})`;
  const id = await record(ctx, raw, source, {
    partnerId: partner.id,
    control,
    setId,
    status: 'duplicate',
    reason,
    duplicateOf: first.id,
  });
  return { id, duplicateOf: first.id };
}

/**
 * Takes in one X12 interchange from any channel (API, watched folder, CLI): stores it, finds
 * the partner by its ISA sender, refuses a re-sent control number, turns each 850 into an
 * order and answers with a 997 per group and an 855 per order. What cannot be processed is
 * kept with a readable reason in the error queue.
 */
export async function receiveInterchange(
  ctx: AppContext,
  raw: string,
  source: string,
): Promise<InterchangeView> {
  const parsed = readInterchange(raw);
  if (!parsed.ok) {
    const id = await record(ctx, raw, source, {
      partnerId: null,
      control: '',
      setId: '',
      status: 'error',
      reason: `${parsed.error.code}: ${parsed.error.message}`,
    });
    return interchangeView(ctx.database.db, id);
  }
  const interchange = parsed.value;
  const { senderQualifier, senderId, controlNumber } = interchange.header;
  const partner = await partnerBySender(ctx.database.db, senderQualifier, senderId);
  if (!partner || !partner.active) {
    const reason = partner
      ? `Trading partner ${partner.code} is inactive`
      : `No trading partner with ISA sender ${senderQualifier}:${senderId}; set one up and reprocess`;
    const setId = interchange.groups[0]?.sets[0]?.setId ?? '';
    const id = await record(ctx, raw, source, {
      partnerId: null,
      control: controlNumber,
      setId,
      status: 'error',
      reason,
    });
    return interchangeView(ctx.database.db, id);
  }
  const recorded = await recordOrDuplicate(ctx, raw, source, partner, interchange);
  if (recorded.duplicateOf === null)
    await processInterchange(ctx, partner, recorded.id, interchange, null);
  return interchangeView(ctx.database.db, recorded.id);
}
