import { describe, expect, it } from 'vitest';
import { dateToMonths, monthLabel, monthsBetween, parseMonth, yearOfMonth } from '../src/index.ts';

const origin = parseMonth('2024-01');

describe('model time (1 = one month, t = 0 at the first day of the first month)', () => {
  it('maps month labels to whole months', () => {
    expect(dateToMonths('2024-01', origin)).toBe(0);
    expect(dateToMonths('2025-12', origin)).toBe(23);
  });
  it('maps days to fractions of their month', () => {
    expect(dateToMonths('2024-09-15', origin)).toBeCloseTo(8 + 14 / 30, 12);
    expect(dateToMonths('2024-02-29', origin)).toBeCloseTo(1 + 28 / 29, 12);
  });
  it('labels months and years', () => {
    expect(monthLabel(0, origin)).toBe('2024-01');
    expect(monthLabel(143, origin)).toBe('2035-12');
    expect(yearOfMonth(12, origin)).toBe(2025);
    expect(monthsBetween('2024-01', '2035-12')).toBe(144);
  });
  it('rejects impossible dates with a typed error', () => {
    expect(() => dateToMonths('2024-02-30', origin)).toThrow(/not a calendar date/);
    expect(() => dateToMonths('2024-13', origin)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
