import { readInterchange } from '../../core/edi/x12-envelope.js';
import { FailureError } from '../../core/shared/result.js';
import type { AppContext } from '../context.js';
import { interchangeView, type InterchangeView } from './interchange-views.js';
import { partnerBySender } from './partner-profile.js';
import { processInterchange } from './process-interchange.js';
import { parseOutcome } from './set-outcomes.js';

/**
 * Runs an interchange from the error queue again (after the partner, the cross-reference or the
 * account was fixed). Sets that already became orders are skipped, so a retry never orders twice.
 */
export async function reprocessInterchange(ctx: AppContext, id: number): Promise<InterchangeView> {
  const row = await ctx.database.db
    .selectFrom('edi_interchanges')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.direction !== 'in')
    throw new FailureError({
      code: 'EDI.INTERCHANGE_NOT_FOUND',
      message: `No inbound interchange ${id}`,
    });
  // `received` too: a process that died between recording and processing left it there.
  if (row.status !== 'error' && row.status !== 'received')
    throw new FailureError({
      code: 'EDI.NOT_IN_ERROR_QUEUE',
      message: `Interchange ${id} is ${row.status}, not in the error queue`,
    });
  const parsed = readInterchange(row.raw);
  if (!parsed.ok) throw new FailureError(parsed.error);
  const { senderQualifier, senderId, controlNumber } = parsed.value.header;
  const partner = await partnerBySender(ctx.database.db, senderQualifier, senderId);
  if (!partner || !partner.active)
    throw new FailureError({
      code: 'EDI.PARTNER_NOT_FOUND',
      message: `Still no active trading partner with ISA sender ${senderQualifier}:${senderId}`,
    });
  if (row.partner_id === null) {
    const first = await ctx.database.db
      .selectFrom('edi_interchanges')
      .select('id')
      .where('partner_id', '=', partner.id)
      .where('direction', '=', 'in')
      .where('control_number', '=', controlNumber)
      .where('duplicate_of', 'is', null)
      .executeTakeFirst();
    const nowIso = ctx.now().toISOString();
    await ctx.database.write((trx) =>
      trx
        .updateTable('edi_interchanges')
        .set(
          first
            ? {
                partner_id: partner.id,
                status: 'duplicate',
                duplicate_of: first.id,
                error_reason: `Duplicate of interchange ${first.id}`,
                updated_at: nowIso,
              }
            : { partner_id: partner.id, updated_at: nowIso },
        )
        .where('id', '=', id)
        .execute(),
    );
    if (first) return interchangeView(ctx.database.db, id);
  }
  await processInterchange(ctx, partner, id, parsed.value, parseOutcome(row.outcome));
  return interchangeView(ctx.database.db, id);
}
