import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExperiment, type RunExperimentOptions } from '../../../src/experiment/run.ts';
import type { ExperimentPlan } from '../../../src/experiment/types.ts';
import { FAKE_MODEL, fakeScenario } from './scenarios.ts';

/** A fresh temporary folder. */
export function tempDir(prefix = 'stibium-exp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A baseline/policy plan on the fake model. */
export function twoScenarioPlan(runs: number, range = { from: 0, to: runs }, keepLogs = false): ExperimentPlan {
  return {
    cases: [
      { id: 'baseline', scenario: fakeScenario('baseline'), variant: undefined },
      { id: 'policy', scenario: fakeScenario('policy', { capacity: 130, drift: 0.001 }), variant: undefined },
    ],
    baseline: 'baseline',
    runs,
    range,
    seed: 'test-seed',
    keepLogs,
  };
}

/** Runs a plan on the fake model into `out`. */
export function runFake(plan: ExperimentPlan, out: string, options: Partial<RunExperimentOptions> = {}): ReturnType<typeof runExperiment> {
  return runExperiment(plan, { out, modelModule: FAKE_MODEL, ...options });
}

/** Every file of a results folder (not logs) as bytes, by name. */
export function folderBytes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name === 'logs') continue;
    out[name] = readFileSync(join(dir, name)).toString('base64');
  }
  return out;
}
