import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDay } from '../../src/core/shared/business-day.js';

/** The local day straight from Intl, with nothing remembered: what businessDay must agree with. */
function intlDay(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);
}

/** Zones with whole-hour, half-hour, quarter-hour and half-hour-DST offsets, and the date line. */
const ZONES = [
  'America/Los_Angeles',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Pacific/Kiritimati',
  'Europe/Berlin',
];

describe('business day remembered per quarter hour', () => {
  it('agrees with Intl for any instant, including each side of local midnight and DST changes', () => {
    const from = Date.UTC(1890, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: from, max: to }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: -3, max: 3 }),
        (ms, zone, nudge) => {
          // The same quarter asked twice, first at another instant of it: the remembered day
          // must hold for every instant of the quarter.
          const other = Math.floor(ms / 900_000) * 900_000 + ((ms + nudge * 301_000) % 900_000);
          businessDay(new Date(Math.max(other, 0)), zone);
          expect(businessDay(new Date(ms), zone)).toBe(intlDay(ms, zone));
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('is right minute by minute through a day of historical (local mean time) offsets', () => {
    // In 1900 Kathmandu kept +5:41:16 and Berlin +0:53:28: a UTC quarter hour straddled their
    // midnight, so that quarter cannot be remembered as one day.
    for (const zone of ['Asia/Kathmandu', 'Europe/Berlin', 'America/Los_Angeles']) {
      const day = Date.UTC(1900, 5, 1);
      for (let minute = 0; minute < 24 * 60; minute++) {
        const ms = day + minute * 60_000 + 30_000;
        expect(businessDay(new Date(ms), zone), `${zone} ${new Date(ms).toISOString()}`).toBe(
          intlDay(ms, zone),
        );
      }
    }
  });

  it('turns at local midnight to the millisecond', () => {
    // 2026-03-04T08:00:00Z is midnight in Los Angeles (PST, −8).
    const midnight = Date.UTC(2026, 2, 4, 8);
    expect(businessDay(new Date(midnight - 1), 'America/Los_Angeles')).toBe('2026-03-03');
    expect(businessDay(new Date(midnight), 'America/Los_Angeles')).toBe('2026-03-04');
    // Kathmandu is +5:45: local midnight is 18:15 UTC.
    const ktm = Date.UTC(2026, 2, 3, 18, 15);
    expect(businessDay(new Date(ktm - 1), 'Asia/Kathmandu')).toBe('2026-03-03');
    expect(businessDay(new Date(ktm), 'Asia/Kathmandu')).toBe('2026-03-04');
  });
});
