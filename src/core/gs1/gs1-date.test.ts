import { describe, expect, it } from 'vitest';
import { gs1DateToIso, gs1Year, isGs1Date, isoToGs1Date } from './gs1-date.js';

describe('GS1 dates', () => {
  it('applies the §7.12 sliding century window', () => {
    expect(gs1Year(25, 2025)).toBe(2025);
    expect(gs1Year(75, 2025)).toBe(2075); // 50 ahead: still this century
    expect(gs1Year(76, 2025)).toBe(1976); // 51 ahead: previous century
    expect(gs1Year(99, 2049)).toBe(2099); // exactly 50 ahead: this century
    expect(gs1Year(99, 2048)).toBe(1999);
    expect(gs1Year(0, 2060)).toBe(2100); // 60 behind: next century
    expect(gs1Year(10, 2060)).toBe(2110);
    expect(gs1Year(11, 2060)).toBe(2011);
  });

  it('reads day 00 as the last day of the month', () => {
    expect(gs1DateToIso('201100', 2025)).toBe('2020-11-30');
    expect(gs1DateToIso('240200', 2025)).toBe('2024-02-29');
    expect(gs1DateToIso('001200', 2025)).toBe('2000-12-31');
  });

  it('refuses impossible dates', () => {
    expect(isGs1Date('201301')).toBe(false);
    expect(isGs1Date('200431')).toBe(false);
    expect(isGs1Date('2012')).toBe(false);
    expect(gs1DateToIso('000229', 2060)).toBeUndefined(); // 2100 is not a leap year
    expect(gs1DateToIso('000229', 2025)).toBe('2000-02-29');
  });

  it('writes ISO dates back as YYMMDD', () => {
    expect(isoToGs1Date('2026-03-31')).toBe('260331');
    expect(isoToGs1Date('31/03/2026')).toBeUndefined();
  });
});
