import { fail, ok, type Result } from '../shared/result.js';
import { GROUP_ERROR, INTERCHANGE_NOTE, SET_ERROR } from './x12-codes.js';
import { el, tokenize, type Segment, type Separators } from './x12-tokenizer.js';

/** ISA: who sent the interchange to whom, and its control number. */
export interface IsaHeader {
  readonly senderQualifier: string;
  readonly senderId: string;
  readonly receiverQualifier: string;
  readonly receiverId: string;
  /** YYMMDD and HHMM as sent. */
  readonly date: string;
  readonly time: string;
  readonly version: string;
  readonly controlNumber: string;
  readonly ackRequested: boolean;
  /** `P` production, `T` test. */
  readonly usage: string;
}

/** One ST…SE transaction set, with what is wrong in its envelope (AK5 codes). */
export interface TransactionSet {
  readonly setId: string;
  readonly controlNumber: string;
  /** ST through SE (or through the last segment read when SE is missing). */
  readonly segments: readonly Segment[];
  readonly errors: string[];
  readonly messages: string[];
}

/** One GS…GE functional group, with what is wrong in its envelope (AK9 codes). */
export interface FunctionalGroup {
  readonly functionalId: string;
  readonly senderId: string;
  readonly receiverId: string;
  readonly controlNumber: string;
  /** GS08, e.g. `004010`, `004010VICS`, `005010`. */
  readonly version: string;
  readonly sets: TransactionSet[];
  /** GE01 as sent (AK9-02), null when GE is missing or GE01 is not a number. */
  declaredSetCount: number | null;
  readonly errors: string[];
  readonly messages: string[];
}

/** A whole interchange as read; `notes` are envelope problems a 997 cannot carry (TA1 codes). */
export interface Interchange {
  readonly separators: Separators;
  readonly header: IsaHeader;
  readonly groups: FunctionalGroup[];
  readonly notes: { code: string; message: string }[];
}

function header(isa: Segment): IsaHeader {
  const f = (n: number) => el(isa, n).trim();
  return {
    senderQualifier: f(5),
    senderId: f(6),
    receiverQualifier: f(7),
    receiverId: f(8),
    date: f(9),
    time: f(10),
    version: f(12),
    controlNumber: f(13),
    ackRequested: f(14) === '1',
    usage: f(15),
  };
}

/** ST02: 4 to 9 characters; partners use digits. */
const CONTROL_NUMBER = /^\d{4,9}$/;

const sameNumber = (a: string, b: string) => a.trim() === b.trim() || Number(a) === Number(b);

function closeSet(set: TransactionSet, se: Segment | undefined): void {
  if (!se) {
    set.errors.push(SET_ERROR.trailerMissing);
    set.messages.push(`Transaction set ${set.controlNumber} has no SE trailer`);
    return;
  }
  const declared = el(se, 1);
  if (!/^\d+$/.test(declared) || Number(declared) !== set.segments.length) {
    set.errors.push(SET_ERROR.segmentCountMismatch);
    set.messages.push(
      `SE01 says ${declared || 'nothing'} segments; set ${set.controlNumber} has ${set.segments.length}`,
    );
  }
  if (!CONTROL_NUMBER.test(set.controlNumber)) {
    set.errors.push(SET_ERROR.missingOrInvalidControlNumber);
    set.messages.push(`ST02 "${set.controlNumber}" is not a 4 to 9 digit control number`);
  }
  if (!sameNumber(el(se, 2), set.controlNumber)) {
    set.errors.push(SET_ERROR.controlNumberMismatch);
    set.messages.push(`SE02 ${el(se, 2)} does not match ST02 ${set.controlNumber}`);
  }
}

function closeGroup(group: FunctionalGroup, ge: Segment | undefined): void {
  if (!ge) {
    group.errors.push(GROUP_ERROR.trailerMissing);
    group.messages.push(`Functional group ${group.controlNumber} has no GE trailer`);
    return;
  }
  group.declaredSetCount = /^\d+$/.test(el(ge, 1)) ? Number(el(ge, 1)) : null;
  if (group.declaredSetCount !== group.sets.length) {
    group.errors.push(GROUP_ERROR.setCountMismatch);
    group.messages.push(
      `GE01 says ${el(ge, 1) || 'nothing'} transaction sets; group ${group.controlNumber} has ${group.sets.length}`,
    );
  }
  if (!sameNumber(el(ge, 2), group.controlNumber)) {
    group.errors.push(GROUP_ERROR.controlNumberMismatch);
    group.messages.push(`GE02 ${el(ge, 2)} does not match GS06 ${group.controlNumber}`);
  }
}

function newGroup(gs: Segment): FunctionalGroup {
  return {
    functionalId: el(gs, 1),
    senderId: el(gs, 2).trim(),
    receiverId: el(gs, 3).trim(),
    controlNumber: el(gs, 6),
    version: el(gs, 8),
    sets: [],
    declaredSetCount: null,
    errors: [],
    messages: [],
  };
}

/**
 * Reads the ISA/GS/ST envelopes and checks every trailer's count and control number. Broken
 * trailers are recorded, not fatal: the sets are still read so the 997 can name each problem
 * and whatever is recoverable can still be processed. Only text without an ISA fails.
 */
export function readInterchange(text: string): Result<Interchange> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const [isa, ...rest] = tokens.value.segments;
  if (!isa || isa.id !== 'ISA') return fail('EDI.NOT_X12', 'No ISA segment');
  const interchange: Interchange = {
    separators: tokens.value.separators,
    header: header(isa),
    groups: [],
    notes: [],
  };
  let group: FunctionalGroup | undefined;
  let set: (TransactionSet & { segments: Segment[] }) | undefined;
  let iea: Segment | undefined;
  for (const segment of rest) {
    if (set && segment.id !== 'SE' && !['GS', 'GE', 'IEA', 'ST'].includes(segment.id)) {
      set.segments.push(segment);
      continue;
    }
    switch (segment.id) {
      case 'GS':
        if (set) closeSet(set, undefined);
        if (group) closeGroup(group, undefined);
        set = undefined;
        group = newGroup(segment);
        interchange.groups.push(group);
        break;
      case 'ST':
        if (set) closeSet(set, undefined);
        if (!group) {
          group = newGroup(segment);
          interchange.notes.push({
            code: '024',
            message: `ST before any GS (segment ${segment.ordinal})`,
          });
          interchange.groups.push(group);
        }
        set = {
          setId: el(segment, 1),
          controlNumber: el(segment, 2),
          segments: [segment],
          errors: [],
          messages: [],
        };
        group.sets.push(set);
        break;
      case 'SE':
        if (!set) {
          interchange.notes.push({
            code: '024',
            message: `SE without ST (segment ${segment.ordinal})`,
          });
          break;
        }
        set.segments.push(segment);
        closeSet(set, segment);
        set = undefined;
        break;
      case 'GE':
        if (set) closeSet(set, undefined);
        set = undefined;
        if (group) closeGroup(group, segment);
        else
          interchange.notes.push({
            code: '024',
            message: `GE without GS (segment ${segment.ordinal})`,
          });
        group = undefined;
        break;
      case 'IEA':
        iea = segment;
        break;
      default:
        interchange.notes.push({
          code: '024',
          message: `${segment.id} outside any transaction set (segment ${segment.ordinal})`,
        });
    }
  }
  if (set) closeSet(set, undefined);
  if (group) closeGroup(group, undefined);
  checkIea(interchange, iea);
  return ok(interchange);
}

function checkIea(interchange: Interchange, iea: Segment | undefined): void {
  if (!iea) {
    interchange.notes.push({ code: INTERCHANGE_NOTE.endOfFile, message: 'No IEA trailer' });
    return;
  }
  if (Number(el(iea, 1)) !== interchange.groups.length) {
    interchange.notes.push({
      code: INTERCHANGE_NOTE.invalidGroupCount,
      message: `IEA01 says ${el(iea, 1)} groups; the interchange has ${interchange.groups.length}`,
    });
  }
  if (!sameNumber(el(iea, 2), interchange.header.controlNumber)) {
    interchange.notes.push({
      code: INTERCHANGE_NOTE.controlNumberMismatch,
      message: `IEA02 ${el(iea, 2)} does not match ISA13 ${interchange.header.controlNumber}`,
    });
  }
}
