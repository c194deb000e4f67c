import { outcomeInfo } from './input/outcomes.ts';
import type { PeriodStats, ResultsData } from './input/types.ts';
import { chartPeriods } from './input/years.ts';

/**
 * The statistics of one outcome in one scenario over time, ascending: yearly periods, or
 * monthly ones for an outcome reported only per month (`year` is then 'YYYY-MM' and `t`
 * fractional). Empty when absent.
 */
export function yearlySeries(data: ResultsData, scenario: string, outcome: string): { year: string; t: number; stats: PeriodStats }[] {
  const periods = data.summary.get(scenario)?.get(outcome);
  if (periods === undefined) return [];
  return chartPeriods(periods.keys()).map(({ period, t }) => ({ year: period, t, stats: periods.get(period) as PeriodStats }));
}

/** True when some scenario has a yearly value of the outcome. */
export function hasOutcome(data: ResultsData, outcome: string): boolean {
  return data.scenarios.some((s) => yearlySeries(data, s.id, outcome).length > 0);
}

/** Scenario ids in report order (manifest order), limited to those with results. */
export function scenarioIds(data: ResultsData): string[] {
  return data.scenarios.map((s) => s.id).filter((id) => data.summary.has(id));
}

/** Chart title and unit of an outcome: its description and id, or the id alone when undefined. */
export function describeOutcome(data: ResultsData, id: string): { title: string; unit: string | null } {
  const info = outcomeInfo(data.outcomes, id);
  return { title: info?.description ? `${info.description} (${id})` : id, unit: info?.unit ?? null };
}
