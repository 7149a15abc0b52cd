/**
 * The X12 997 code lists a functional acknowledgment reports with. Names follow the standard's
 * wording so a partner's EDI analyst recognizes them.
 */

/** AK3-04: what is wrong with a segment. */
export const SEGMENT_ERROR = {
  unrecognizedSegmentId: '1',
  unexpectedSegment: '2',
  mandatorySegmentMissing: '3',
  loopOccursOverMaximum: '4',
  segmentExceedsMaximumUse: '5',
  segmentNotInTransactionSet: '6',
  segmentNotInProperSequence: '7',
  segmentHasDataElementErrors: '8',
} as const;

/** AK4-03: what is wrong with a data element. */
export const ELEMENT_ERROR = {
  mandatoryElementMissing: '1',
  conditionalElementMissing: '2',
  tooManyElements: '3',
  tooShort: '4',
  tooLong: '5',
  invalidCharacter: '6',
  invalidCodeValue: '7',
  invalidDate: '8',
  invalidTime: '9',
  exclusionConditionViolated: '10',
} as const;

/** AK5-02…: why a transaction set is rejected or accepted with errors. */
export const SET_ERROR = {
  notSupported: '1',
  trailerMissing: '2',
  controlNumberMismatch: '3',
  segmentCountMismatch: '4',
  segmentsInError: '5',
  missingOrInvalidSetId: '6',
  missingOrInvalidControlNumber: '7',
} as const;

/** AK9-05…: what is wrong with a functional group. */
export const GROUP_ERROR = {
  notSupported: '1',
  versionNotSupported: '2',
  trailerMissing: '3',
  controlNumberMismatch: '4',
  setCountMismatch: '5',
  controlNumberSyntax: '6',
} as const;

/** TA1-05 notes for the interchange envelope (kept with the interchange; a 997 cannot carry them). */
export const INTERCHANGE_NOTE = {
  controlNumberMismatch: '001',
  invalidGroupCount: '021',
  endOfFile: '023',
} as const;

/** AK5-01 / AK9-01: A accepted, E accepted with errors, P partially accepted, R rejected. */
export type AckStatus = 'A' | 'E' | 'P' | 'R';

/** The 997's AK3/AK4 pair: one segment in error and what is wrong in its elements. */
export interface SegmentError {
  readonly segmentId: string;
  /** Position of the segment in the transaction set, ST = 1. */
  readonly position: number;
  readonly code: string;
  readonly elements: readonly ElementError[];
  /** Words for people; the error queue and docs show them, the 997 does not. */
  readonly message: string;
}

export interface ElementError {
  /** Element position in the segment (1-based). */
  readonly position: number;
  readonly code: string;
  readonly badValue?: string | undefined;
}
