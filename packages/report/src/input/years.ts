import type { ScenarioInfo } from './types.ts';

const YEAR = /^\d{4}$/;

/** Yearly periods ('YYYY') among the keys of a period map, ascending. */
export function yearsOf(periods: Iterable<string>): string[] {
  return [...periods].filter((p) => YEAR.test(p)).sort();
}

/**
 * The last calendar year every scenario simulates in full (horizons are inclusive
 * 'YYYY-MM' months), among `candidates`; without horizons, the last candidate.
 */
export function lastFullYear(candidates: readonly string[], scenarios: readonly ScenarioInfo[]): string | null {
  const sorted = [...candidates].sort();
  const full = sorted.filter((y) =>
    scenarios.every((s) => s.horizon === null || (s.horizon.start <= `${y}-01` && s.horizon.end >= `${y}-12`)),
  );
  return full.at(-1) ?? sorted.at(-1) ?? null;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A period placed on a time axis in years ('2030' at 2030, '2030-07' at 2030.5). */
export interface TimePoint {
  readonly period: string;
  readonly t: number;
}

/**
 * The periods to chart, ascending: the yearly ones, or the monthly ones when an outcome
 * has no yearly values (some outcomes are only reported per month).
 */
export function chartPeriods(periods: Iterable<string>): TimePoint[] {
  const all = [...periods];
  const years = yearsOf(all);
  if (years.length > 0) return years.map((period) => ({ period, t: Number(period) }));
  return all
    .map((period) => ({ period, m: MONTH.exec(period) }))
    .filter((p): p is { period: string; m: RegExpExecArray } => p.m !== null)
    .map(({ period, m }) => ({ period, t: Number(m[1]) + (Number(m[2]) - 1) / 12 }))
    .sort((a, b) => a.t - b.t);
}
