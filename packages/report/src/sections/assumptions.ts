import { escapeHtml } from '../escape.ts';
import type { ResultsData, SourceInfo } from '../input/types.ts';

/** A URL as a link only when it is plain http(s); anything else stays text. */
export function linkHtml(url: string, label = url): string {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? `<a href="${escapeHtml(url)}" rel="noreferrer noopener">${escapeHtml(label)}</a>` : escapeHtml(label);
}

function sourceCell(key: string | null, sources: ReadonlyMap<string, SourceInfo>): string {
  if (key === null) return '<span class="missing">no source given</span>';
  const s = sources.get(key);
  if (s === undefined) return key.toLowerCase() === 'assumption' ? '<em>assumption</em>' : escapeHtml(key);
  const title = s.title ?? key;
  return s.url === null ? escapeHtml(title) : linkHtml(s.url, title);
}

/** Every assumption with its source, then the cited sources themselves. */
export function assumptionsSection(data: ResultsData): string {
  const rows = data.assumptions.map(
    (a) =>
      `<tr><th scope="row"><code>${escapeHtml(a.id)}</code></th><td>${escapeHtml(a.scenario ?? 'model data (all scenarios)')}</td><td class="v">${escapeHtml(a.value ?? '')}</td><td>${escapeHtml(a.unit ?? '')}</td><td>${escapeHtml(a.description ?? '')}</td><td>${sourceCell(a.source, data.sources)}</td><td>${escapeHtml(a.note ?? '')}</td></tr>`,
  );
  const sources = [...data.sources.values()].map(
    (s) => `<tr><th scope="row"><code>${escapeHtml(s.key)}</code></th><td>${escapeHtml(s.title ?? '')}</td><td>${s.url === null ? '' : linkHtml(s.url)}</td><td>${escapeHtml(s.via ?? '')}</td></tr>`,
  );
  const table = rows.length === 0 ? '<p class="note" role="note">No assumptions recorded in these results.</p>' : `<div class="scroll"><table class="assumptions"><caption>Assumptions (${rows.length})</caption><thead><tr><th scope="col">Assumption</th><th scope="col">Scenario</th><th scope="col">Value</th><th scope="col">Unit</th><th scope="col">Description</th><th scope="col">Source</th><th scope="col">Note</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
  const cited = sources.length === 0 ? '' : `<div class="scroll"><table><caption>Sources (${sources.length})</caption><thead><tr><th scope="col">Key</th><th scope="col">Title</th><th scope="col">URL</th><th scope="col">Via</th></tr></thead><tbody>
${sources.join('\n')}
</tbody></table></div>`;
  return `${table}\n${cited}`;
}
