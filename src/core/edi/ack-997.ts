import { SET_ERROR, type AckStatus, type SegmentError } from './x12-codes.js';
import type { FunctionalGroup, TransactionSet } from './x12-envelope.js';
import type { OutboundSet } from './x12-writer.js';

/** What we decided about one received transaction set. */
export interface SetVerdict {
  readonly setId: string;
  readonly controlNumber: string;
  /** A accepted, E accepted with errors, R rejected. */
  readonly status: Exclude<AckStatus, 'P'>;
  /** AK5-02…06. */
  readonly codes: readonly string[];
  readonly segmentErrors: readonly SegmentError[];
}

/** Envelope errors that leave the set's boundaries or identity in doubt: it cannot be used. */
const FATAL_SET_ERRORS: readonly string[] = [
  SET_ERROR.notSupported,
  SET_ERROR.trailerMissing,
  SET_ERROR.missingOrInvalidSetId,
];

/**
 * Merges the envelope's findings with the mapper's: a wrong SE count or control number is
 * reported but recoverable (E); a missing trailer, an unsupported set or a mapper rejection is R.
 */
export function verdictFor(
  set: TransactionSet,
  mapped: { rejected: boolean; segmentErrors: readonly SegmentError[] },
): SetVerdict {
  const codes = [...new Set(set.errors)];
  if (mapped.segmentErrors.length > 0 && !codes.includes(SET_ERROR.segmentsInError))
    codes.push(SET_ERROR.segmentsInError);
  const rejected = mapped.rejected || codes.some((c) => FATAL_SET_ERRORS.includes(c));
  const status = rejected ? 'R' : codes.length > 0 ? 'E' : 'A';
  return {
    setId: set.setId,
    controlNumber: set.controlNumber,
    status,
    codes: codes.slice(0, 5),
    segmentErrors: mapped.segmentErrors,
  };
}

/** The group's AK9 status from its sets' and its own envelope's. */
export function groupStatus(group: FunctionalGroup, verdicts: readonly SetVerdict[]): AckStatus {
  const rejected = verdicts.filter((v) => v.status === 'R').length;
  if (verdicts.length > 0 && rejected === verdicts.length) return 'R';
  if (verdicts.length === 0) return group.errors.length > 0 ? 'R' : 'A';
  if (rejected > 0) return 'P';
  return group.errors.length > 0 || verdicts.some((v) => v.status === 'E') ? 'E' : 'A';
}

/**
 * A control number or bad value as the 997 may repeat it: what could not be read (a value
 * that swallowed a separator, an over-long number) is never echoed as is — only its letters
 * and digits, cut to the element's maximum length.
 */
export function ackValue(value: string, maxLength: number): string {
  const printable = /^[\x20-\x7E]*$/.test(value) && value.length <= maxLength;
  return printable ? value : value.replace(/[^A-Za-z0-9]/g, '').slice(0, maxLength);
}

/**
 * A 997 for one functional group: AK1, then per set AK2 / AK3 / AK4 / AK5, then AK9 with the
 * counts and group error codes. Every set is listed, accepted ones too, so the partner can
 * reconcile each control number it sent.
 */
export function build997(
  group: FunctionalGroup,
  verdicts: readonly SetVerdict[],
  version: '004010' | '005010',
): OutboundSet {
  const segments: string[][] = [
    version === '005010'
      ? ['AK1', group.functionalId, ackValue(group.controlNumber, 9), ackValue(group.version, 12)]
      : ['AK1', group.functionalId, ackValue(group.controlNumber, 9)],
  ];
  for (const v of verdicts) {
    segments.push(['AK2', ackValue(v.setId, 3), ackValue(v.controlNumber, 9)]);
    for (const e of v.segmentErrors) {
      segments.push(['AK3', ackValue(e.segmentId, 3), String(e.position), '', e.code]);
      for (const element of e.elements)
        segments.push([
          'AK4',
          String(element.position),
          '',
          element.code,
          ackValue(element.badValue ?? '', 99),
        ]);
    }
    segments.push(['AK5', v.status, ...v.codes]);
  }
  const accepted = verdicts.filter((v) => v.status !== 'R').length;
  segments.push([
    'AK9',
    groupStatus(group, verdicts),
    String(group.declaredSetCount ?? group.sets.length),
    String(group.sets.length),
    String(accepted),
    ...[...new Set(group.errors)].slice(0, 5),
  ]);
  return { setId: '997', segments };
}
