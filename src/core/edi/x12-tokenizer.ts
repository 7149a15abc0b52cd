import { fail, ok, type Result } from '../shared/result.js';

/** The four delimiters an interchange declares in its ISA segment. */
export interface Separators {
  readonly element: string;
  /** ISA16: splits an element into components. */
  readonly component: string;
  /** ISA11 from version 00402 on; `null` when ISA11 is the old `U` standards identifier. */
  readonly repetition: string | null;
  readonly segment: string;
}

/** One segment as read: `elements[0]` is the segment id, so `elements[n]` is element n (X12 numbering). */
export interface Segment {
  readonly id: string;
  readonly elements: readonly string[];
  /** 1-based ordinal of the segment in the interchange (ISA = 1), for precise error reports. */
  readonly ordinal: number;
  /** Character offset of the segment in the raw text. */
  readonly offset: number;
}

export interface Tokens {
  readonly separators: Separators;
  readonly segments: readonly Segment[];
}

/** Element n of a segment, '' when absent: X12 drops trailing empty elements. */
export function el(segment: Segment, n: number): string {
  return segment.elements[n] ?? '';
}

const ISA_ELEMENT_COUNT = 16;
const LINE_BREAKS = /^[\r\n\t ]+|[\r\n]+$/g;
/** Where a standard, fixed-width ISA has its element separators before ISA01…ISA15. */
const FIXED_SEPARATORS = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101];
/** What we read components with when the file does not say (no or an empty ISA16). */
const COMPONENT_DEFAULTS = [':', '>', '^', '!', '|', '\\'];
const isWordCharacter = (c: string | undefined) => c !== undefined && /[A-Za-z0-9 ]/.test(c);

/**
 * The index just after the ISA15 value. A standard ISA is fixed-width, so that is column 103;
 * partners who collapse the padding by hand are read by counting separators instead.
 */
function afterUsage(raw: string, element: string): Result<number> {
  if (FIXED_SEPARATORS.every((i) => raw[i] === element)) return ok(103);
  let at = 3;
  for (let n = 1; n < ISA_ELEMENT_COUNT - 1; n++) {
    at = raw.indexOf(element, at + 1);
    if (at < 0)
      return fail('EDI.BAD_ISA', `ISA has only ${n} elements, 16 are required`, {
        elements: n,
      });
  }
  // ISA15 (usage, P or T) is one character.
  return ok(at + 2);
}

/** A segment terminator at `at`; CR LF counts as one. */
function terminatorAt(raw: string, at: number): string {
  return raw[at] === '\r' && raw[at + 1] === '\n' ? '\r\n' : raw[at]!;
}

/**
 * ISA16 and the segment terminator from what follows ISA15. Files without ISA16, or with it
 * left empty, are common enough from hand-made or legacy translators: the terminator is then
 * the first character after ISA15 (or after its separator), and components get a default.
 */
function tail(raw: string, at: number, element: string) {
  if (raw[at] !== element) return { component: null, segment: terminatorAt(raw, at) };
  const component = raw[at + 1];
  const next = raw[at + 2];
  if (component === '\r' || component === '\n' || isWordCharacter(next))
    return { component: null, segment: terminatorAt(raw, at + 1) };
  if (component !== undefined && (next === '\r' || next === '\n') && endsGs(raw, at + 2, component))
    return { component: null, segment: component };
  return { component, segment: next === undefined ? undefined : terminatorAt(raw, at + 2) };
}

/**
 * `*P*~` and a line break: an empty ISA16 and `~` as terminator, or ISA16 `~` and line breaks
 * as terminators? The segment after ISA says: it ends in the same character.
 */
function endsGs(raw: string, from: number, candidate: string): boolean {
  const rest = raw.slice(from).replace(/^[\r\n]+/, '');
  const lineEnd = rest.search(/[\r\n]/);
  const at = rest.indexOf(candidate);
  return at >= 0 && (lineEnd < 0 || at < lineEnd);
}

/**
 * Finds the separators from the ISA segment: the element separator is the character after
 * `ISA`; ISA16 and the segment terminator follow ISA15, at fixed columns in a standard ISA and
 * by counting separators when the padding was collapsed. A missing or empty ISA16 is tolerated.
 */
export function readSeparators(raw: string): Result<Separators> {
  if (!raw.startsWith('ISA'))
    return fail('EDI.NOT_X12', 'An X12 interchange starts with ISA', {
      start: raw.slice(0, 20),
    });
  const element = raw[3];
  if (element === undefined || isWordCharacter(element))
    return fail('EDI.BAD_ISA', `"${element}" cannot be an element separator`);
  const at = afterUsage(raw, element);
  if (!at.ok) return at;
  const found = tail(raw, at.value, element);
  if (found.segment === undefined || isWordCharacter(found.segment))
    return fail('EDI.BAD_ISA', 'The interchange ends inside ISA, or ISA has no segment terminator');
  const fields = raw.slice(0, at.value).split(element);
  const version = fields[12]?.trim() ?? '';
  const isa11 = fields[11] ?? '';
  const repetition =
    version >= '00402' && isa11.length === 1 && !/[A-Za-z0-9]/.test(isa11) ? isa11 : null;
  const taken = [element, found.segment, repetition];
  const component =
    found.component ?? COMPONENT_DEFAULTS.find((c) => !taken.includes(c)) ?? COMPONENT_DEFAULTS[0]!;
  return ok({ element, component, segment: found.segment, repetition });
}

/**
 * Splits an interchange into segments. Line breaks after the terminator (a common habit) are
 * ignored, and so are empty segments.
 */
export function tokenize(text: string): Result<Tokens> {
  const raw = text.replace(/^\uFEFF/, '').replace(/^[\s]+/, '');
  const separators = readSeparators(raw);
  if (!separators.ok) return separators;
  const { element, segment: terminator } = separators.value;
  const segments: Segment[] = [];
  let offset = 0;
  for (const chunk of raw.split(terminator)) {
    const body = chunk.replace(LINE_BREAKS, '');
    if (body.length > 0) {
      const elements = body.split(element);
      const id = elements[0]!.trim().toUpperCase();
      segments.push({
        id,
        elements: [id, ...elements.slice(1)],
        ordinal: segments.length + 1,
        offset,
      });
    }
    offset += chunk.length + terminator.length;
  }
  return ok({ separators: separators.value, segments });
}
