import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { StibiumError, canonicalJson } from '@stibium/core';
import type { RunGroup, RunOutput } from '../experiment/types.ts';
import { readRunsCsv } from './csv.ts';
import { ResultsFolder } from './folder.ts';
import { packGroup } from './packed.ts';
import type { Manifest, ManifestHeader } from './manifest.ts';
import { readManifest } from './read.ts';
import { ResultsWriter, RESULT_FILES, type FinishedResults } from './writer.ts';

/** Options of {@link mergeResults}. */
export interface MergeOptions {
  readonly out: string;
  readonly replace?: boolean;
}

// Two slices belong to one experiment when everything but the run range is equal.
function identity(m: Manifest): string {
  return canonicalJson({ engine: m.engine, experiment: { ...m.experiment, runRange: null }, scenarios: m.scenarios, dataVintages: m.dataVintages });
}

/**
 * Joins results folders of one experiment split by `--run-range` into one folder whose
 * files are byte-identical to a single invocation over the joined range: the slices'
 * rows are replayed in run order through the same writer. Slices must come from the same
 * scenarios, seed and engine, and their ranges must be contiguous (in any order given).
 */
export async function mergeResults(dirs: readonly string[], options: MergeOptions): Promise<FinishedResults & { out: string }> {
  if (dirs.length === 0) throw new StibiumError('USAGE', 'merge needs at least one results folder');
  const slices = dirs.map((dir) => ({ dir, manifest: readManifest(dir) })).sort((a, b) => a.manifest.experiment.runRange.from - b.manifest.experiment.runRange.from);
  const first = slices[0] as (typeof slices)[number];
  const id = identity(first.manifest);
  let expected = first.manifest.experiment.runRange.from;
  for (const s of slices) {
    if (identity(s.manifest) !== id) {
      throw new StibiumError('RESULTS_INVALID', `${s.dir} comes from a different experiment than ${first.dir} (scenarios, seed, runs or engine differ); only slices of one experiment can be merged`);
    }
    const { from, to } = s.manifest.experiment.runRange;
    if (from !== expected) {
      throw new StibiumError('RESULTS_INVALID', from > expected ? `runs ${expected}:${from} are missing between the slices` : `${s.dir} (runs ${from}:${to}) overlaps another slice`);
    }
    expected = to;
  }
  const header: ManifestHeader = {
    format: first.manifest.format,
    formatVersion: first.manifest.formatVersion,
    engine: first.manifest.engine,
    experiment: { ...first.manifest.experiment, runRange: { from: first.manifest.experiment.runRange.from, to: expected } },
    dataVintages: first.manifest.dataVintages,
    scenarios: first.manifest.scenarios,
  };
  const folder = ResultsFolder.create(options.out, { fingerprint: 'merge', request: { merge: dirs } }, options.replace ?? false);
  const writer = new ResultsWriter(folder.partial, header);
  try {
    for (const s of slices) {
      for await (const group of sliceGroups(s.dir, s.manifest)) writer.add(packGroup(group));
      const logs = join(s.dir, RESULT_FILES.logs);
      if (existsSync(logs)) cpSync(logs, folder.file(RESULT_FILES.logs), { recursive: true });
    }
    const finished = writer.finish();
    // Model metadata (outcome definitions, data sources) is the same in every slice.
    for (const name of ['outcomes.json', 'assumptions.json']) {
      const source = join(first.dir, name);
      if (existsSync(source)) cpSync(source, folder.file(name));
    }
    folder.finalize();
    return { ...finished, out: folder.out };
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/** The run groups of a results folder, rebuilt from `runs.csv` and the manifest's run list. */
export async function* sliceGroups(dir: string, manifest: Manifest): AsyncGenerator<RunGroup> {
  const ids = manifest.scenarios.map((s) => s.id);
  const rows = readRunsCsv(join(dir, RESULT_FILES.runsCsv));
  let pending = await rows.next();
  for (const run of manifest.runs) {
    const outputs: RunOutput[] = [];
    for (const scenario of ids) {
      const outcomes: Record<string, Record<string, number>> = {};
      while (!pending.done && pending.value.run === run.run && pending.value.scenario === scenario) {
        const row = pending.value;
        (outcomes[row.outcome] ??= {})[row.period] = row.value ?? NaN;
        pending = await rows.next();
      }
      const logHash = run.logHashes[scenario];
      if (logHash === undefined) throw new StibiumError('RESULTS_INVALID', `${dir}: the manifest has no log hash for ${scenario} run ${run.run}`);
      outputs.push({ scenario, run: run.run, seed: run.seed, logHash, outcomes });
    }
    yield { run: run.run, seed: run.seed, outputs };
  }
  if (!pending.done) throw new StibiumError('RESULTS_INVALID', `${dir}: runs.csv has a row (${pending.value.scenario} run ${pending.value.run}) that the manifest does not list, or rows out of order`);
}
