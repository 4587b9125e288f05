// isoDay works the UTC day out by arithmetic; Date's own ISO form is the reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../src/report/iso-day.js';

const byDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

describe('isoDay', () => {
  it('gives the day Date gives, for any millisecond of years 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('0000-01-01T00:00:00Z'), max: Date.parse('9999-12-31T23:59:59.999Z') }), (ms) => {
        expect(isoDay(ms)).toBe(byDate(ms));
      }),
      { numRuns: 20_000 },
    );
  });

  it('turns the day at midnight, around leap days and century years', () => {
    const times = ['1970-01-01', '1969-12-31', '2000-02-29', '1900-03-01', '2024-02-29', '2100-02-28', '0000-01-01', '9999-12-31'].flatMap((d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return [t - 1, t, t + 86_399_999];
    });
    for (const t of times) expect(isoDay(t)).toBe(byDate(t));
  });

  it('leaves years beyond four digits to Date', () => {
    expect(isoDay(Date.UTC(10000, 0, 1))).toBe('+010000-01');
    expect(isoDay(Date.UTC(-1, 11, 31))).toBe('-000001-12');
  });
});
