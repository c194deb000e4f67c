import type { TopLevelSpec } from 'vega-lite';
import { axisLabels, facetColumns, unitTitle } from './axis.ts';

/** One point of a fan chart: a scenario's quantiles of an outcome in one year. */
export interface FanRow {
  readonly scenario: string;
  readonly year: number;
  readonly p5: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
}

const x = { field: 'year', type: 'quantitative', title: null, axis: { format: 'd', tickMinStep: 1, labelOverlap: true }, scale: { zero: false, nice: false } } as const;

/**
 * A fan chart of one outcome, one panel per scenario: the p5-p95 band, the p25-p75 band
 * when the results have inner quantiles, and the median line.
 */
export function fanSpec(rows: readonly FanRow[], scenarios: readonly string[], unit: string | null): TopLevelSpec {
  const inner = rows.some((r) => r.p25 !== null && r.p75 !== null);
  const y = (field: string): Record<string, unknown> => ({ field, type: 'quantitative', title: unitTitle(unit), axis: axisLabels(unit), scale: { zero: false } });
  const layer: unknown[] = [
    { mark: { type: 'area', color: '#93c5fd', opacity: 0.55 }, encoding: { x, y: y('p5'), y2: { field: 'p95' } } },
    ...(inner ? [{ mark: { type: 'area', color: '#3b82f6', opacity: 0.45 }, encoding: { x, y: y('p25'), y2: { field: 'p75' } } }] : []),
    { mark: { type: 'line', color: '#1e3a8a', strokeWidth: 2 }, encoding: { x, y: y('p50') } },
  ];
  return {
    data: { values: rows as unknown as Record<string, unknown>[] },
    facet: { field: 'scenario', type: 'nominal', sort: [...scenarios], title: null },
    columns: facetColumns(scenarios.length),
    spec: { width: 210, height: 130, layer },
    resolve: { scale: { y: 'shared' } },
  } as unknown as TopLevelSpec;
}
