import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteLogStore } from '@stibium/core';
import { folderBytes, runFake, tempDir, twoScenarioPlan } from './support/run.ts';
import { replayOutcomes } from './support/fake-model.ts';
import { readRunsCsv } from '../../src/results/csv.ts';
import type { RunRow } from '../../src/results/rows.ts';

describe('--keep-logs', () => {
  it('stores one SQLite log per scenario and run whose hash is the manifest log hash, on any worker count', async () => {
    const dir = tempDir();
    const a = await runFake(twoScenarioPlan(4, { from: 0, to: 4 }, true), join(dir, 'a'), { workers: 0 });
    await runFake(twoScenarioPlan(4, { from: 0, to: 4 }, true), join(dir, 'b'), { workers: 2 });
    expect(folderBytes(join(dir, 'b'))).toEqual(folderBytes(join(dir, 'a')));
    expect(readdirSync(join(dir, 'a', 'logs')).sort()).toEqual(['baseline', 'policy']);
    expect(readdirSync(join(dir, 'a', 'logs', 'policy'))).toEqual(['run-000000.sqlite', 'run-000001.sqlite', 'run-000002.sqlite', 'run-000003.sqlite']);
    const rows: RunRow[] = [];
    for await (const row of readRunsCsv(join(dir, 'a', 'runs.csv'))) rows.push(row);
    for (const run of a.manifest.runs) {
      const store = SqliteLogStore.open(join(dir, 'b', 'logs', 'policy', `run-00000${run.run}.sqlite`));
      expect(store.hash()).toBe(run.logHashes['policy']);
      // replaying the whole stored log gives the outcomes of the run
      const folded = replayOutcomes(store.readLog(), Infinity);
      const row = rows.find((r) => r.scenario === 'policy' && r.run === run.run && r.outcome === 'pk.exportEarnings' && r.period === '2026');
      expect(row?.value).toBeDefined();
      expect(folded.outcomes['pk.exportEarnings']?.['2026']).toBe(row?.value);
      store.close();
    }
  });
});
