import type { z } from 'zod';
import type { ScopeValue } from '../expressions/evaluate.ts';
import type { ValidationContext } from './context.ts';
import { entryKept } from './entry-if.ts';
import { numberAt } from './expression-at.ts';
import { reportIssues, reportUnknownKeys } from './issues.ts';
import type { LeverScope } from './levers.ts';
import { suggest } from './suggest.ts';
import type { ResolvedLever } from './types.ts';
import { substituteExpressions } from './zod-walk.ts';

type Section = 'countries' | 'facilities' | 'markets' | 'routes';

/**
 * Which keys in events and rules hold ids, and of what. A key convention rather than
 * schema metadata, so the policy package's schemas stay plain zod.
 */
const REFERENCE_KEYS: Readonly<Record<string, readonly Section[]>> = {
  country: ['countries'],
  countries: ['countries'],
  seller: ['countries'],
  buyer: ['countries'],
  importer: ['countries'],
  exporter: ['countries'],
  destinations: ['countries', 'markets'],
  market: ['markets'],
  markets: ['markets'],
  facility: ['facilities'],
  facilityId: ['facilities'],
  facilities: ['facilities'],
  route: ['routes'],
  routeId: ['routes'],
  routes: ['routes'],
};

/** Date keys that must fall inside the horizon (`until` may run past its end). */
const START_KEYS = new Set(['at', 'from']);

function month(date: string): string {
  return date.slice(0, 7);
}

function checkReferences(ctx: ValidationContext, value: unknown, at: (string | number)[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkReferences(ctx, item, [...at, i]));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    const sections = REFERENCE_KEYS[key];
    if (!sections) {
      checkReferences(ctx, item, [...at, key]);
      continue;
    }
    const ids = Array.isArray(item) ? item.map((x, i) => [x, [...at, key, i]] as const) : [[item, [...at, key]] as const];
    for (const [id, path] of ids) {
      if (typeof id !== 'string' || id === '*') continue;
      const known = sections.flatMap((s) => ctx.catalog[s]);
      if (known.includes(id) || ctx.reportedAt(path)) continue;
      const guess = suggest(id, known);
      const what = sections.map((s) => s.slice(0, -1).replace(/ie$/, 'y')).join(' or ');
      ctx.report(path, 'UNKNOWN_REFERENCE', `unknown ${what} \`${id}\``, { expected: `a known ${what} id`, found: JSON.stringify(id), ...(guess !== undefined ? { suggestion: guess } : {}) });
    }
  }
}

function checkDates(ctx: ValidationContext, value: unknown, at: (string | number)[], horizon: { start: string; end: string } | undefined): void {
  if (!horizon || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkDates(ctx, item, [...at, i], horizon));
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [key, item] of Object.entries(record)) {
    if (typeof item === 'string' && /^\d{4}-\d{2}/.test(item)) {
      const m = month(item);
      const range = `between ${horizon.start} and ${horizon.end} (the horizon)`;
      if (START_KEYS.has(key) && (m < horizon.start || m > horizon.end)) {
        ctx.report([...at, key], 'DATE_OUTSIDE_HORIZON', `date ${item} is outside the horizon ${horizon.start} to ${horizon.end}`, { expected: `a date ${range}`, found: item });
      } else if (key === 'until') {
        const start = typeof record['at'] === 'string' ? month(record['at']) : undefined;
        if (m < horizon.start) ctx.report([...at, key], 'DATE_OUTSIDE_HORIZON', `\`until\` ${item} is before the horizon starts (${horizon.start})`, { expected: `a date after ${horizon.start}`, found: item });
        else if (start !== undefined && item <= (record['at'] as string)) ctx.report([...at, key], 'OUT_OF_RANGE', `\`until\` ${item} must be after \`at\` ${record['at'] as string}`, { expected: `a date after ${record['at'] as string}`, found: item });
      }
    } else if (typeof item === 'object') checkDates(ctx, item, [...at, key], horizon);
  }
}

/** What entries' expressions and `if`s read: parameters and the levers. */
export interface EntryScope {
  /** Parameters and numeric/boolean levers. */
  readonly values: Readonly<Record<string, ScopeValue>>;
  /** String and list levers: known names, refused in expressions. */
  readonly text: LeverScope['text'];
  /** The resolved levers `if` is checked against; undefined when `levers` has problems. */
  readonly levers: Readonly<Record<string, ResolvedLever>> | undefined;
}

function withoutIf(entry: unknown): { body: unknown; condition: unknown } {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || !Object.hasOwn(entry, 'if')) return { body: entry, condition: undefined };
  const { if: condition, ...body } = entry as Record<string, unknown>;
  return { body, condition };
}

/**
 * Validates `events` or `rules` entry by entry against the policy package's schema:
 * numeric fields may be expressions over parameters and levers (evaluated first), unknown
 * keys are reported with suggestions, ids are checked against the catalogue and dates
 * against the horizon. `if` (lever conditions) is taken off before the schema sees the
 * entry and checked here. Every entry is validated; the result (defaults applied) holds
 * only those whose `if` holds, and only when all are valid.
 */
export function resolveEntries(
  ctx: ValidationContext,
  section: 'events' | 'rules',
  entries: readonly unknown[],
  schema: z.ZodType,
  scope: EntryScope,
  horizon: { start: string; end: string } | undefined,
  skip: ReadonlySet<string>,
): unknown[] {
  const out: unknown[] = [];
  entries.forEach((entry, i) => {
    const at = [section, i];
    const failed = new Set<string>();
    const { body, condition } = withoutIf(entry);
    const kept = condition === undefined || entryKept(ctx, at, condition, scope.levers);
    const data = substituteExpressions(schema, body, (source, path) => {
      const value = numberAt(ctx, [...at, ...path], source, scope.values, scope.text);
      if (value === undefined) failed.add(JSON.stringify([...at, ...path]));
      return value;
    });
    const parsed = schema.safeParse(data, { reportInput: true });
    const suggested = reportUnknownKeys(ctx, schema, data, at);
    if (parsed.success && kept) out.push(parsed.data);
    else if (!parsed.success) reportIssues(ctx, schema, data, parsed.error.issues, at, new Set([...skip, ...failed]), suggested);
    checkReferences(ctx, body, at);
    checkDates(ctx, body, at, horizon);
  });
  return out;
}
