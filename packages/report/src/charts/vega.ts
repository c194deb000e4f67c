import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Shared look of every Vega-Lite chart: quiet axes, system fonts, no per-mark ARIA noise (each figure has its own text alternative). */
export const CHART_CONFIG = {
  aria: false,
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  background: 'white',
  view: { stroke: '#d8dce3' },
  axis: { labelColor: '#374151', titleColor: '#374151', gridColor: '#eef0f4', domainColor: '#9ca3af', tickColor: '#9ca3af', labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal' },
  header: { labelFontSize: 12, labelFontWeight: 'bold', labelColor: '#111827', labelLimit: 240 },
  legend: { labelFontSize: 11, labelLimit: 260, titleFontSize: 11 },
  range: { category: ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563', '#65a30d', '#9333ea'] },
} as const;

// Elements and attributes that could run or fetch something in the page. Vega escapes
// text, so finding one means a bug in this package, not bad input: fail rather than ship it.
const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'image', 'use', 'a', 'style', 'link']);
const TAG = /<\/?([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

/** Throws unless every tag of an SVG string is free of script, links, event handlers and external references. */
export function assertInertSvg(svg: string): string {
  for (const tag of svg.matchAll(TAG)) {
    const name = (tag[1] ?? '').toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(name)) throw new Error(`report SVG contains a <${name}> element`);
    for (const attr of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      const key = (attr[1] ?? '').toLowerCase();
      const value = (attr[2] ?? '').toLowerCase();
      if (key.startsWith('on') || key.endsWith('href') || value.includes('javascript:') || value.includes('url(http') || value.includes('url(//')) {
        throw new Error(`report SVG has a forbidden attribute ${key} on <${name}>`);
      }
    }
  }
  if (/<(?!\/?[a-zA-Z])/.test(svg.replace(/<\?xml[^>]*>/, ''))) throw new Error('report SVG has a stray "<"');
  return svg;
}

// Attributes that repeat the default on every element; the page's CSS sets the font once.
// The figure around the SVG is one labelled image, so the marks' own ARIA attributes go too.
const REDUNDANT = / (?:font-family="[^"]*"|opacity="1"|pointer-events="none"|aria-hidden="true"|role="graphics-(?:object|symbol)"|aria-roledescription="[^"]*"|aria-label="[^"]*"|stroke-miterlimit="4"|stroke-width="1")(?=[\s/>])/g;
// Empty group backgrounds and hidden foregrounds Vega emits for every group.
const EMPTY_PATHS = /<path class="(?:background" d="M0,0h0v0h0Z"|foreground" d="" display="none")\/>/g;

/**
 * Shrinks Vega's SVG without changing what it shows: drops attributes that restate
 * defaults and rounds coordinates inside tags to 0.1 px (text content is left as is).
 */
export function slimSvg(svg: string): string {
  return svg.replace(/<[^>]+>/g, (tag) => tag.replace(REDUNDANT, '').replace(/(\d+\.\d)\d+/g, '$1')).replace(EMPTY_PATHS, '');
}

/**
 * Compiles a Vega-Lite spec to Vega and renders it to a static SVG string in Node (no
 * canvas, no DOM, no script in the result); the SVG is checked to be inert.
 */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  const vega = compile({ ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    return assertInertSvg(slimSvg(await view.toSVG()));
  } finally {
    view.finalize();
  }
}
