import { fanSpec, type FanRow } from '../charts/fan.ts';
import { figureHtml, noteHtml } from '../charts/figure.ts';
import { renderVegaLite } from '../charts/vega.ts';
import { slug } from '../escape.ts';
import { formatWithUnit } from '../format.ts';
import { FAN_OUTCOMES } from '../input/outcomes.ts';
import type { ResultsData } from '../input/types.ts';
import { describeOutcome, hasOutcome, scenarioIds, yearlySeries } from '../series.ts';

/** Fan charts of the key outcomes over time: one figure per outcome, one panel per scenario. */
export async function fanSection(data: ResultsData): Promise<string> {
  const scenarios = scenarioIds(data);
  const parts: string[] = [];
  for (const id of FAN_OUTCOMES) {
    if (!hasOutcome(data, id)) continue;
    const { title, unit } = describeOutcome(data, id);
    const rows: FanRow[] = [];
    const alt: string[] = [];
    for (const scenario of scenarios) {
      const series = yearlySeries(data, scenario, id);
      for (const { t, stats } of series) rows.push({ scenario, year: t, p5: stats.p5, p25: stats.p25, p50: stats.p50, p75: stats.p75, p95: stats.p95 });
      const first = series[0];
      const last = series.at(-1);
      if (first === undefined || last === undefined) alt.push(`${scenario}: no values.`);
      else alt.push(`${scenario}: median ${formatWithUnit(first.stats.p50, unit)} in ${first.year}, ${formatWithUnit(last.stats.p50, unit)} in ${last.year} (90% of runs between ${formatWithUnit(last.stats.p5, unit)} and ${formatWithUnit(last.stats.p95, unit)}).`);
    }
    const inner = rows.some((r) => r.p25 !== null);
    const svg = await renderVegaLite(fanSpec(rows, scenarios.filter((s) => rows.some((r) => r.scenario === s)), unit));
    parts.push(figureHtml({ id: slug('fan', id), title, caption: `Median (line) and p5-p95 band${inner ? ', p25-p75 band darker' : ''} across runs, per year${unit ? `, in ${unit}` : ''}; one panel per scenario.`, svg, alt }));
  }
  if (parts.length === 0) return noteHtml(`None of the key outcomes (${FAN_OUTCOMES.join(', ')}) is in these results.`);
  return parts.join('\n');
}

