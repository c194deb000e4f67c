import type { TopLevelSpec } from 'vega-lite';
import { axisLabels, facetColumns, unitTitle } from './axis.ts';
import { CHART_CONFIG } from './vega.ts';

/** One point of the price chart: a scenario's price quantiles in one market and year. */
export interface PriceRow {
  readonly market: string;
  readonly scenario: string;
  readonly year: number;
  readonly p5: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
}

const x = { field: 'year', type: 'quantitative', title: null, axis: { format: 'd', tickMinStep: 1, labelOverlap: true }, scale: { zero: false, nice: false } } as const;

/** Price paths, one panel per market: each scenario's median line over a faint p5-p95 band. */
export function priceSpec(rows: readonly PriceRow[], markets: readonly string[], scenarios: readonly string[], unit: string | null): TopLevelSpec {
  const scale = { domain: [...scenarios], range: [...CHART_CONFIG.range.category] };
  const color = { field: 'scenario', type: 'nominal', title: 'scenario', scale, legend: { orient: 'bottom', columns: 3 } };
  const y = (field: string): Record<string, unknown> => ({ field, type: 'quantitative', title: unitTitle(unit), axis: axisLabels(unit), scale: { zero: false } });
  return {
    data: { values: rows.map((r) => ({ ...r, band: r.scenario })) },
    facet: { field: 'market', type: 'nominal', sort: [...markets], title: null },
    columns: facetColumns(markets.length),
    spec: {
      width: 250,
      height: 170,
      layer: [
        // The bands use the fill channel on a copy of the scenario field (own scale, same colours, no legend): only the lines get legend entries.
        { mark: { type: 'area', opacity: 0.12 }, encoding: { x, y: y('p5'), y2: { field: 'p95' }, fill: { field: 'band', type: 'nominal', scale, legend: null } } },
        { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: y('p50'), color } },
      ],
    },
    resolve: { scale: { y: 'shared' } },
  } as unknown as TopLevelSpec;
}
