import { antimonyWorld, runWorld } from '@stibium/market';
import { describe, expect, it } from 'vitest';
import { loadScenario, runScenarioOnce, runSeed, scenarioCatalog } from '../../src/index.ts';

// Golden log hashes: the identity of a run's whole event log. Any change to the model's
// arithmetic, its events or the hash's encoding changes them, so a changed hash is a
// reviewed change (update the constant in the same commit and say why). Tied to Node 20's
// V8 (Math.exp/log/pow may differ between majors). Speed work must leave them unchanged.
const GOLDEN = {
  worldSeed1: '4a96c3fcdef4d2dccdd42c4a8d5773aa7493a9f116b7bc1304dfcbfb03b7caa9',
  baselineRun0: 'a2cc6ff975e2b3435ef31964b8a993200db6164bd185f857cd695bcbf9a7fe09',
  combinedRun0: '6fe270ad21a041619070fbdbfb215191a81880bfe06a319e7847ca1e34df0499',
};

describe('golden log hashes', () => {
  it('the calibrated world without interventions, seed 1', () => {
    expect(runWorld({ world: antimonyWorld() }, { seed: 1 }).logHash).toBe(GOLDEN.worldSeed1);
  });

  it('run 0 of scenarios/baseline.yaml and scenarios/combined.yaml (experiment seed "golden")', () => {
    const catalog = scenarioCatalog();
    const hashOf = (file: string): string => runScenarioOnce(loadScenario(file, catalog), undefined, 0, runSeed('golden', 0), { keepLog: false }).logHash;
    expect(hashOf('scenarios/baseline.yaml')).toBe(GOLDEN.baselineRun0);
    expect(hashOf('scenarios/combined.yaml')).toBe(GOLDEN.combinedRun0);
  });
});

describe('runScenarioOnce without a kept log', () => {
  it('folds the same outcomes and hash as a run that keeps its log', () => {
    const scenario = loadScenario('scenarios/combined.yaml', scenarioCatalog());
    const streamed = runScenarioOnce(scenario, undefined, 3, runSeed('stream', 3), { keepLog: false });
    const kept = runScenarioOnce(scenario, undefined, 3, runSeed('stream', 3), { keepLog: true });
    expect(streamed.logHash).toBe(kept.logHash);
    expect(streamed.outcomes).toEqual(kept.outcomes);
    expect(streamed.log).toBeUndefined();
    expect(kept.log?.length).toBeGreaterThan(10_000);
  });
});
