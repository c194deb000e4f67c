import { antimonyWorld, runWorld } from '@stibium/market';
import { describe, expect, it } from 'vitest';
import { loadScenario, runScenarioOnce, runSeed, scenarioCatalog } from '../../src/index.ts';

// Golden log hashes: the identity of a run's whole event log. Any change to the model's
// arithmetic, its events or the hash's encoding changes them, so a changed hash is a
// reviewed change (update the constant in the same commit and say why). Tied to Node 20's
// V8 (Math.exp/log/pow may differ between majors). Speed work must leave them unchanged.
const GOLDEN = {
  worldSeed1: '6aa0d8616702df7e410aac607752f9fb3b4cc66bb3c7e7772e81b8d26a294e7f',
  baselineRun0: '44c6166e93286d87415c1e45229841cb4792fbcb4f9e42931d074e5664015837',
  combinedRun0: '52b17de25c40f424b3821c11d8cbf2d3b8df7a7309d2f862b733e69f90c62b13',
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
