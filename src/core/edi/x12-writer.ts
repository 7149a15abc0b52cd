import type { Separators } from './x12-tokenizer.js';

/** What our side of the envelope says, from the trading-partner profile. */
export interface EnvelopeProfile {
  readonly separators: Separators;
  /** `004010` or `005010`. */
  readonly version: '004010' | '005010';
  readonly ourQualifier: string;
  readonly ourIsaId: string;
  readonly ourGsId: string;
  readonly theirQualifier: string;
  readonly theirIsaId: string;
  readonly theirGsId: string;
  /** `P` production or `T` test. */
  readonly usage: string;
}

/** One transaction set to send: its id and body segments (ST and SE are added). */
export interface OutboundSet {
  readonly setId: string;
  /** Each segment as [id, element1, element2, …]; trailing empty elements are dropped. */
  readonly segments: readonly (readonly string[])[];
}

export interface OutboundInterchange {
  /** ISA13 and GS06. */
  readonly interchangeControl: number;
  readonly groupControl: number;
  /** GS01: PO, PR, SH, IN, FA. */
  readonly functionalId: string;
  readonly sets: readonly OutboundSet[];
  readonly at: Date;
}

const pad = (value: string, width: number) => value.slice(0, width).padEnd(width, ' ');
const zeros = (value: number, width: number) => String(value).padStart(width, '0');

/** A delimiter inside data would split it at the partner: it becomes a space. */
function clean(value: string, s: Separators): string {
  let out = value;
  for (const d of [s.element, s.component, s.segment, s.repetition ?? '', '\r', '\n'])
    if (d) out = out.replaceAll(d, ' ');
  return out;
}

function segmentText(elements: readonly string[], s: Separators): string {
  // ISA carries the separators themselves (ISA11, ISA16) and our own fixed ids: left as is.
  const parts = elements[0] === 'ISA' ? [...elements] : elements.map((e) => clean(e, s));
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.join(s.element) + s.segment;
}

/**
 * Writes a whole interchange: ISA fixed-width as the standard says (partners' translators
 * are strict about outbound ISA even when lenient inbound), one GS group, every set between
 * ST and SE with a correct segment count, and GE/IEA with correct counts.
 */
export function writeInterchange(profile: EnvelopeProfile, out: OutboundInterchange): string {
  const s = profile.separators;
  const iso = out.at.toISOString();
  const yymmdd = iso.slice(2, 10).replaceAll('-', '');
  const ccyymmdd = iso.slice(0, 10).replaceAll('-', '');
  const hhmm = iso.slice(11, 16).replace(':', '');
  const isaVersion = profile.version === '005010' ? '00501' : '00401';
  const isa11 = profile.version === '005010' ? (s.repetition ?? '^') : 'U';
  const lines: string[] = [
    segmentText(
      [
        'ISA',
        '00',
        pad('', 10),
        '00',
        pad('', 10),
        pad(profile.ourQualifier, 2),
        pad(profile.ourIsaId, 15),
        pad(profile.theirQualifier, 2),
        pad(profile.theirIsaId, 15),
        yymmdd,
        hhmm,
        isa11,
        isaVersion,
        zeros(out.interchangeControl, 9),
        '0',
        profile.usage,
        s.component,
      ],
      s,
    ),
    segmentText(
      [
        'GS',
        out.functionalId,
        profile.ourGsId,
        profile.theirGsId,
        ccyymmdd,
        hhmm,
        String(out.groupControl),
        'X',
        profile.version,
      ],
      s,
    ),
  ];
  out.sets.forEach((set, i) => {
    const control = zeros(i + 1, 4);
    lines.push(segmentText(['ST', set.setId, control], s));
    for (const segment of set.segments) lines.push(segmentText(segment, s));
    lines.push(segmentText(['SE', String(set.segments.length + 2), control], s));
  });
  lines.push(segmentText(['GE', String(out.sets.length), String(out.groupControl)], s));
  lines.push(segmentText(['IEA', '1', zeros(out.interchangeControl, 9)], s));
  // A line break after each terminator keeps files readable; readers ignore it.
  return s.segment === '\n' ? lines.join('') : lines.join('\n') + '\n';
}

/** Money in minor units as an X12 decimal (R type): 925 → "9.25", 1000 → "10". */
export function decimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const cents = abs % 100;
  const whole = Math.floor(abs / 100);
  return cents === 0
    ? `${sign}${whole}`
    : `${sign}${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** `2026-03-02` or a Date → CCYYMMDD. */
export function ccyymmdd(date: string | Date): string {
  const text = typeof date === 'string' ? date : date.toISOString();
  return text.slice(0, 10).replaceAll('-', '');
}
