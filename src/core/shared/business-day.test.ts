import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-days.js';
import {
  businessDay,
  businessDayRange,
  businessDayStart,
  utcOffsetMinutes,
} from './business-day.js';

const LA = 'America/Los_Angeles';
const ZONES = [
  LA,
  'America/New_York',
  'America/Santiago',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Sydney',
  'Pacific/Auckland',
  'UTC',
];

describe('business day', () => {
  it('books 17:00 in Los Angeles on the local day although UTC is on the next', () => {
    expect(businessDay('2026-07-14T00:00:00.000Z', LA)).toBe('2026-07-13'); // 17:00 PDT
    expect(businessDay('2026-01-14T01:00:00.000Z', LA)).toBe('2026-01-13'); // 17:00 PST
    expect(businessDay('2026-07-14T07:00:00.000Z', LA)).toBe('2026-07-14'); // 00:00 PDT
    expect(businessDay('2026-07-14T06:59:59.999Z', LA)).toBe('2026-07-13');
  });

  it('moves zones east of UTC forward: a Sydney morning is the UTC evening before', () => {
    expect(businessDay('2026-03-01T22:00:00.000Z', 'Australia/Sydney')).toBe('2026-03-02');
    expect(businessDay('2026-03-01T18:29:59.000Z', 'Asia/Kolkata')).toBe('2026-03-01');
    expect(businessDay('2026-03-01T18:30:00.000Z', 'Asia/Kolkata')).toBe('2026-03-02');
    expect(businessDayStart('2026-03-02', 'Asia/Kathmandu')).toBe('2026-03-01T18:15:00.000Z');
    expect(utcOffsetMinutes('2026-01-10T12:00:00Z', 'Europe/Berlin')).toBe(60);
  });

  it('follows the US spring-forward change (8 March 2026: 02:00 PST → 03:00 PDT)', () => {
    expect(businessDayStart('2026-03-08', LA)).toBe('2026-03-08T08:00:00.000Z'); // PST
    expect(businessDayStart('2026-03-09', LA)).toBe('2026-03-09T07:00:00.000Z'); // PDT
    const { from, to } = businessDayRange('2026-03-08', LA);
    expect((Date.parse(to) - Date.parse(from)) / 3.6e6).toBe(23);
    // 17:00 local on either side of the change.
    expect(businessDay('2026-03-08T01:00:00.000Z', LA)).toBe('2026-03-07'); // 17:00 PST
    expect(businessDay('2026-03-09T00:00:00.000Z', LA)).toBe('2026-03-08'); // 17:00 PDT
    expect(businessDay('2026-03-08T10:30:00.000Z', LA)).toBe('2026-03-08'); // 03:30 PDT
  });

  it('follows the US fall-back change (1 November 2026: 02:00 PDT → 01:00 PST)', () => {
    expect(businessDayStart('2026-11-01', LA)).toBe('2026-11-01T07:00:00.000Z'); // PDT
    expect(businessDayStart('2026-11-02', LA)).toBe('2026-11-02T08:00:00.000Z'); // PST
    const { from, to } = businessDayRange('2026-11-01', LA);
    expect((Date.parse(to) - Date.parse(from)) / 3.6e6).toBe(25);
    // 01:30 happens twice; both are 1 November.
    expect(businessDay('2026-11-01T08:30:00.000Z', LA)).toBe('2026-11-01');
    expect(businessDay('2026-11-01T09:30:00.000Z', LA)).toBe('2026-11-01');
    expect(businessDay('2026-11-02T07:59:59.999Z', LA)).toBe('2026-11-01');
  });

  it('starts a day whose midnight is skipped at the transition (Santiago, 6 September 2026)', () => {
    expect(businessDayStart('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(businessDay('2026-09-06T03:59:59.999Z', 'America/Santiago')).toBe('2026-09-05');
  });

  it('invariant: every instant lies in the range of its own business day, in every zone', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2060-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        (instant, zone) => {
          const day = businessDay(instant, zone);
          const { from, to } = businessDayRange(day, zone);
          expect(Date.parse(from)).toBeLessThanOrEqual(instant.getTime());
          expect(instant.getTime()).toBeLessThan(Date.parse(to));
          expect(businessDay(from, zone)).toBe(day);
          expect(businessDay(new Date(Date.parse(from) - 1), zone)).toBe(addDays(day, -1));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is the UTC day in UTC', () => {
    expect(businessDay(new Date('2026-12-31T23:59:59.999Z'), 'UTC')).toBe('2026-12-31');
    expect(businessDayStart('2026-12-31', 'UTC')).toBe('2026-12-31T00:00:00.000Z');
  });
});
