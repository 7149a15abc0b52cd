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
): SetOutcome {
  return {
    groupControl,
    setId: verdict.setId,
    controlNumber: verdict.controlNumber,
    status: verdict.status,
    orderId,
    problems: [...problems, ...verdict.segmentErrors.map((e) => e.message)],
    segmentErrors: verdict.segmentErrors,
  };
}

/** A readable reason for the error queue: each rejected set and why, then envelope notes. */
export function errorReason(outcome: InterchangeOutcome): string | null {
  const rejected = outcome.sets.filter((s) => s.status === 'R');
  if (rejected.length === 0) return null;
  const lines = rejected.map(
    (s) => `${s.setId} ${s.controlNumber} rejected: ${s.problems.join('; ') || 'see 997'}`,
  );
  for (const note of outcome.notes) lines.push(`Envelope (TA1 ${note.code}): ${note.message}`);
  return lines.join('\n');
}

export function parseOutcome(text: string): InterchangeOutcome {
  const parsed = JSON.parse(text) as Partial<InterchangeOutcome>;
  return { notes: parsed.notes ?? [], sets: parsed.sets ?? [] };
}
