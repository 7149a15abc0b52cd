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

/**
 * Finds the separators from the ISA segment. ISA is fixed-width (106 characters) in the
 * standard, but partners collapse its padding by hand; counting element separators instead of
 * columns reads both: ISA16 is the one character after the 16th separator, and the segment
 * terminator the character after it (CR LF counts as one terminator).
 */
export function readSeparators(raw: string): Result<Separators> {
  if (!raw.startsWith('ISA'))
    return fail('EDI.NOT_X12', 'An X12 interchange starts with ISA', {
      start: raw.slice(0, 20),
    });
  const element = raw[3]!;
  if (/[A-Za-z0-9 ]/.test(element))
    return fail('EDI.BAD_ISA', `"${element}" cannot be an element separator`);
  let at = 3;
  for (let n = 1; n < ISA_ELEMENT_COUNT; n++) {
    at = raw.indexOf(element, at + 1);
    if (at < 0)
      return fail('EDI.BAD_ISA', `ISA has only ${n} elements, 16 are required`, {
        elements: n,
      });
  }
  const component = raw[at + 1];
  let segment = raw[at + 2];
  if (component === undefined || segment === undefined)
    return fail('EDI.BAD_ISA', 'The interchange ends inside ISA');
  if (segment === '\r' && raw[at + 3] === '\n') segment = '\r\n';
  const fields = raw.slice(0, at).split(element);
  const version = fields[12]?.trim() ?? '';
  const isa11 = fields[11] ?? '';
  const repetition = version >= '00402' && isa11.length === 1 && !/[A-Za-z0-9]/.test(isa11);
  return ok({ element, component, segment, repetition: repetition ? isa11 : null });
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
