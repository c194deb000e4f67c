import { arr, obj, str, text, type JsonObject } from './json.ts';
import type { AssumptionInfo, OutcomeInfo, SourceInfo } from './types.ts';

/**
 * Outcome definitions: a bare array of `{ id, unit, description, formula }` (the shape of
 * @stibium/market's OUTCOME_CATALOGUE) or an object with such an array under `outcomes`.
 * Family ids with a `<...>` part (`world.mineProduction.<ISO3>`) are kept as written.
 */
export function parseOutcomes(value: unknown): Map<string, OutcomeInfo> {
  const list = Array.isArray(value) ? value : arr(obj(value)?.['outcomes']);
  const out = new Map<string, OutcomeInfo>();
  for (const entry of list) {
    const o = obj(entry);
    const id = str(o?.['id']);
    if (o === null || id === null) continue;
    out.set(id, { id, unit: str(o['unit']), description: str(o['description']), formula: str(o['formula']) });
  }
  return out;
}

function sourceOf(key: string, value: unknown): SourceInfo {
  const o = obj(value);
  return { key, title: str(o?.['title']), url: str(o?.['url']), via: str(o?.['via']) };
}

/** Cited publications: an object `{ key: { title, url, via } }`. */
export function parseSources(value: unknown): Map<string, SourceInfo> {
  const out = new Map<string, SourceInfo>();
  for (const [key, entry] of Object.entries(obj(value) ?? {})) out.set(key, sourceOf(key, entry));
  return out;
}

/**
 * Assumptions: an array of `{ id (or name, path), value, unit, description, src (a key of
 * sources, or 'assumption') or source (text or { title, url }), note, scenario }`, bare or
 * under `assumptions`. Inline source objects are added to `sources` under their title.
 */
export function parseAssumptions(value: unknown, sources: Map<string, SourceInfo>): AssumptionInfo[] {
  const list = Array.isArray(value) ? value : arr(obj(value)?.['assumptions']);
  const out: AssumptionInfo[] = [];
  for (const entry of list) {
    const o = obj(entry);
    const id = str(o?.['id']) ?? str(o?.['name']) ?? str(o?.['path']);
    if (o === null || id === null) continue;
    let source = str(o['src']) ?? str(o['source']);
    const inline = obj(o['source']);
    if (source === null && inline !== null) {
      source = str(inline['title']) ?? str(inline['url']);
      if (source !== null && !sources.has(source)) sources.set(source, sourceOf(source, inline));
    }
    out.push({ id, scenario: str(o['scenario']), value: text(o['value']), unit: str(o['unit']), description: str(o['description']), source, note: str(o['note']) });
  }
  return out;
}

function distribution(d: JsonObject): string {
  const params = Object.entries(d)
    .filter(([k]) => !['type', 'target', 'unit', 'description'].includes(k))
    .map(([k, v]) => `${k} ${text(v) ?? ''}`);
  return `${str(d['type']) ?? 'distribution'}(${params.join(', ')})`;
}

/**
 * The assumptions a scenario file states itself, from the manifest's resolved configuration:
 * parameters, overrides, uncertainties (as distributions), levers and timed events. Their
 * source is the scenario file.
 */
export function scenarioAssumptions(scenario: string, resolved: JsonObject | null, file: string | null): AssumptionInfo[] {
  if (resolved === null) return [];
  const source = file === null ? 'scenario file' : file;
  const out: AssumptionInfo[] = [];
  const add = (id: string, value: string | null, unit: string | null, description: string | null, note: string | null = null): void => {
    out.push({ id, scenario, value, unit, description, source, note });
  };
  for (const [k, v] of Object.entries(obj(resolved['parameters']) ?? {})) add(`parameters.${k}`, text(v), null, null);
  for (const [k, v] of Object.entries(obj(resolved['overrides']) ?? {})) {
    const deferred = obj(v);
    add(`overrides.${k}`, deferred === null ? text(v) : (str(deferred['expression']) ?? text(v)), null, null, deferred === null ? null : 'evaluated per run');
  }
  for (const [k, v] of Object.entries(obj(resolved['uncertainties']) ?? {})) {
    const d = obj(v) ?? {};
    const target = str(d['target']);
    add(`uncertainties.${k}`, distribution(d), str(d['unit']), str(d['description']), target === null ? null : `sampled value overrides ${target}`);
  }
  for (const [k, v] of Object.entries(obj(resolved['levers']) ?? {})) {
    const lever = obj(v);
    add(`levers.${k}`, text(lever?.['value'] ?? v), null, str(lever?.['description']));
  }
  arr(resolved['events']).forEach((e, i) => {
    const event = obj(e);
    add(`events[${i}]${event && str(event['type']) ? `.${str(event['type'])}` : ''}`, text(e), null, str(event?.['description']));
  });
  return out;
}

/**
 * Merges assumptions that several scenarios state alike into one row listing them all
 * ("all scenarios" when all `total` share it); the source then names the scenario files.
 */
export function mergeAssumptions(list: readonly AssumptionInfo[], total: number): AssumptionInfo[] {
  const byKey = new Map<string, { a: AssumptionInfo; scenarios: string[]; sources: Set<string | null> }>();
  for (const a of list) {
    const key = JSON.stringify([a.id, a.value, a.unit, a.description, a.note]);
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, { a, scenarios: a.scenario === null ? [] : [a.scenario], sources: new Set([a.source]) });
    else {
      if (a.scenario !== null) seen.scenarios.push(a.scenario);
      seen.sources.add(a.source);
    }
  }
  return [...byKey.values()].map(({ a, scenarios, sources }) => ({
    ...a,
    scenario: scenarios.length === 0 ? null : total > 1 && scenarios.length === total ? 'all scenarios' : scenarios.join(', '),
    source: sources.size > 1 ? 'each scenario file (see Provenance)' : a.source,
  }));
}
