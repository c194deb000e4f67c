import { escapeHtml } from '../escape.ts';
import type { ResultsData } from '../input/types.ts';

/** The scenarios compared: id, name, description, vintage, horizon, baseline mark. */
export function scenarioSection(data: ResultsData): string {
  const baseline = data.comparison?.baseline ?? data.provenance?.baseline ?? null;
  const rows = data.scenarios.map((s) => {
    const horizon = s.horizon === null ? '' : `${s.horizon.start} to ${s.horizon.end}`;
    const tag = s.id === baseline ? ' <span class="tag">baseline</span>' : '';
    return `<tr><th scope="row">${escapeHtml(s.id)}${tag}</th><td>${escapeHtml(s.description ?? '')}</td><td>${escapeHtml(s.vintage ?? '')}</td><td>${escapeHtml(horizon)}</td></tr>`;
  });
  return `<div class="scroll"><table><caption>Scenarios (${rows.length})</caption><thead><tr><th scope="col">Scenario</th><th scope="col">Description</th><th scope="col">Data vintage</th><th scope="col">Horizon</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}
