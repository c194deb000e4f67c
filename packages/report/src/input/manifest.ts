import { arr, num, obj, str, type JsonObject } from './json.ts';
import type { ProvenanceInfo, ScenarioFileInfo, ScenarioInfo } from './types.ts';

const MONTH = /^\d{4}-\d{2}$/;

function horizonOf(resolved: JsonObject | null): ScenarioInfo['horizon'] {
  const h = obj(resolved?.['horizon']);
  const start = str(h?.['start']);
  const end = str(h?.['end']);
  return start !== null && end !== null && MONTH.test(start) && MONTH.test(end) ? { start, end } : null;
}

/** The scenarios of `manifest.json` (`scenarios[]`: id, name, variant, vintage, files, resolved). */
export function parseScenarios(manifest: JsonObject): ScenarioInfo[] {
  const out: ScenarioInfo[] = [];
  for (const entry of arr(manifest['scenarios'])) {
    const s = obj(entry);
    const id = str(s?.['id']);
    if (s === null || id === null) continue;
    const resolved = obj(s['resolved']);
    const files: ScenarioFileInfo[] = [];
    for (const f of arr(s['files'])) {
      const file = obj(f);
      const path = str(file?.['path']);
      if (path !== null) files.push({ path, sha256: str(file?.['sha256']), bytes: num(file?.['bytes']) });
    }
    out.push({
      id,
      name: str(s['name']) ?? id,
      variant: str(s['variant']),
      description: str(resolved?.['description']) ?? str(s['description']),
      vintage: str(s['vintage']) ?? str(resolved?.['vintage']),
      files,
      horizon: horizonOf(resolved),
      resolved,
    });
  }
  return out;
}

/** The provenance fields of `manifest.json`; each absent field is null. */
export function parseProvenance(manifest: JsonObject): ProvenanceInfo {
  const engine = obj(manifest['engine']);
  const experiment = obj(manifest['experiment']);
  const range = obj(experiment?.['runRange']);
  const from = num(range?.['from']);
  const to = num(range?.['to']);
  let logHashCount = 0;
  const runSeeds: { run: number; seed: string }[] = [];
  for (const entry of arr(manifest['runs'])) {
    const r = obj(entry);
    logHashCount += Object.keys(obj(r?.['logHashes']) ?? {}).length;
    const run = num(r?.['run']);
    const seed = str(r?.['seed']);
    if (run !== null && seed !== null) runSeeds.push({ run, seed });
  }
  const files = Object.entries(obj(manifest['files']) ?? {}).map(([name, digest]) => {
    const d = obj(digest);
    return { name, bytes: num(d?.['bytes']), sha256: str(d?.['sha256']) };
  });
  const keepLogs = experiment?.['keepLogs'];
  return {
    format: str(manifest['format']),
    formatVersion: num(manifest['formatVersion']),
    engineVersion: str(engine?.['version']),
    gitCommit: str(engine?.['gitCommit']),
    node: str(engine?.['node']),
    seed: str(experiment?.['seed']) ?? (num(experiment?.['seed']) === null ? null : String(experiment?.['seed'])),
    runs: num(experiment?.['runs']),
    runRange: from !== null && to !== null ? { from, to } : null,
    runSeedRule: str(experiment?.['runSeedRule']),
    baseline: str(experiment?.['baseline']),
    keepLogs: typeof keepLogs === 'boolean' ? keepLogs : null,
    dataVintages: arr(manifest['dataVintages']).filter((v): v is string => typeof v === 'string'),
    logHashCount,
    runSeeds,
    files,
  };
}
