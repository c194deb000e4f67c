import { sankey, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import { escapeHtml } from '../escape.ts';
import { formatNumber } from '../format.ts';
import { FLOW_END_LABEL, orderStages, stageLabel, type Flow } from '../flows.ts';
import { assertInertSvg } from './vega.ts';

interface NodeData {
  readonly key: string;
  readonly column: number;
  readonly country: string;
}

const COUNTRY_COLORS: Readonly<Record<string, string>> = { PAK: '#059669', CHN: '#dc2626', USA: '#2563eb', RUS: '#7c3aed', TJK: '#d97706', BOL: '#0891b2', MMR: '#db2777' };

function colorOf(country: string): string {
  return COUNTRY_COLORS[country] ?? '#6b7280';
}

const WIDTH = 900;
const TOP = 26;

/**
 * Lays out flows by country and stage with d3-sankey and draws them as a static SVG
 * string: one column per stage (and one for end use), one node per country in a column,
 * links as wide paths coloured by origin country. All text is escaped.
 */
export function sankeySvg(flows: readonly Flow[], unit = 't Sb/yr'): string {
  const stages = orderStages(flows.map((f) => f.stage));
  const columnOf = new Map(stages.map((s, i) => [s, i]));
  const nodes: NodeData[] = [];
  const index = new Map<string, number>();
  const node = (column: number, country: string): number => {
    const key = `${column}|${country}`;
    let i = index.get(key);
    if (i === undefined) {
      i = nodes.length;
      index.set(key, i);
      nodes.push({ key, column, country });
    }
    return i;
  };
  const links = flows.map((f) => {
    const c = columnOf.get(f.stage) ?? 0;
    return { source: node(c, f.from), target: node(c + 1, f.to), value: f.tonnes };
  });
  const perColumn = new Map<number, number>();
  for (const n of nodes) perColumn.set(n.column, (perColumn.get(n.column) ?? 0) + 1);
  const height = Math.max(260, TOP + 8 + Math.max(...perColumn.values()) * 30);
  const graph: SankeyGraph<NodeData, object> = sankey<NodeData, object>()
    .nodeWidth(14)
    .nodePadding(12)
    .nodeAlign((n) => n.column)
    .nodeSort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .extent([[110, TOP], [WIDTH - 110, height - 6]])({ nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });

  const path = sankeyLinkHorizontal();
  const columns = stages.length + 1;
  const colX = (c: number): number => 110 + ((WIDTH - 220 - 14) * c) / Math.max(1, columns - 1) + 7;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" class="sankey" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="11">`);
  parts.push(`<rect width="${WIDTH}" height="${height}" fill="white"/>`);
  for (let c = 0; c < columns; c++) {
    const label = c < stages.length ? stageLabel(stages[c] as string) : FLOW_END_LABEL;
    parts.push(`<text x="${colX(c).toFixed(1)}" y="14" text-anchor="middle" font-weight="bold" fill="#111827">${escapeHtml(label)}</text>`);
  }
  parts.push('<g class="role-mark mark-link" fill="none">');
  for (const l of graph.links) {
    const s = l.source as NodeData & { value?: number };
    const t = l.target as NodeData;
    const d = path(l) ?? '';
    const title = `${s.country} → ${t.country} (${stageLabel(stages[s.column] ?? '')}): ${formatNumber(l.value)} ${unit}`;
    parts.push(`<path d="${d}" stroke="${colorOf(s.country)}" stroke-opacity="0.4" stroke-width="${Math.max(1, l.width ?? 1).toFixed(2)}"><title>${escapeHtml(title)}</title></path>`);
  }
  parts.push('</g><g class="role-mark mark-node">');
  for (const n of graph.nodes) {
    const x0 = n.x0 ?? 0;
    const x1 = n.x1 ?? 0;
    const y0 = n.y0 ?? 0;
    const y1 = n.y1 ?? 0;
    const label = `${n.country} ${formatNumber(n.value ?? 0)}`;
    parts.push(`<rect x="${x0.toFixed(1)}" y="${y0.toFixed(1)}" width="${(x1 - x0).toFixed(1)}" height="${Math.max(1, y1 - y0).toFixed(1)}" fill="${colorOf(n.country)}"><title>${escapeHtml(label)} ${escapeHtml(unit)}</title></rect>`);
    parts.push(`<text x="${(x1 + 4).toFixed(1)}" y="${((y0 + y1) / 2 + 4).toFixed(1)}" fill="#111827">${escapeHtml(label)}</text>`);
  }
  parts.push('</g></svg>');
  return assertInertSvg(parts.join(''));
}
