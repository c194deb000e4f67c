import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeResults } from '../../src/results/merge.ts';
import { folderBytes, runFake, tempDir, twoScenarioPlan } from './support/run.ts';

describe('split work, same answer', () => {
  it('gives byte-identical results folders in this thread and on 1, 2 and 4 workers', async () => {
    // given one plan; when it runs in this thread and with 1, 2 and 4 worker threads
    const dir = tempDir();
    const plan = twoScenarioPlan(24);
    for (const workers of [0, 1, 2, 4]) await runFake(plan, join(dir, `w${workers}`), { workers });
    // then every file is identical, log hashes included
    const one = folderBytes(join(dir, 'w1'));
    expect(Object.keys(one)).toEqual(['comparison.csv', 'comparison.json', 'manifest.json', 'runs.arrow', 'runs.csv', 'summary.json']);
    expect(folderBytes(join(dir, 'w0'))).toEqual(one);
    expect(folderBytes(join(dir, 'w2'))).toEqual(one);
    expect(folderBytes(join(dir, 'w4'))).toEqual(one);
    const manifest = JSON.parse(readFileSync(join(dir, 'w1', 'manifest.json'), 'utf8'));
    expect(manifest.runs).toHaveLength(24);
    expect(manifest.runs[0].logHashes.baseline).toMatch(/^[0-9a-f]{64}$/);
  });

  it('joins --run-range slices with merge into the same bytes as one invocation', async () => {
    // given one whole run and the same experiment in three slices (one of them on 2 workers)
    const dir = tempDir();
    await runFake(twoScenarioPlan(20), join(dir, 'whole'));
    await runFake(twoScenarioPlan(20, { from: 0, to: 7 }), join(dir, 'a'));
    await runFake(twoScenarioPlan(20, { from: 7, to: 15 }), join(dir, 'b'), { workers: 2 });
    await runFake(twoScenarioPlan(20, { from: 15, to: 20 }), join(dir, 'c'));
    // when they are merged (in any order)
    await mergeResults([join(dir, 'c'), join(dir, 'a'), join(dir, 'b')], { out: join(dir, 'merged') });
    // then the merged folder equals the whole one byte for byte
    expect(folderBytes(join(dir, 'merged'))).toEqual(folderBytes(join(dir, 'whole')));
  });

  it('refuses to merge slices with a gap, naming the missing runs', async () => {
    const dir = tempDir();
    await runFake(twoScenarioPlan(10, { from: 0, to: 4 }), join(dir, 'a'));
    await runFake(twoScenarioPlan(10, { from: 6, to: 10 }), join(dir, 'b'));
    await expect(mergeResults([join(dir, 'a'), join(dir, 'b')], { out: join(dir, 'm') })).rejects.toThrow('runs 4:6 are missing');
    expect(existsSync(join(dir, 'm'))).toBe(false);
  });

  it('refuses to merge slices of different experiments', async () => {
    const dir = tempDir();
    await runFake(twoScenarioPlan(10, { from: 0, to: 5 }), join(dir, 'a'));
    await runFake({ ...twoScenarioPlan(10, { from: 5, to: 10 }), seed: 'other' }, join(dir, 'b'));
    await expect(mergeResults([join(dir, 'a'), join(dir, 'b')], { out: join(dir, 'm') })).rejects.toThrow('different experiment');
  });

  it('runs scenarios on common random numbers: run seeds depend on the run index only', async () => {
    const dir = tempDir();
    await runFake(twoScenarioPlan(4), join(dir, 'r'));
    const csv = readFileSync(join(dir, 'r', 'runs.csv'), 'utf8').trim().split('\n').slice(1);
    const seeds = new Map<string, Set<string>>();
    for (const line of csv) {
      const [scenario, run, seed] = line.split(',') as [string, string, string];
      if (!seeds.has(run)) seeds.set(run, new Set());
      seeds.get(run)?.add(`${seed}`);
      expect(['baseline', 'policy']).toContain(scenario);
    }
    expect(seeds.size).toBe(4);
    for (const set of seeds.values()) expect(set.size).toBe(1);
    // the fake's price path uses the same draws in both scenarios, so the paired difference is exactly 0 for a parameter-free outcome
    const comparison = JSON.parse(readFileSync(join(dir, 'r', 'comparison.json'), 'utf8'));
    expect(comparison.differences.policy['price.exChina']['2025-01'].n).toBe(4);
  });
});
