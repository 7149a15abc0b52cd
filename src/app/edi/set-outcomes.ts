import type { SetVerdict } from '../../core/edi/ack-997.js';
import type { SegmentError } from '../../core/edi/x12-codes.js';

/** What happened to one received transaction set, kept with the interchange. */
export interface SetOutcome {
  readonly groupControl: string;
  readonly setId: string;
  readonly controlNumber: string;
  /** The 997's AK5 status: A, E or R. */
  readonly status: 'A' | 'E' | 'R';
  readonly orderId: number | null;
  /** Why the set is in error, in words: envelope messages, segment messages, business refusals. */
  readonly problems: readonly string[];
  readonly segmentErrors: readonly SegmentError[];
  /**
   * A business refusal of a well-formed set (`PRICING.NO_PRICE: …`): the 997 accepts it, yet
   * no order exists, so the interchange waits in the error queue until it is reprocessed.
   */
  readonly refusal?: string | null | undefined;
  /** The supplier ship notice an 856 was stored as (see RECEIVING.md). */
  readonly asnId?: number | null | undefined;
}

/** The stored outcome of an inbound interchange (the `outcome` JSON column). */
export interface InterchangeOutcome {
  readonly notes: readonly { code: string; message: string }[];
  readonly sets: readonly SetOutcome[];
}

export function setOutcome(
  groupControl: string,
  verdict: SetVerdict,
  orderId: number | null,
  problems: readonly string[],
  refusal: string | null = null,
  asnId: number | null = null,
): SetOutcome {
  return {
    ...(asnId === null ? {} : { asnId }),
    groupControl,
    setId: verdict.setId,
    controlNumber: verdict.controlNumber,
    status: verdict.status,
    orderId,
    problems: [...problems, ...verdict.segmentErrors.map((e) => e.message)],
    segmentErrors: verdict.segmentErrors,
    refusal,
  };
}

/**
 * A readable reason for the error queue: each rejected or refused set and why, then envelope
 * notes. Null when every set went through (the interchange is processed).
 */
export function errorReason(outcome: InterchangeOutcome): string | null {
  const failed = outcome.sets.filter(
    (s) => s.status === 'R' || (s.refusal && !s.orderId && !s.asnId),
  );
  if (failed.length === 0) return null;
  const lines = failed.map((s) =>
    s.status === 'R'
      ? `${s.setId} ${s.controlNumber} rejected: ${s.problems.join('; ') || 'see 997'}`
      : `${s.setId} ${s.controlNumber} refused, ${s.setId === '856' ? 'not stored' : 'no order'}: ${s.refusal}`,
  );
  for (const note of outcome.notes) lines.push(`Envelope (TA1 ${note.code}): ${note.message}`);
  return lines.join('\n');
}

export function parseOutcome(text: string): InterchangeOutcome {
  const parsed = JSON.parse(text) as Partial<InterchangeOutcome>;
  return { notes: parsed.notes ?? [], sets: parsed.sets ?? [] };
}
