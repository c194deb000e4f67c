import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_MODEL_MODULE, loadModel, type ModelModule } from '@stibium/scenario';
import type { IdCatalog } from './scenario-api.ts';

/** A model module as the CLI sees it: the runner's contract plus optional extras. */
export interface CliModel extends ModelModule {
  /** Ids a scenario may refer to (countries, facilities...), for validation. */
  readonly scenarioCatalog?: IdCatalog | (() => IdCatalog);
  /** Outcomes and state at time `until` folded from a stored log (for `stibium replay`). */
  readonly replayOutcomes?: (entries: Iterable<import('@stibium/core').RecordedEvent>, until: number) => { state: unknown; outcomes: Record<string, Record<string, number>> };
}

/**
 * The model module's URL: the antimony model, or the module named by
 * STIBIUM_MODEL_MODULE (a path or file URL; used by tests and benchmarks).
 */
export function modelModuleUrl(): string {
  const override = process.env['STIBIUM_MODEL_MODULE'];
  if (override === undefined || override === '') return DEFAULT_MODEL_MODULE;
  if (override.startsWith('file:')) return override;
  return pathToFileURL(isAbsolute(override) ? override : resolve(override)).href;
}

/** Loads the model module (once per process). */
export async function loadCliModel(): Promise<{ url: string; model: CliModel }> {
  const url = modelModuleUrl();
  if (!existsSync(fileURLToPath(url))) throw new Error(`the model module ${fileURLToPath(url)} does not exist`);
  return { url, model: (await loadModel(url)) as CliModel };
}

// Until the world model publishes its catalogue, ids are checked only for shape.
const OPEN_CATALOG: IdCatalog = { countries: [], facilities: [], markets: [], routes: [], parameterPaths: () => true };

/** The id catalogue scenarios are validated against. */
export function catalogOf(model: CliModel): IdCatalog {
  const c = model.scenarioCatalog;
  if (c === undefined) return OPEN_CATALOG;
  return typeof c === 'function' ? c() : c;
}
