import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logFileName, safeSegment, sqliteLogStore } from '../results/log-store.ts';
import { packGroup, type PackedGroup } from '../results/packed.ts';
import { runSeed } from './seeds.ts';
import type { ExperimentCase, ModelModule, RunGroup, RunOutput } from './types.ts';

/** What a worker (or the main thread) needs to execute runs: the same for every task. */
export interface ExecutionContext {
  readonly cases: readonly ExperimentCase[];
  readonly seed: string;
  /** Total runs of the experiment. */
  readonly runs: number;
  /** Folder for `logs/<scenario>/run-N.sqlite`, or null when logs are not kept. */
  readonly logsDir: string | null;
  /** URL of the model module (see {@link ModelModule}). */
  readonly modelModule: string;
}

const models = new Map<string, Promise<ModelModule>>();

/**
 * Imports a model module once per thread. In worker threads on Node 20, tsx's ESM hooks
 * are not active (the worker's modules are loaded through its CommonJS hook), so a `.ts`
 * module that `import()` refuses is loaded with `require`, which that hook serves.
 */
export function loadModel(url: string): Promise<ModelModule> {
  let model = models.get(url);
  if (model === undefined) {
    model = importModule(url).then((m) => checkedModel(url, m));
    models.set(url, model);
  }
  return model;
}

/**
 * Makes `module` the model of `url` in this thread, so {@link loadModel} does not import it:
 * the worker bundle (see worker-bundle.ts) carries the model inside and registers it here.
 */
export function registerModel(url: string, module: Partial<ModelModule>): void {
  const model = Promise.resolve().then(() => checkedModel(url, module));
  model.catch(() => {}); // reported by the first run that awaits it
  models.set(url, model);
}

function checkedModel(url: string, m: Partial<ModelModule>): ModelModule {
  if (typeof m.runScenarioOnce !== 'function') throw new Error(`model module ${url} does not export runScenarioOnce`);
  return m as ModelModule;
}

async function importModule(url: string): Promise<Partial<ModelModule>> {
  try {
    return (await import(url)) as Partial<ModelModule>;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    return createRequire(import.meta.url)(fileURLToPath(url)) as Partial<ModelModule>;
  }
}

/**
 * Runs indices [from, to) of every case, in order: the one code path of both the worker
 * threads and the in-process executor, so the worker count cannot change a result.
 */
export async function executeRuns(ctx: ExecutionContext, from: number, to: number): Promise<RunGroup[]> {
  const model = await loadModel(ctx.modelModule);
  const groups: RunGroup[] = [];
  for (let run = from; run < to; run++) {
    const seed = runSeed(ctx.seed, run);
    const outputs: RunOutput[] = [];
    for (const c of ctx.cases) {
      const keepLog = ctx.logsDir !== null;
      const out = await model.runScenarioOnce(c.scenario, c.variant, run, seed, { keepLog, runs: ctx.runs });
      if (keepLog) writeLog(ctx.logsDir as string, c, run, seed, out);
      outputs.push({ scenario: c.id, run, seed, logHash: out.logHash, outcomes: out.outcomes });
    }
    groups.push({ run, seed, outputs });
  }
  return groups;
}

/**
 * {@link executeRuns}, packed, with each group's `runs.csv` bytes: what a worker sends back,
 * so the main thread only copies bytes out and folds values by cached layouts (see
 * {@link PackedGroup}).
 */
export async function executePacked(ctx: ExecutionContext, from: number, to: number): Promise<PackedGroup[]> {
  return (await executeRuns(ctx, from, to)).map((group) => packGroup(group, true));
}

function writeLog(logsDir: string, c: ExperimentCase, run: number, seed: string, out: RunOutput): void {
  const id = c.id;
  const horizonStart = (c.variant === undefined ? c.scenario : (c.scenario.variants[c.variant] ?? c.scenario)).horizon.start;
  if (out.log === undefined) throw new Error(`the model returned no log for ${id} run ${run} although keepLog was set`);
  const dir = join(logsDir, safeSegment(id));
  mkdirSync(dir, { recursive: true });
  const store = sqliteLogStore().create(join(dir, logFileName(run)), { seed, meta: { scenario: id, run, horizonStart } });
  try {
    store.appendAll(out.log);
  } catch (error) {
    store.abort();
    throw error;
  }
  const hash = store.close();
  if (hash !== out.logHash) throw new Error(`the stored log of ${id} run ${run} hashes to ${hash}, but the run reported ${out.logHash}`);
}
