/**
 * GS1 element strings: the data inside a GS1-128, GS1 DataMatrix or GS1 QR barcode, a run
 * of (Application Identifier, value) pairs. Predefined-length fields (SSCC, GTIN, dates,
 * net weight) simply end; variable-length ones (lot, serial, PO) end at FNC1, which a
 * keyboard-wedge scanner types as the ASCII group separator (GS, 29), or at the end of data.
 * People and label printers also write the human-readable form `(01)09506000134352(10)ABC`.
 */
import { gtinCheckDigit } from '../catalog/gtin.js';
import { fail, ok, type Result } from '../shared/result.js';
import {
  CSET82,
  matchAi,
  APPLICATION_IDENTIFIERS,
  type AiDefinition,
} from './application-identifiers.js';
import { isGs1Date } from './gs1-date.js';

/** FNC1 as a scanner transmits it: ASCII 29, group separator. */
export const GS = '\x1d';

/** One AI and its value, as written in the barcode (dates stay YYMMDD). */
export interface Gs1Element {
  readonly ai: string;
  readonly value: string;
}

/** How `encodeElementString` writes the elements. */
export type ElementStringForm =
  /** Raw data with GS after variable-length fields that are not last (what a scanner sends). */
  | 'gs'
  /** Human-readable `(AI)value…`, also the input bwip-js expects for `gs1-128`. */
  | 'hri';

/** Checks one value against its AI: length, character set, check digit, date. */
export function validateElement(definition: AiDefinition, value: string): Result<Gs1Element> {
  const { ai } = definition;
  const lengthOk = definition.fixed
    ? value.length === definition.length
    : value.length >= 1 && value.length <= definition.length;
  if (!lengthOk) {
    const expected = definition.fixed ? `${definition.length}` : `1–${definition.length}`;
    return fail('GS1.BAD_LENGTH', `(${ai}) needs ${expected} characters, got "${value}"`, {
      ai,
      value,
    });
  }
  const charsetOk = definition.charset === 'numeric' ? /^\d+$/.test(value) : CSET82.test(value);
  if (!charsetOk) {
    return fail('GS1.BAD_CHARACTER', `(${ai}) may not contain "${value}"`, { ai, value });
  }
  if (definition.checkDigit && gtinCheckDigit(value.slice(0, -1)) !== Number(value.slice(-1))) {
    return fail('GS1.BAD_CHECK_DIGIT', `(${ai}) ${value} has a wrong check digit`, { ai, value });
  }
  if (definition.date && !isGs1Date(value)) {
    return fail('GS1.BAD_DATE', `(${ai}) ${value} is not a YYMMDD date`, { ai, value });
  }
  return ok({ ai, value });
}

function unknownAi<T>(data: string, position: number): Result<T> {
  const near = data.slice(position, position + 4);
  return fail('GS1.UNKNOWN_AI', `No known application identifier at "${near}"`, {
    position,
    near,
  });
}

/** Parses the raw form: AIs back to back, GS after variable-length fields. */
function parseRaw(data: string): Result<Gs1Element[]> {
  const elements: Gs1Element[] = [];
  let position = 0;
  while (position < data.length) {
    // Some printers put FNC1 after fixed-length fields too (or a leading FNC1): harmless.
    if (data[position] === GS) {
      position++;
      continue;
    }
    const definition = matchAi(data, position);
    if (!definition) return unknownAi(data, position);
    const start = position + definition.ai.length;
    let end: number;
    if (definition.fixed) {
      end = start + definition.length;
    } else {
      const separator = data.indexOf(GS, start);
      end = separator === -1 ? data.length : separator;
    }
    const checked = validateElement(definition, data.slice(start, Math.min(end, data.length)));
    if (!checked.ok) return checked;
    elements.push(checked.value);
    position = end;
  }
  return ok(elements);
}

const HRI_AI = /\((\d{2,4})\)/g;

/** Parses the human-readable form `(01)…(10)…`: the parentheses delimit every field. */
function parseHri(data: string): Result<Gs1Element[]> {
  const markers = [...data.matchAll(HRI_AI)];
  if (markers.length === 0 || markers[0]?.index !== 0) return unknownAi(data, 0);
  const elements: Gs1Element[] = [];
  for (const [i, marker] of markers.entries()) {
    const ai = marker[1] ?? '';
    const definition = APPLICATION_IDENTIFIERS.get(ai);
    if (!definition) return unknownAi(data, marker.index);
    const start = marker.index + marker[0].length;
    const end = markers[i + 1]?.index ?? data.length;
    const checked = validateElement(definition, data.slice(start, end));
    if (!checked.ok) return checked;
    elements.push(checked.value);
  }
  return ok(elements);
}

/**
 * The elements of a GS1 element string in either form (raw with GS separators, or
 * parenthesized). Symbology identifiers (`]C1`) must already be stripped — see `interpretScan`.
 * Fails with `GS1.UNKNOWN_AI`, `GS1.BAD_LENGTH`, `GS1.BAD_CHARACTER`, `GS1.BAD_CHECK_DIGIT`
 * or `GS1.BAD_DATE`.
 */
export function parseElementString(data: string): Result<Gs1Element[]> {
  if (data.length === 0) return fail('GS1.BAD_LENGTH', 'Empty element string');
  return data.startsWith('(') ? parseHri(data) : parseRaw(data);
}

/**
 * Writes elements for a barcode or a label, validating each. In the raw form a GS follows
 * every variable-length field except the last; callers printing a label should list
 * fixed-length AIs first so that no separator is needed at all.
 */
export function encodeElementString(
  elements: readonly Gs1Element[],
  form: ElementStringForm = 'gs',
): Result<string> {
  let text = '';
  for (const [i, element] of elements.entries()) {
    const definition = APPLICATION_IDENTIFIERS.get(element.ai);
    if (!definition) return unknownAi(element.ai, 0);
    const checked = validateElement(definition, element.value);
    if (!checked.ok) return checked;
    if (form === 'hri') {
      text += `(${element.ai})${element.value}`;
    } else {
      const last = i === elements.length - 1;
      text += `${element.ai}${element.value}${definition.fixed || last ? '' : GS}`;
    }
  }
  return ok(text);
}
