import { resolve } from 'node:path';
import type { IdCatalog } from './catalog.ts';
import { ValidationContext } from './context.ts';
import { loadTree } from './extends.ts';
import { applyLeverLayer, checkLayerNames, declaredIn, refusedLayerValue } from './lever-layer.ts';
import type { LeverLayer } from './lever-layer.ts';
import { Merger } from './merge.ts';
import { Origins, placeOf } from './origins.ts';
import { distinctProblems, formatPath, ScenarioError } from './problems.ts';
import type { ScenarioProblem } from './problems.ts';
import { resolveBody } from './resolve.ts';
import { scenarioSchema, variantScenarioSchema } from './schema.ts';
import { readSource, sourceFromText } from './source.ts';
import type { SourceFile } from './source.ts';
import type { ResolvedScenario } from './types.ts';

type Outcome = { readonly scenario: ResolvedScenario; readonly problems: readonly [] } | { readonly scenario?: undefined; readonly problems: readonly ScenarioProblem[] };

function drainMergeProblems(merger: Merger, fallback: string, problems: ScenarioProblem[]): void {
  for (const p of merger.problems.splice(0)) {
    const origin = p.origins[p.origins.length - 1];
    const place = origin ? placeOf(origin, false) : undefined;
    problems.push({
      code: 'MERGE_DIRECTIVE',
      file: place?.source.file ?? fallback,
      ...(place ? { line: place.line, column: place.column } : {}),
      path: formatPath([...(origin?.path ?? []), ...(p.key !== undefined ? [p.key] : [])]),
      message: p.message,
      ...(p.suggestion !== undefined ? { suggestion: p.suggestion } : {}),
    });
  }
}

/** Options of {@link loadScenario} and {@link checkScenarioFile}. */
export interface LoadOptions {
  /**
   * Lever values to use instead of the file's, applied like a top layer merged onto the
   * scenario and onto each variant that declares the lever, before anything is resolved:
   * options, expressions and `if` all see them. A lever declared nowhere is a problem.
   */
  readonly levers?: LeverLayer;
}

function resolveSource(source: SourceFile, catalog: IdCatalog, options: LoadOptions = {}): Outcome {
  const origins = new Origins();
  const merger = new Merger(origins);
  const problems: ScenarioProblem[] = [];
  const tree = loadTree(source, [], origins, merger, catalog, problems);
  drainMergeProblems(merger, source.file, problems);
  if (!tree || problems.length > 0) return { problems };
  const files = tree.sources.map((s) => ({ path: s.file, sha256: s.sha256, bytes: s.bytes }));
  const { variants: rawVariants, ...main } = tree.data;
  origins.set(main, origins.get(tree.data));
  const layer = options.levers ?? {};
  const variantData = typeof rawVariants === 'object' && rawVariants !== null && !Array.isArray(rawVariants) ? Object.values(rawVariants as Record<string, unknown>) : [];
  const layerCtx = new ValidationContext(tree.data, origins, catalog, source.file);
  checkLayerNames(layerCtx, layer, [...new Set([...declaredIn(main), ...variantData.flatMap(declaredIn)])]);
  problems.push(...layerCtx.problems);
  const top = applyLeverLayer(tree.data, layer, origins);
  const rootCtx = new ValidationContext(top.data, origins, catalog, source.file);
  const body = resolveBody(rootCtx, scenarioSchema, top.set);
  problems.push(...rootCtx.problems);
  const variants: Record<string, ResolvedScenario> = {};
  const unavailable: Record<string, string> = {};
  if (typeof rawVariants === 'object' && rawVariants !== null && !Array.isArray(rawVariants)) {
    for (const [name, variant] of Object.entries(rawVariants)) {
      if (typeof variant !== 'object' || variant === null || Array.isArray(variant)) continue;
      const layered = applyLeverLayer(merger.merge(main, variant, true) as Record<string, unknown>, layer, origins);
      // A variant that narrows a lever's options cannot take a value only the base allows:
      // it sits this invocation out rather than refusing the whole file.
      const refused = refusedLayerValue(layered.data, layered.set);
      if (refused !== undefined) {
        drainMergeProblems(merger, source.file, problems);
        unavailable[name] = refused;
        continue;
      }
      const ctx = new ValidationContext(layered.data, origins, catalog, source.file, name);
      const resolved = resolveBody(ctx, variantScenarioSchema, layered.set);
      problems.push(...ctx.problems);
      drainMergeProblems(merger, source.file, problems);
      if (resolved) {
        const ownName = (variant as Record<string, unknown>)['name'];
        variants[name] = { ...resolved, name: typeof ownName === 'string' ? ownName : `${resolved.name}/${name}`, files, variants: {} };
      }
    }
  }
  if (!body || problems.length > 0) return { problems: distinctProblems(problems) };
  return { scenario: { ...body, files, variants, ...(Object.keys(unavailable).length > 0 ? { unavailableVariants: unavailable } : {}) }, problems: [] };
}

/**
 * Loads, merges (`extends`), validates and resolves the scenario file at `path`, and
 * lists every problem instead of throwing. `path` is kept as given in messages.
 */
export function checkScenarioFile(path: string, catalog: IdCatalog, options: LoadOptions = {}): Outcome {
  const read = readSource(path, resolve(path));
  return 'problems' in read ? { problems: read.problems } : resolveSource(read.source, catalog, options);
}

/**
 * Loads a scenario file: YAML or JSON, `extends` merged, expressions evaluated, every
 * reference checked against `catalog`, `options.levers` (if given) set over the file's
 * levers. Throws a {@link ScenarioError} listing all problems, each with file, line,
 * column and path.
 *
 * @example const scenario = loadScenario('scenarios/local-refining.yaml', world.catalog());
 * @example const without = loadScenario('scenarios/local-refining.yaml', world.catalog(), { levers: { refinery: 'none' } });
 */
export function loadScenario(path: string, catalog: IdCatalog, options: LoadOptions = {}): ResolvedScenario {
  const outcome = checkScenarioFile(path, catalog, options);
  if (outcome.scenario === undefined) throw new ScenarioError(outcome.problems);
  return outcome.scenario;
}

/**
 * Like {@link loadScenario} for text already in memory (an editor buffer, a test);
 * `fileName` names it in messages and anchors relative `extends` paths.
 */
export function parseScenarioText(text: string, fileName: string, catalog: IdCatalog, options: LoadOptions = {}): ResolvedScenario {
  const read = sourceFromText(text, fileName, resolve(fileName));
  const outcome = 'problems' in read ? { problems: read.problems } : resolveSource(read.source, catalog, options);
  if (outcome.scenario === undefined) throw new ScenarioError(outcome.problems);
  return outcome.scenario;
}
