import { existsSync, readFileSync, readdirSync, appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStibiumError } from '@stibium/core';
import { folderBytes, runFake, tempDir, twoScenarioPlan } from './support/run.ts';

// The journal's run lines (it also has one line per output layout).
function journaledRuns(file: string): string[] {
  return readFileSync(file, 'utf8').trim().split('\n').filter((line) => line.startsWith('{"run":'));
}

describe('interrupt and resume', () => {
  it('leaves only a .partial folder when aborted, and resuming gives the uninterrupted bytes', async () => {
    const dir = tempDir();
    const plan = twoScenarioPlan(30);
    await runFake(plan, join(dir, 'whole'));
    // given a run aborted after 11 runs
    const controller = new AbortController();
    const out = join(dir, 'cut');
    const error = await runFake(plan, out, { signal: controller.signal, onProgress: (done) => done >= 11 && controller.abort() }).catch((e: unknown) => e);
    expect(isStibiumError(error, 'INTERRUPTED')).toBe(true);
    expect((error as { detail: { partial: string } }).detail.partial).toBe(`${out}.partial`);
    // then nothing looks complete: no <out>, no final-named result file in the partial folder
    expect(existsSync(out)).toBe(false);
    const left = readdirSync(`${out}.partial`).sort();
    expect(left.filter((f) => !f.includes('.tmp-'))).toEqual(['experiment.json', 'runs.ndjson']);
    const journaled = journaledRuns(join(`${out}.partial`, 'runs.ndjson'));
    expect(journaled.length).toBeGreaterThanOrEqual(11);
    // when it resumes (with a stale temporary file of a killed process lying around)
    writeFileSync(join(`${out}.partial`, 'runs.csv.tmp-99999999'), 'stale');
    const result = await runFake(plan, out, { resume: true });
    // then the results equal the uninterrupted run's, and only the missing runs were computed
    expect(result.resumed).toBe(journaled.length);
    expect(result.executed).toBe(30 - journaled.length);
    expect(folderBytes(out)).toEqual(folderBytes(join(dir, 'whole')));
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('drops a torn last journal line (a crash mid-write) and recomputes that run', async () => {
    const dir = tempDir();
    const plan = twoScenarioPlan(12);
    await runFake(plan, join(dir, 'whole'));
    const controller = new AbortController();
    const out = join(dir, 'torn');
    await runFake(plan, out, { signal: controller.signal, onProgress: (done) => done >= 5 && controller.abort() }).catch(() => undefined);
    appendFileSync(join(`${out}.partial`, 'runs.ndjson'), '{"run":5,"seed":"ab","outp');
    const result = await runFake(plan, out, { resume: true });
    expect(result.resumed).toBeGreaterThanOrEqual(5);
    expect(folderBytes(out)).toEqual(folderBytes(join(dir, 'whole')));
  });

  it('refuses to resume with a different plan, and refuses to overwrite results', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const out = join(dir, 'x');
    await runFake(twoScenarioPlan(10), out, { signal: controller.signal, onProgress: (d) => d >= 2 && controller.abort() }).catch(() => undefined);
    await expect(runFake({ ...twoScenarioPlan(10), seed: 'changed' }, out, { resume: true })).rejects.toThrow('differ from the interrupted run');
    await expect(runFake(twoScenarioPlan(10), out)).rejects.toThrow('--resume');
    await runFake(twoScenarioPlan(10), out, { resume: true });
    await expect(runFake(twoScenarioPlan(10), out)).rejects.toThrow('already exists');
  });

  it('reports a model failure without leaving a complete-looking folder', async () => {
    const dir = tempDir();
    const plan = twoScenarioPlan(6);
    const failing = { ...plan, cases: plan.cases.map((c) => (c.id === 'policy' ? { ...c, scenario: { ...c.scenario, parameters: { failAtRun: 3 } } } : c)) };
    await expect(runFake(failing, join(dir, 'f'))).rejects.toThrow('fake model failure at run 3');
    expect(existsSync(join(dir, 'f'))).toBe(false);
    expect(journaledRuns(join(dir, 'f.partial', 'runs.ndjson'))).toHaveLength(3);
  });
});
