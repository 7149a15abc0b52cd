import { describe, expect, it } from 'vitest';
import { interpretScan } from './scan.js';

const year = { currentYear: 2025 };

describe('interpretScan', () => {
  it('reads a GS1-128 case label in the parenthesized form', () => {
    expect(interpretScan('(01)09506000134352(17)201225(10)ABC123', year)).toEqual({
      kind: 'gs1',
      gtin: '09506000134352',
      lot: 'ABC123',
      expiryDate: '2020-12-25',
      elements: { '01': '09506000134352', '17': '201225', '10': 'ABC123' },
    });
  });

  it('reads the same label as a scanner types it, with GS for FNC1', () => {
    const scan = interpretScan('\x1d0109506000134352172012251' + '0ABC123\r\n', year);
    expect(scan).toMatchObject({ kind: 'gs1', gtin: '09506000134352', lot: 'ABC123' });
  });

  it('strips the ]C1 symbology identifier and splits at GS', () => {
    expect(interpretScan(']C1011234567890123110ABC\x1d17201231', year)).toEqual({
      kind: 'gs1',
      gtin: '12345678901231',
      lot: 'ABC',
      expiryDate: '2020-12-31',
      elements: { '01': '12345678901231', '10': 'ABC', '17': '201231' },
    });
  });

  it('reads DataMatrix, QR and DataBar identifiers the same way', () => {
    for (const id of [']d2', ']Q3', ']e0']) {
      expect(interpretScan(`${id}0109506000134352\x1d10L7`, year)).toMatchObject({
        kind: 'gs1',
        lot: 'L7',
      });
    }
  });

  it('reads a pallet label: SSCC, content and count', () => {
    const scan = interpretScan(']C100106141412345678908020950600013435237120', year);
    expect(scan).toMatchObject({ kind: 'gs1', sscc: '106141412345678908', count: 120 });
    expect(scan.kind === 'gs1' ? scan.gtin : 'not gs1').toBeUndefined(); // (02) is not the item's own GTIN
  });

  it('turns day 00 into the last day of the month, with the century window', () => {
    expect(interpretScan('(17)240200', year)).toMatchObject({ expiryDate: '2024-02-29' });
    expect(interpretScan('(17)250200', year)).toMatchObject({ expiryDate: '2025-02-28' });
    expect(interpretScan('(17)751231', year)).toMatchObject({ expiryDate: '2075-12-31' });
    expect(interpretScan('(17)760101', year)).toMatchObject({ expiryDate: '1976-01-01' });
  });

  it('normalizes bare GTIN-8/12/13/14 to 14 digits', () => {
    expect(interpretScan('96385074', year)).toEqual({ kind: 'gtin', gtin: '00000096385074' });
    expect(interpretScan('036000291452\r', year)).toEqual({ kind: 'gtin', gtin: '00036000291452' });
    expect(interpretScan(']E04006381333931', year)).toEqual({
      kind: 'gtin',
      gtin: '04006381333931',
    });
    expect(interpretScan(' 09506000134352\n', year)).toEqual({
      kind: 'gtin',
      gtin: '09506000134352',
    });
  });

  it('reads a bare 18-digit number with a valid check digit as an SSCC', () => {
    expect(interpretScan('106141412345678908', year)).toEqual({
      kind: 'gs1',
      sscc: '106141412345678908',
      elements: { '00': '106141412345678908' },
    });
  });

  it('reads a GS1 string sent without a symbology identifier when it checks out', () => {
    expect(interpretScan('010950600013435210ABC123', year)).toMatchObject({
      kind: 'gs1',
      lot: 'ABC123',
    });
  });

  it('leaves everything else as text, for locations, totes and typos', () => {
    expect(interpretScan('A-01-02-B\r\n', year)).toEqual({ kind: 'text', value: 'A-01-02-B' });
    expect(interpretScan('TOTE 17', year)).toEqual({ kind: 'text', value: 'TOTE 17' });
    expect(interpretScan('4006381333932', year)).toEqual({ kind: 'text', value: '4006381333932' });
    expect(interpretScan('106141412345678909', year)).toEqual({
      kind: 'text',
      value: '106141412345678909',
    });
    expect(interpretScan('12345', year)).toEqual({ kind: 'text', value: '12345' });
    expect(interpretScan('', year)).toEqual({ kind: 'text', value: '' });
  });

  it('falls back to text when announced GS1 data does not parse', () => {
    expect(interpretScan(']C10109506000134353', year)).toEqual({
      kind: 'text',
      value: '0109506000134353',
    });
    expect(interpretScan('(99)ABC', year)).toEqual({ kind: 'text', value: '(99)ABC' });
  });

  it('works without options, reading the clock only for the century', () => {
    expect(interpretScan('(01)09506000134352')).toMatchObject({
      kind: 'gs1',
      gtin: '09506000134352',
    });
  });
});
