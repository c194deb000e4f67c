import { escapeHtml, slug } from '../escape.ts';
import { formatNumber } from '../format.ts';
import { orderOutcomes, outcomeInfo } from '../input/outcomes.ts';
import type { ResultsData } from '../input/types.ts';
import { scenarioIds, yearlySeries } from '../series.ts';

const num = (v: number | null): string => `<td>${formatNumber(v)}</td>`;

/**
 * Tables of the yearly figures, one per scenario (collapsed): for each outcome and year
 * the mean, p5, p50 and p95 across runs. Monthly values stay in summary.json.
 */
export function figureTables(data: ResultsData): string {
  const parts: string[] = [];
  for (const scenario of scenarioIds(data)) {
    const outcomes = orderOutcomes(data.summary.get(scenario)?.keys() ?? [], data.outcomes);
    const body: string[] = [];
    for (const id of outcomes) {
      const series = yearlySeries(data, scenario, id);
      if (series.length === 0) continue;
      const unit = outcomeInfo(data.outcomes, id)?.unit ?? '';
      series.forEach(({ year, stats }, i) => {
        const head = i === 0 ? `<th scope="rowgroup" rowspan="${series.length}"><code>${escapeHtml(id)}</code>${unit === '' ? '' : `<br><small>${escapeHtml(unit)}</small>`}</th>` : '';
        body.push(`<tr>${head}<th scope="row">${year}</th>${num(stats.mean)}${num(stats.p5)}${num(stats.p50)}${num(stats.p95)}</tr>`);
      });
    }
    const caption = `Yearly figures of ${scenario} across runs`;
    parts.push(`<details class="table" id="${slug('table', scenario)}"><summary>${escapeHtml(scenario)} (${outcomes.length} outcomes)</summary>
<div class="scroll"><table class="figures"><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">Outcome (unit)</th><th scope="col">Year</th><th scope="col">Mean</th><th scope="col">p5</th><th scope="col">p50</th><th scope="col">p95</th></tr></thead><tbody>
${body.join('\n')}
</tbody></table></div></details>`);
  }
  return parts.length === 0 ? '<p class="note" role="note">No figures: summary.json has no scenarios.</p>' : parts.join('\n');
}

/** Definitions of the outcomes present in the results (unit, meaning, formula). */
export function outcomeDefinitions(data: ResultsData): string {
  const ids = new Set<string>();
  for (const outcomes of data.summary.values()) for (const id of outcomes.keys()) ids.add(id);
  const rows = orderOutcomes(ids, data.outcomes).map((id) => {
    const o = outcomeInfo(data.outcomes, id);
    return `<tr><th scope="row"><code>${escapeHtml(id)}</code></th><td>${escapeHtml(o?.unit ?? '–')}</td><td>${escapeHtml(o?.description ?? 'not defined in these results')}</td><td>${escapeHtml(o?.formula ?? '')}</td></tr>`;
  });
  return `<details class="table"><summary>Outcome definitions (${rows.length})</summary><div class="scroll"><table><caption>Outcomes in these results</caption><thead><tr><th scope="col">Outcome</th><th scope="col">Unit</th><th scope="col">Meaning</th><th scope="col">Formula</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div></details>`;
}
