import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInterchange } from '../../src/core/edi/x12-envelope.js';
import { writeInterchange, type EnvelopeProfile } from '../../src/core/edi/x12-writer.js';

/** Delimiter sets partners really use, each four distinct characters. */
const SEPARATORS = [
  { element: '*', component: ':', repetition: '^', segment: '~' },
  { element: '|', component: '>', repetition: '^', segment: '\n' },
  { element: '^', component: '\\', repetition: '{', segment: "'" },
  { element: '*', component: '>', repetition: '!', segment: '\r\n' },
];

const text = fc.string({
  unit: fc.constantFrom(...'ABCXYZ0123456789 -./'.split('')),
  maxLength: 12,
});
const segment = fc
  .tuple(fc.constantFrom('BEG', 'REF', 'PO1', 'N1', 'DTM', 'PID'), fc.array(text, { maxLength: 8 }))
  .map(([id, elements]) => [id, ...elements, 'END']);

describe('writing then reading an interchange', () => {
  it('gives back every segment and clean envelopes, whatever the separators', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEPARATORS),
        fc.constantFrom('004010' as const, '005010' as const),
        fc.array(fc.array(segment, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (separators, version, sets, control) => {
          const profile: EnvelopeProfile = {
            separators: {
              ...separators,
              repetition: version === '005010' ? separators.repetition : null,
            },
            version,
            ourQualifier: 'ZZ',
            ourIsaId: 'STOCKLINE',
            ourGsId: 'STOCKLINE',
            theirQualifier: '12',
            theirIsaId: '4405197800',
            theirGsId: '4405197800',
            usage: 'T',
          };
          const raw = writeInterchange(profile, {
            interchangeControl: control,
            groupControl: 7,
            functionalId: 'PO',
            sets: sets.map((body) => ({ setId: '850', segments: body })),
            at: new Date('2026-03-02T12:00:00Z'),
          });
          const parsed = readInterchange(raw);
          if (!parsed.ok) throw new Error(parsed.error.message);
          expect(parsed.value.notes).toEqual([]);
          expect(parsed.value.separators).toEqual(profile.separators);
          expect(parsed.value.header.controlNumber).toBe(String(control).padStart(9, '0'));
          const group = parsed.value.groups[0]!;
          expect(group.errors).toEqual([]);
          expect(group.sets.map((s) => s.errors)).toEqual(sets.map(() => []));
          const bodies = group.sets.map((s) => s.segments.slice(1, -1).map((g) => [...g.elements]));
          expect(bodies).toEqual(sets);
        },
      ),
      { numRuns: 200 },
    );
  });
});
