import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../src/formatters/csv.js';

describe('csvCell', () => {
  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvLine([1, -3, 2.5, 0, null, undefined, true])).toBe('1,-3,2.5,0,,,true');
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('+4.5')).toBe('+4.5');
  });

  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tlead', "'\tlead"],
    ['\r=1+1', "'=1+1"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
  ])('escapes a cell a spreadsheet would execute: %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('quotes commas, quotes and newlines (RFC 4180) and strips escape sequences', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('\u001b[31mred\u001b[0m')).toBe('red');
    expect(csvCell('plain text')).toBe('plain text');
  });
});
