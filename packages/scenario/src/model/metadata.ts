import { ANTIMONY_WORLD_FILE, OUTCOME_CATALOGUE } from '@stibium/market';

/** One world-data figure with where it comes from, for the report's assumptions table. */
export interface AssumptionRow {
  readonly id: string;
  readonly value: string;
  /** A key of `sources`, the word "assumption", or free text naming the source. */
  readonly src: string;
  readonly note?: string;
}

/** What a results folder carries besides the numbers: outcome definitions and data sources. */
export interface ResultsMetadata {
  readonly outcomes: readonly unknown[];
  readonly assumptions: { readonly sources: unknown; readonly assumptions: readonly AssumptionRow[] };
}

function describeValues(record: Record<string, unknown>): string {
  return Object.entries(record)
    .filter(([key, value]) => key !== 'src' && key !== 'note' && (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean'))
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
}

// Walks the world file: every record with `src` is a cited (or assumed) figure. A `src`
// that is an object cites each field of its record separately.
function collect(node: unknown, path: string, rows: AssumptionRow[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      const id = item !== null && typeof item === 'object' ? ((item as Record<string, unknown>)['id'] ?? (item as Record<string, unknown>)['iso3'] ?? i) : i;
      collect(item, `${path}[${String(id)}]`, rows);
    });
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const src = record['src'];
  const note = typeof record['note'] === 'string' ? (record['note'] as string) : undefined;
  if (typeof src === 'string') {
    rows.push({ id: path, value: describeValues(record), src, ...(note === undefined ? {} : { note }) });
  } else if (src !== null && typeof src === 'object') {
    for (const [field, text] of Object.entries(src as Record<string, unknown>)) {
      rows.push({ id: `${path}.${field}`, value: String(JSON.stringify(record[field] ?? null)), src: String(text) });
    }
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === 'src' || key === 'sources' || key === 'note') continue;
    if (value !== null && typeof value === 'object') collect(value, path === '' ? key : `${path}.${key}`, rows);
  }
}

/** Outcome catalogue and every cited or assumed figure of the shipped world data. */
export function resultsMetadata(): ResultsMetadata {
  const rows: AssumptionRow[] = [];
  collect(ANTIMONY_WORLD_FILE, '', rows);
  const file = ANTIMONY_WORLD_FILE as unknown as { sources?: unknown };
  return { outcomes: OUTCOME_CATALOGUE, assumptions: { sources: file.sources ?? {}, assumptions: rows } };
}
