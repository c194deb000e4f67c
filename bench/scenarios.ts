/**
 * `pnpm bench:scenarios`: the Monte Carlo benchmark of issue 4.
 *   1. one baseline run's wall time (mean, median and best of 40 after warm-up, and CPU time);
 *   2. 1,000 runs of the baseline on 1 and 2 worker threads: runs/s and the speedup;
 *   3. peak RSS of a 10,000-run experiment, measured in a child process.
 * Uses the antimony model and scenarios/baseline.yaml when both exist, otherwise the
 * fake test model (stated in the output). Targets: <= 25 ms/run, speedup >= 1.7, < 500 MB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_MODULE, loadModel, runExperiment, runSeed, type ExperimentPlan, type ModelModule } from '@stibium/scenario';
import type { IdCatalog, ResolvedScenario } from '@stibium/scenario';
import { FAKE_MODEL, fakeScenario } from '../packages/scenario/test/experiment/support/scenarios.ts';

const BASELINE = 'scenarios/baseline.yaml';
// Sizes of the benchmark; BENCH_RUNS / BENCH_RSS_RUNS shrink them for a quick look.
const RUNS = Number(process.env['BENCH_RUNS'] ?? 1000);
const RSS_RUNS = Number(process.env['BENCH_RSS_RUNS'] ?? 10_000);
const ONE_RUNS = 40;

async function setup(): Promise<{ label: string; modelUrl: string; scenario: ResolvedScenario }> {
  if (existsSync(fileURLToPath(DEFAULT_MODEL_MODULE)) && existsSync(BASELINE)) {
    const model = (await loadModel(DEFAULT_MODEL_MODULE)) as ModelModule & { scenarioCatalog?: IdCatalog | (() => IdCatalog) };
    const { loadScenario } = await import('@stibium/scenario');
    const c = model.scenarioCatalog;
    if (c !== undefined) return { label: `antimony model, ${BASELINE}`, modelUrl: DEFAULT_MODEL_MODULE, scenario: loadScenario(BASELINE, typeof c === 'function' ? c() : c) };
  }
  // A 10-year monthly horizon with 20 extra events a month stands in for the real model.
  const scenario = { ...fakeScenario('baseline', { work: 20 }), horizon: { start: '2025-01', end: '2034-12' } };
  return { label: 'FAKE test model (the antimony model or scenarios/baseline.yaml is missing)', modelUrl: FAKE_MODEL, scenario };
}

function plan(scenario: ResolvedScenario, runs: number): ExperimentPlan {
  return { cases: [{ id: 'baseline', scenario, variant: undefined }], baseline: null, runs, range: { from: 0, to: runs }, seed: 'bench', keepLogs: false };
}

async function timed(scenario: ResolvedScenario, modelUrl: string, runs: number, workers: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'stibium-bench-'));
  const start = performance.now();
  await runExperiment(plan(scenario, runs), { out: join(dir, 'r'), workers, modelModule: modelUrl });
  const ms = performance.now() - start;
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function child(): Promise<void> {
  const { scenario, modelUrl } = await setup();
  await timed(scenario, modelUrl, RSS_RUNS, 2);
  process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

async function main(): Promise<void> {
  const { label, modelUrl, scenario } = await setup();
  console.log(`model: ${label}`);
  const model = await loadModel(modelUrl);
  // Warm-up lets V8 optimise the hot code, as it is after a few runs of an experiment.
  for (let i = 0; i < 10; i++) await model.runScenarioOnce(scenario, undefined, i % scenario.runs, runSeed('warm', i), { keepLog: false });
  const wall: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < ONE_RUNS; i++) {
    const t0 = performance.now();
    await model.runScenarioOnce(scenario, undefined, i % scenario.runs, runSeed('one', i), { keepLog: false });
    wall.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  const sorted = [...wall].sort((a, b) => a - b);
  const mean = wall.reduce((a, b) => a + b, 0) / wall.length;
  console.log(
    `one baseline run: ${mean.toFixed(2)} ms mean, ${(sorted[sorted.length >> 1] as number).toFixed(2)} ms median, ${(sorted[0] as number).toFixed(2)} ms best ` +
      `of ${ONE_RUNS} (one thread; CPU ${((cpu.user + cpu.system) / 1000 / ONE_RUNS).toFixed(2)} ms a run, GC threads included)`,
  );
  if (RUNS > 0) {
    const one = await timed(scenario, modelUrl, RUNS, 1);
    const two = await timed(scenario, modelUrl, RUNS, 2);
    const rate = (ms: number): string => `${((RUNS * 1000) / ms).toFixed(1)} runs/s`;
    const n = RUNS.toLocaleString('en-US');
    console.log(`${n} runs, 1 worker:  ${(one / 1000).toFixed(2)} s, ${rate(one)} (pool start and result writing included)`);
    console.log(`${n} runs, 2 workers: ${(two / 1000).toFixed(2)} s, ${rate(two)}; speedup ${(one / two).toFixed(2)}x (read it against the two-thread scaling of allocation-heavy code on this machine: pnpm bench:machine)`);
  }
  if (RSS_RUNS <= 0) return;
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child-rss'], { encoding: 'utf8', timeout: 1_800_000 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    console.log(`${RSS_RUNS.toLocaleString('en-US')} runs: child failed (${r.status}): ${r.stderr.slice(-500)}`);
    return;
  }
  const { maxRssKb } = JSON.parse(line) as { maxRssKb: number };
  console.log(`${RSS_RUNS.toLocaleString('en-US')} runs, 2 workers: peak RSS ${(maxRssKb / 1024).toFixed(0)} MB (process.resourceUsage().maxRSS of the child)`);
}

await (process.argv.includes('--child-rss') ? child() : main());
