import { StibiumError } from '@stibium/core';

/**
 * Model time: 1 unit = one month, t = 0 is the first day of the horizon's first month.
 * Dates inside a month map to fractions ((day - 1) / daysInMonth), so '2024-09-15'
 * is 8 + 14/30 months after '2024-01'.
 */

/** The first month of a run, e.g. { year: 2024, month: 1 }. */
export interface MonthOrigin {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
}

const DATE = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses 'YYYY-MM' into an origin; throws INVALID_ARGUMENT on anything else. */
export function parseMonth(label: string): MonthOrigin {
  const m = DATE.exec(label);
  if (!m || m[3] !== undefined) {
    throw new StibiumError('INVALID_ARGUMENT', `expected a month 'YYYY-MM', got '${label}'`);
  }
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** Model time (fractional months since `origin`) of a 'YYYY-MM' or 'YYYY-MM-DD' date. */
export function dateToMonths(date: string, origin: MonthOrigin): number {
  const m = DATE.exec(date);
  if (!m) throw new StibiumError('INVALID_ARGUMENT', `expected a date 'YYYY-MM' or 'YYYY-MM-DD', got '${date}'`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const dim = daysInMonth(year, month);
  if (day > dim) throw new StibiumError('INVALID_ARGUMENT', `${date} is not a calendar date (${dim} days in that month)`);
  return (year - origin.year) * 12 + (month - origin.month) + (day - 1) / dim;
}

/** The 'YYYY-MM' label of whole month index `index` counted from `origin`. */
export function monthLabel(index: number, origin: MonthOrigin): string {
  const total = origin.year * 12 + (origin.month - 1) + Math.floor(index);
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** Calendar year of whole month index `index`. */
export function yearOfMonth(index: number, origin: MonthOrigin): number {
  return Math.floor((origin.year * 12 + (origin.month - 1) + Math.floor(index)) / 12);
}

/** Number of months from `start` to `end` inclusive ('YYYY-MM' labels). */
export function monthsBetween(start: string, end: string): number {
  const a = parseMonth(start);
  const b = parseMonth(end);
  const n = (b.year - a.year) * 12 + (b.month - a.month) + 1;
  if (n <= 0) throw new StibiumError('INVALID_ARGUMENT', `horizon end ${end} is before its start ${start}`);
  return n;
}
