import { comparisonSpec, type DifferenceRow } from '../charts/comparison.ts';
import { figureHtml, noteHtml } from '../charts/figure.ts';
import { renderVegaLite } from '../charts/vega.ts';
import { escapeHtml, slug } from '../escape.ts';
import { formatNumber, formatWithUnit } from '../format.ts';
import { COMPARISON_OUTCOMES } from '../input/outcomes.ts';
import type { ResultsData } from '../input/types.ts';
import { chartPeriods } from '../input/years.ts';
import { describeOutcome, scenarioIds } from '../series.ts';

/** Policy-versus-baseline charts: mean paired difference and its confidence interval per year. */
export async function comparisonSection(data: ResultsData): Promise<string> {
  const c = data.comparison;
  if (c === null) return noteHtml('No comparison with a baseline in these results (run with --baseline to get one).');
  const order = scenarioIds(data);
  const policies = [...c.differences.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const level = `${Math.round((c.confidence ?? 0.95) * 100)}%`;
  const parts: string[] = [];
  for (const id of COMPARISON_OUTCOMES) {
    const rows: DifferenceRow[] = [];
    const alt: string[] = [];
    const { title, unit } = describeOutcome(data, id);
    for (const policy of policies) {
      const periods = c.differences.get(policy)?.get(id);
      if (periods === undefined) continue;
      const points = chartPeriods(periods.keys());
      for (const { period, t } of points) {
        const d = periods.get(period);
        if (d !== undefined) rows.push({ policy, year: t, diff: d.meanDifference, lo: d.ciLow, hi: d.ciHigh });
      }
      const lastYear = points.at(-1)?.period;
      const last = lastYear === undefined ? undefined : periods.get(lastYear);
      if (last !== undefined && lastYear !== undefined) {
        const ci = last.ciLow === null || last.ciHigh === null ? 'no interval (fewer than two runs)' : `${level} CI ${formatWithUnit(last.ciLow, unit)} to ${formatWithUnit(last.ciHigh, unit)}`;
        alt.push(`${policy} minus ${c.baseline} in ${lastYear}: ${formatWithUnit(last.meanDifference, unit)} (${ci}).`);
      }
    }
    if (rows.length === 0) continue;
    const svg = await renderVegaLite(comparisonSpec(rows, policies.filter((p) => rows.some((r) => r.policy === p)), unit));
    parts.push(figureHtml({ id: slug('cmp', id), title: `${title}: difference from ${c.baseline}`, caption: `Policy minus baseline, paired by run on common random numbers: mean difference (points) and ${level} confidence interval (bars) per year${unit ? `, in ${unit}` : ''}; dashed line at zero.`, svg, alt }));
  }
  if (parts.length === 0) return noteHtml('comparison.json has none of the compared outcomes.');
  return parts.join('\n');
}

/** The compared outcomes' differences as a table (all outcomes are in comparison.csv). */
export function comparisonTable(data: ResultsData): string {
  const c = data.comparison;
  if (c === null) return '';
  const cell = (v: number | null): string => `<td class="n">${formatNumber(v)}</td>`;
  const rows: string[] = [];
  for (const [policy, outcomes] of c.differences) {
    for (const id of COMPARISON_OUTCOMES) {
      const periods = outcomes.get(id);
      if (periods === undefined) continue;
      for (const { period: year } of chartPeriods(periods.keys())) {
        const d = periods.get(year);
        if (d === undefined) continue;
        rows.push(`<tr><td>${escapeHtml(policy)}</td><td><code>${escapeHtml(id)}</code></td><td>${year}</td>${cell(d.meanDifference)}${cell(d.ciLow)}${cell(d.ciHigh)}${cell(d.n)}${cell(d.baselineMean)}${cell(d.policyMean)}</tr>`);
      }
    }
  }
  if (rows.length === 0) return '';
  return `<details class="table"><summary>Differences from ${escapeHtml(c.baseline)} as a table</summary><div class="scroll"><table><caption>Policy minus baseline (${escapeHtml(c.method ?? 'paired by run')})</caption><thead><tr><th scope="col">Policy</th><th scope="col">Outcome</th><th scope="col">Year</th><th scope="col">Mean difference</th><th scope="col">CI low</th><th scope="col">CI high</th><th scope="col">n</th><th scope="col">Baseline mean</th><th scope="col">Policy mean</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div></details>`;
}
