import type { TopLevelSpec } from 'vega-lite';
import { axisLabels, facetColumns, unitTitle } from './axis.ts';

/** One point of a comparison chart: a policy's mean difference from the baseline in one year, with its CI. */
export interface DifferenceRow {
  readonly policy: string;
  readonly year: number;
  readonly diff: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
}

const x = { field: 'year', type: 'quantitative', title: null, axis: { format: 'd', tickMinStep: 1, labelOverlap: true }, scale: { zero: false, nice: false, padding: 8 } } as const;

/** Policy minus baseline for one outcome, one panel per policy: zero line, 95% CI bars, mean points. */
export function comparisonSpec(rows: readonly DifferenceRow[], policies: readonly string[], unit: string | null): TopLevelSpec {
  const y = (field: string): Record<string, unknown> => ({ field, type: 'quantitative', title: unitTitle(unit, true), axis: axisLabels(unit, true) });
  return {
    data: { values: rows as unknown as Record<string, unknown>[] },
    facet: { field: 'policy', type: 'nominal', sort: [...policies], title: null },
    columns: facetColumns(policies.length),
    spec: {
      width: 210,
      height: 120,
      layer: [
        // One zero line per panel: aggregate to a row per policy before drawing it.
        { transform: [{ aggregate: [{ op: 'count', as: 'rows' }], groupby: ['policy'] }], mark: { type: 'rule', color: '#6b7280', strokeDash: [4, 3] }, encoding: { y: { datum: 0, type: 'quantitative' } } },
        { mark: { type: 'rule', color: '#b45309', strokeWidth: 2 }, encoding: { x, y: y('lo'), y2: { field: 'hi' } } },
        { mark: { type: 'line', color: '#d97706', strokeWidth: 1, opacity: 0.6 }, encoding: { x, y: y('diff') } },
        { mark: { type: 'point', filled: true, color: '#92400e', size: 28 }, encoding: { x, y: y('diff') } },
      ],
    },
    resolve: { scale: { y: 'shared' } },
  } as unknown as TopLevelSpec;
}
