import type { AppContext } from '../context.js';
import { build997, verdictFor, type SetVerdict } from '../../core/edi/ack-997.js';
import { map850, type PurchaseOrder850 } from '../../core/edi/po-850.js';
import type { SegmentError } from '../../core/edi/x12-codes.js';
import { SET_ERROR } from '../../core/edi/x12-codes.js';
import type { FunctionalGroup, Interchange, TransactionSet } from '../../core/edi/x12-envelope.js';
import { FailureError } from '../../core/shared/result.js';
import { map856In } from '../../core/edi/asn-856-inbound.js';
import { storeAsn } from '../receiving/asn-intake.js';
import { orderFrom850, send855 } from './order-from-850.js';
import { storeOutbound, type PartnerRow } from './partner-profile.js';
import {
  errorReason,
  setOutcome,
  type InterchangeOutcome,
  type SetOutcome,
} from './set-outcomes.js';

/**
 * Sets we take in: 850 becomes an order; a supplier's 856 a ship notice to receive by SSCC;
 * a partner's 997 is recorded (never acknowledged).
 */
const SUPPORTED = new Set(['850', '856', '997']);

interface SetWork {
  verdict: SetVerdict;
  orderId: number | null;
  problems: string[];
  refused: PurchaseOrder850 | null;
  /** Why placement refused the order (code: message), when it did. */
  refusal?: string;
  /** The 855 sent with the order, to link to the interchange. */
  ackId?: number | null;
  /** The ship notice an 856 became. */
  asnId?: number | null;
}

/** One 850 in its own transaction: the order, its EDI line references and its 855 commit together. */
async function take850(
  ctx: AppContext,
  partner: PartnerRow,
  interchangeId: number,
  set: TransactionSet,
): Promise<SetWork> {
  const mapped = map850(set);
  if (!mapped.order || mapped.rejected)
    return { verdict: verdictFor(set, mapped), orderId: null, problems: [], refused: null };
  const order = mapped.order;
  try {
    const outcome = await ctx.database.write((trx) =>
      orderFrom850(trx, partner, order, interchangeId, ctx.policies.allocation, ctx.now()),
    );
    const segmentErrors: SegmentError[] = [...mapped.segmentErrors, ...outcome.segmentErrors];
    return {
      verdict: verdictFor(set, { rejected: outcome.rejected, segmentErrors }),
      orderId: outcome.orderId,
      problems: [],
      refused: null,
      ackId: outcome.ack855Id,
    };
  } catch (error) {
    if (!(error instanceof FailureError)) throw error;
    // A business refusal (inactive account, SKU no longer sold): the syntax was fine, so the
    // 997 accepts; the 855 rejects and the interchange waits in the error queue.
    const refusal = `${error.failure.code}: ${error.failure.message}`;
    return {
      verdict: verdictFor(set, mapped),
      orderId: null,
      problems: [refusal],
      refused: order,
      refusal,
    };
  }
}

/**
 * A supplier's 856 in its own transaction: stored as a ship notice to receive by SSCC. A
 * notice we cannot take (no SSCC, unknown PO, shipment sent twice) is a business refusal: the
 * 997 accepts the syntax and the interchange waits in the error queue with the reason.
 */
async function take856(
  ctx: AppContext,
  partner: PartnerRow,
  interchangeId: number,
  set: TransactionSet,
  verdict: SetVerdict,
): Promise<SetWork> {
  const mapped = map856In(set);
  try {
    if (!mapped.asn)
      throw new FailureError({ code: 'EDI.ASN_INVALID', message: mapped.problems.join('; ') });
    const asn = mapped.asn;
    const asnId = await ctx.database.write((trx) =>
      storeAsn(trx, partner, interchangeId, asn, ctx.now()),
    );
    return { verdict, orderId: null, problems: [], refused: null, asnId };
  } catch (error) {
    if (!(error instanceof FailureError)) throw error;
    const refusal = `${error.failure.code}: ${error.failure.message}`;
    return { verdict, orderId: null, problems: [refusal], refused: null, refusal };
  }
}

async function takeSet(
  ctx: AppContext,
  partner: PartnerRow,
  interchangeId: number,
  set: TransactionSet,
  previous: SetOutcome | undefined,
): Promise<SetWork> {
  if (previous?.asnId) {
    const verdict = verdictFor(set, { rejected: false, segmentErrors: previous.segmentErrors });
    return { verdict, orderId: null, problems: [], refused: null, asnId: previous.asnId };
  }
  if (previous?.orderId) {
    // Reprocessing: this set already became an order; never take it twice.
    const verdict = verdictFor(set, { rejected: false, segmentErrors: previous.segmentErrors });
    return { verdict, orderId: previous.orderId, problems: [], refused: null };
  }
  if (!SUPPORTED.has(set.setId)) {
    const verdict = verdictFor(
      { ...set, errors: [...set.errors, SET_ERROR.notSupported] },
      {
        rejected: true,
        segmentErrors: [],
      },
    );
    return {
      verdict,
      orderId: null,
      problems: [`We do not take ${set.setId} sets`],
      refused: null,
    };
  }
  const fatal = verdictFor(set, { rejected: false, segmentErrors: [] });
  if (fatal.status === 'R' || set.setId === '997')
    return { verdict: fatal, orderId: null, problems: set.messages, refused: null };
  if (set.setId === '856') {
    const work = await take856(ctx, partner, interchangeId, set, fatal);
    return { ...work, problems: [...set.messages, ...work.problems] };
  }
  const work = await take850(ctx, partner, interchangeId, set);
  return { ...work, problems: [...set.messages, ...work.problems] };
}

/**
 * Processes a recorded interchange: each set on its own (one transaction per 850), then one
 * closing transaction that stores a 997 per functional group, the 855 refusals and the
 * interchange's outcome. `previous` is the outcome of an earlier attempt (reprocessing).
 */
export async function processInterchange(
  ctx: AppContext,
  partner: PartnerRow,
  interchangeId: number,
  interchange: Interchange,
  previous: InterchangeOutcome | null,
): Promise<{ outcome: InterchangeOutcome; ackIds: number[] }> {
  const sets: SetOutcome[] = [];
  const perGroup: { group: FunctionalGroup; verdicts: SetVerdict[] }[] = [];
  const refusals: PurchaseOrder850[] = [];
  const sentWithOrders: number[] = [];
  for (const group of interchange.groups) {
    const verdicts: SetVerdict[] = [];
    for (const set of group.sets) {
      const before = previous?.sets.find(
        (s) => s.groupControl === group.controlNumber && s.controlNumber === set.controlNumber,
      );
      const work = await takeSet(ctx, partner, interchangeId, set, before);
      verdicts.push(work.verdict);
      if (work.refused) refusals.push(work.refused);
      if (work.ackId) sentWithOrders.push(work.ackId);
      sets.push(
        setOutcome(
          group.controlNumber,
          work.verdict,
          work.orderId,
          work.problems,
          work.refusal,
          work.asnId ?? null,
        ),
      );
    }
    perGroup.push({ group, verdicts });
  }
  const outcome: InterchangeOutcome = { notes: interchange.notes, sets };
  const now = ctx.now();
  const ackIds = await ctx.database.write(async (trx) => {
    const ids: number[] = [...sentWithOrders];
    for (const { group, verdicts } of perGroup) {
      // Never acknowledge an acknowledgment.
      if (!partner.send_997 || group.functionalId === 'FA') continue;
      const ack = build997(group, verdicts, partner.version === '005010' ? '005010' : '004010');
      ids.push((await storeOutbound(trx, partner, ack, { ackOf: interchangeId }, now)).id);
    }
    if (partner.send_855)
      for (const order of refusals)
        ids.push(await send855(trx, partner, order, null, new Map(), now));
    const reason = errorReason(outcome);
    await trx
      .updateTable('edi_interchanges')
      .set({
        status: reason ? 'error' : 'processed',
        error_reason: reason,
        outcome: JSON.stringify(outcome),
        order_ids: JSON.stringify(sets.flatMap((s) => (s.orderId ? [s.orderId] : []))),
        updated_at: now.toISOString(),
      })
      .where('id', '=', interchangeId)
      .execute();
    if (ids.length > 0)
      await trx
        .updateTable('edi_interchanges')
        .set({ ack_of: interchangeId })
        .where('id', 'in', ids)
        .execute();
    return ids;
  });
  return { outcome, ackIds };
}
