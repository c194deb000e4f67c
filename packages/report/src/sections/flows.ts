import { figureHtml, noteHtml } from '../charts/figure.ts';
import { sankeySvg } from '../charts/sankey.ts';
import { slug } from '../escape.ts';
import { formatNumber } from '../format.ts';
import { FLOW_OUTCOME_PREFIX, parseFlowId, stageLabel, type Flow } from '../flows.ts';
import type { ResultsData } from '../input/types.ts';
import { lastFullYear, yearsOf } from '../input/years.ts';
import { scenarioIds } from '../series.ts';

/** The flows of one scenario in one year (yearly means, positive only). */
export function flowsOf(data: ResultsData, scenario: string, year: string): Flow[] {
  const flows: Flow[] = [];
  for (const [id, periods] of data.summary.get(scenario) ?? []) {
    const f = parseFlowId(id);
    const tonnes = periods.get(year)?.mean ?? null;
    if (f !== null && tonnes !== null && tonnes > 0) flows.push({ ...f, tonnes });
  }
  return flows.sort((a, b) => b.tonnes - a.tonnes);
}

/** Years that have flow data in some scenario, ascending. */
export function flowYears(data: ResultsData): string[] {
  const years = new Set<string>();
  for (const outcomes of data.summary.values()) {
    for (const [id, periods] of outcomes) if (parseFlowId(id) !== null) for (const y of yearsOf(periods.keys())) years.add(y);
  }
  return [...years].sort();
}

/**
 * Sankey diagrams of antimony by country and stage for one year (the requested year, or
 * the last year every scenario simulates in full), one per scenario.
 */
export function flowSection(data: ResultsData, requested: string | undefined): string {
  const years = flowYears(data);
  if (years.length === 0) return noteHtml(`No flow data in these results (outcomes named ${FLOW_OUTCOME_PREFIX}<stage>.<from>.<to>, in t Sb/yr).`);
  const notes: string[] = [];
  let year = lastFullYear(years, data.scenarios) as string;
  if (requested !== undefined) {
    if (years.includes(requested)) year = requested;
    else notes.push(noteHtml(`No flow data for the requested year ${requested}; showing ${year} instead (years with flows: ${years.join(', ')}).`));
  }
  const parts = [...notes, `<p>Mean flows across runs in <strong>${year}</strong>, in t Sb/yr; link width is proportional to tonnes, colour shows the country of origin.</p>`];
  for (const scenario of scenarioIds(data)) {
    const flows = flowsOf(data, scenario, year);
    if (flows.length === 0) {
      parts.push(noteHtml(`${scenario}: no flow data in ${year}.`));
      continue;
    }
    const alt = flows.slice(0, 12).map((f) => `${stageLabel(f.stage)}: ${f.from} to ${f.to}, ${formatNumber(f.tonnes)} t Sb/yr.`);
    if (flows.length > 12) alt.push(`and ${flows.length - 12} smaller flows.`);
    parts.push(figureHtml({ id: slug('flow', scenario), title: `Antimony flows by country and stage, ${scenario}, ${year}`, caption: 'Columns are stages of the chain; each node is a country at that stage.', svg: sankeySvg(flows), alt }));
  }
  return parts.join('\n');
}
