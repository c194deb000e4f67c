import { figureHtml, noteHtml } from '../charts/figure.ts';
import { priceSpec, type PriceRow } from '../charts/prices.ts';
import { renderVegaLite } from '../charts/vega.ts';
import { formatWithUnit } from '../format.ts';
import { PRICE_OUTCOMES, outcomeInfo } from '../input/outcomes.ts';
import type { ResultsData } from '../input/types.ts';
import { hasOutcome, scenarioIds, yearlySeries } from '../series.ts';

/** Price paths by market: one panel per market, a median line and p5-p95 band per scenario. */
export async function priceSection(data: ResultsData): Promise<string> {
  const scenarios = scenarioIds(data);
  const present = PRICE_OUTCOMES.filter((p) => hasOutcome(data, p.id));
  if (present.length === 0) return noteHtml(`No price outcomes (${PRICE_OUTCOMES.map((p) => p.id).join(', ')}) in these results.`);
  const rows: PriceRow[] = [];
  const alt: string[] = [];
  const unit = outcomeInfo(data.outcomes, present[0]?.id ?? '')?.unit ?? null;
  for (const { id, market } of present) {
    for (const scenario of scenarios) {
      const series = yearlySeries(data, scenario, id);
      for (const { t, stats } of series) rows.push({ market, scenario, year: t, p5: stats.p5, p50: stats.p50, p95: stats.p95 });
      const first = series[0];
      const last = series.at(-1);
      if (first !== undefined && last !== undefined) alt.push(`${market} (${id}), ${scenario}: median ${formatWithUnit(first.stats.p50, unit)} in ${first.year}, ${formatWithUnit(last.stats.p50, unit)} in ${last.year}.`);
    }
  }
  const svg = await renderVegaLite(priceSpec(rows, present.map((p) => p.market), scenarios, unit));
  return figureHtml({ id: 'fig-prices', title: 'Antimony metal price by market', caption: `Median price per year (line) and p5-p95 band per scenario${unit ? `, in ${unit}` : ''}; one panel per market.`, svg, alt });
}
