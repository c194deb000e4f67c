import { escapeHtml } from '../escape.ts';

/** What a chart figure shows, all as plain text (escaped here). */
export interface FigureParts {
  /** Fragment id, already safe (see `slug`). */
  readonly id: string;
  readonly title: string;
  /** One sentence under the title: what is drawn and in which unit. */
  readonly caption: string;
  /** The rendered, inert SVG. */
  readonly svg: string;
  /** The chart in words, for screen readers and for readers who want the numbers. */
  readonly alt: readonly string[];
}

/**
 * A chart as an accessible figure: a caption with the title, the SVG marked as one image
 * labelled by the title and described by the text alternative under it.
 */
export function figureHtml(f: FigureParts): string {
  const alt = f.alt.map((line) => `<li>${escapeHtml(line)}</li>`).join('');
  return `<figure class="chart" id="${f.id}" aria-labelledby="${f.id}-t">
<figcaption><h3 id="${f.id}-t">${escapeHtml(f.title)}</h3><p>${escapeHtml(f.caption)}</p></figcaption>
<div class="plot" role="img" aria-labelledby="${f.id}-t" aria-describedby="${f.id}-d">${f.svg}</div>
<details class="alt" id="${f.id}-d"><summary>Chart in words</summary><ul>${alt}</ul></details>
</figure>`;
}

/** A visible note (missing data, a degraded part), escaped. */
export function noteHtml(text: string): string {
  return `<p class="note" role="note">${escapeHtml(text)}</p>`;
}
