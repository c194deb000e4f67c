import { basename } from 'node:path';
import { comparisonSection, comparisonTable } from './sections/comparison.ts';
import { fanSection } from './sections/fans.ts';
import { flowSection } from './sections/flows.ts';
import { priceSection } from './sections/prices.ts';
import { assumptionsSection } from './sections/assumptions.ts';
import { provenanceSection } from './sections/provenance.ts';
import { scenarioSection } from './sections/scenarios.ts';
import { figureTables, outcomeDefinitions } from './sections/tables.ts';
import { pageHtml } from './page.ts';
import { readResults } from './input/read.ts';
import type { ResultsData } from './input/types.ts';

/** Options of {@link renderReport}. */
export interface ReportOptions {
  /** Year of the flow (Sankey) diagrams; default: the last year every scenario simulates in full. */
  readonly flowYear?: string | number;
  /** Page title; default "Stibium report: <folder name>". */
  readonly title?: string;
}

function lede(data: ResultsData): string[] {
  const p = data.provenance;
  const facts = [`${data.scenarios.length} scenario${data.scenarios.length === 1 ? '' : 's'}: ${data.scenarios.map((s) => s.id).join(', ')}`];
  if (p?.runs != null) facts.push(`${p.runs} runs each, experiment seed ${p.seed ?? 'unknown'}`);
  const baseline = data.comparison?.baseline ?? p?.baseline ?? null;
  if (baseline !== null) facts.push(`baseline: ${baseline}`);
  if (p !== null) facts.push(`engine ${p.engineVersion ?? 'unknown'}, commit ${p.gitCommit?.slice(0, 12) ?? 'unknown'}, data vintage ${p.dataVintages.join(', ') || 'unknown'}`);
  return facts;
}

/** Renders the report of already-read results (see {@link renderReport}). */
export async function renderResults(data: ResultsData, options: ReportOptions = {}): Promise<string> {
  const flowYear = options.flowYear === undefined ? undefined : String(options.flowYear);
  const sections = [
    { id: 'scenarios', heading: 'Scenarios', body: scenarioSection(data) },
    { id: 'outcomes', heading: 'Key outcomes over time', intro: "Pakistan's earnings and US supply security, per scenario, with the spread across Monte Carlo runs.", body: await fanSection(data) },
    { id: 'comparison', heading: 'Policies against the baseline', intro: 'What each scenario changes relative to the baseline, with 95% confidence intervals from runs paired on common random numbers.', body: `${await comparisonSection(data)}\n${comparisonTable(data)}` },
    { id: 'prices', heading: 'Prices by market', body: await priceSection(data) },
    { id: 'flows', heading: 'Flows of antimony by country and stage', body: flowSection(data, flowYear) },
    { id: 'figures', heading: 'Tables of the figures', intro: 'Mean, 5th, 50th and 95th percentile across runs, per outcome and year (per month for outcomes reported only monthly; monthly values and sd of the others are in summary.json, per-run values in runs.csv and runs.arrow).', body: `${outcomeDefinitions(data)}\n${figureTables(data)}` },
    { id: 'assumptions', heading: 'Assumptions and sources', intro: 'Every assumption the results record, with its source; the settings of each scenario file come last, with the file as their source.', body: assumptionsSection(data) },
    { id: 'provenance', heading: 'Provenance', intro: 'What is needed to cite, check and reproduce these results.', body: provenanceSection(data) },
  ];
  return pageHtml(options.title ?? `Stibium report: ${basename(data.dir)}`, lede(data), data.notes, sections);
}

/**
 * Renders the HTML report of a results folder: one self-contained page (inline CSS,
 * charts as static SVG, no script, no network) with fan charts, policy comparisons, price
 * paths, flow diagrams, tables, assumptions and provenance. Reads only the folder's files.
 */
export async function renderReport(resultsDir: string, options: ReportOptions = {}): Promise<string> {
  return renderResults(readResults(resultsDir), options);
}
