import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunJournal } from '../../src/experiment/journal.ts';
import type { ExperimentPlan, OutcomeValues, RunOutput } from '../../src/experiment/types.ts';
import { csvLine } from '../../src/results/csv.ts';
import { mergeResults } from '../../src/results/merge.ts';
import { groupCsv, packGroup, packOutput, packedRows, unpackOutcomes, type PackedGroup } from '../../src/results/packed.ts';
import { rowsOf } from '../../src/results/rows.ts';
import { folderBytes, runFake, tempDir } from './support/run.ts';
import { fakeScenario } from './support/scenarios.ts';

// Outcomes with awkward ids, periods present in some runs only, and non-finite values and -0.
const outcomeId = fc.constantFrom('a', 'b.c', 'odd,"id"', 'prix.été', 'line\nbreak', '2025', 'z');
const period = fc.constantFrom('2025', '2026', '2025-01', '2025-02', '2025-10', '10', 'x,y');
const value = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e-300, 123456789.125));
const outcomes: fc.Arbitrary<OutcomeValues> = fc.dictionary(outcomeId, fc.dictionary(period, value, { maxKeys: 6 }), { maxKeys: 7 });

function output(scenario: string, run: number, values: OutcomeValues): RunOutput {
  return { scenario, run, seed: `seed${run}`, logHash: `hash${run}`, outcomes: values };
}

function raggedPlan(runs: number, range = { from: 0, to: runs }): ExperimentPlan {
  const ragged = (name: string, parameters: Record<string, number>) => ({ ...fakeScenario(name, { ragged: 1, ...parameters }), horizon: { start: '2025-01', end: '2034-12' } });
  return {
    cases: [
      { id: 'baseline', scenario: ragged('baseline', {}), variant: undefined },
      { id: 'policy', scenario: ragged('policy', { capacity: 130, drift: 0.001 }), variant: undefined },
    ],
    baseline: 'baseline',
    runs,
    range,
    seed: 'golden',
    keepLogs: false,
  };
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('packed run outputs', () => {
  it('give the rows of rowsOf, in its order, and the bytes of csvLine', () => {
    fc.assert(
      fc.property(outcomes, outcomes, fc.nat(1000), (a, b, run) => {
        // given a group of two outputs; when it is packed with its CSV text
        const group = { run, seed: `seed${run}`, outputs: [output('base', run, a), output('p,"q"', run, b)] };
        const packed = packGroup(group, true);
        // then its rows are rowsOf's, and its CSV bytes are csvLine's of them
        const expected = group.outputs.flatMap((o) => [...rowsOf(o)]);
        expect(packed.outputs.flatMap((o) => [...packedRows(o)])).toEqual(expected);
        expect(Buffer.from(packed.csv as Uint8Array).toString('utf8')).toBe(expected.map(csvLine).join(''));
        expect(Buffer.from(groupCsv({ run: packed.run, seed: packed.seed, outputs: packed.outputs })).equals(Buffer.from(packed.csv as Uint8Array))).toBe(true);
        // and unpacking gives the values back, -0 and NaN included (outcomes without periods drop out)
        const nonEmpty = Object.fromEntries(Object.entries(a).filter(([, periods]) => Object.keys(periods).length > 0));
        expect(unpackOutcomes(packOutput(output('base', run, a)))).toEqual(nonEmpty);
      }),
      { seed: 424242, numRuns: 300 },
    );
  });

  it('survive the journal bit for bit, and a torn tail is dropped', () => {
    // given groups of varying shape journaled (in two sessions, so block numbering continues)
    const dir = tempDir();
    const file = join(dir, 'runs.ndjson');
    const groups = fc.sample(fc.tuple(outcomes, outcomes), { seed: 424242, numRuns: 40 }).map(([a, b], run) => packGroup({ run, seed: `seed${run}`, outputs: [output('base', run, a), output('policy', run, b)] }));
    const first = RunJournal.open(file, 0, ['base', 'policy']).journal;
    for (const g of groups.slice(0, 25)) first.append(g);
    first.close();
    const second = RunJournal.open(file, 0, ['base', 'policy'], () => {});
    expect(second.done).toBe(25);
    for (const g of groups.slice(25)) second.journal.append(g);
    second.journal.close();
    appendFileSync(file, '{"run":40,"seed":"seed40","outputs":[{"scen');
    // when it is read back
    const back: PackedGroup[] = [];
    const { journal, done } = RunJournal.open(file, 0, ['base', 'policy'], (g) => back.push(g));
    journal.close();
    // then every group comes back with the same layouts and the same bits
    expect(done).toBe(40);
    expect(back.map((g) => g.outputs.map((o) => [o.scenario, o.run, o.seed, o.logHash, o.layout]))).toEqual(groups.map((g) => g.outputs.map((o) => [o.scenario, o.run, o.seed, o.logHash, o.layout])));
    for (const [i, g] of back.entries()) {
      for (const [k, o] of g.outputs.entries()) expect(Buffer.from(o.values.buffer).equals(Buffer.from((groups[i] as PackedGroup).outputs[k]?.values.buffer as ArrayBuffer))).toBe(true);
    }
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
  });
});

describe('result files from packed outputs', () => {
  // SHA-256 of the files the row-by-row writer (before packed outputs) wrote for this plan.
  const GOLDEN = {
    'runs.csv': 'cd22be5f7489f55cdeabdb0246acc270f6c057be32b58fd3061b0d2bdf9ad592',
    'runs.arrow': '803ba46be14de784aaa96c1c105b12691c1ed4fddbd1ee7e1c6e7b0fd97d49da',
    'summary.json': '3b79e39360e0dc2d81d63442e569b03c5be9dea68e65eba55cab85ff21ae33f0',
    'comparison.json': 'a02f7fa8c12799e5d973ee424e3aec08c9740ad366ccfc71289a5790d19c613a',
    'comparison.csv': '02764e210a15eb042f2c21272ed3c96eed37616191cd76b5701a99262e91b9e7',
  };

  it('are byte for byte those of the row-by-row writer, in this thread and on 2 workers', async () => {
    // given 300 runs of ragged outputs (missing cells, NaN, infinities, -0, quoted and
    // non-ASCII ids): several Arrow batches, a summary spill, changing layouts
    const dir = tempDir();
    for (const workers of [0, 2]) {
      const out = join(dir, `w${workers}`);
      await runFake(raggedPlan(300), out, { workers });
      // then every file has the digest the previous writer gave
      for (const [name, digest] of Object.entries(GOLDEN)) expect([workers, name, sha256(join(out, name))]).toEqual([workers, name, digest]);
    }
  });

  it('are the same after a resume and after merging slices, with ragged outputs', async () => {
    const dir = tempDir();
    await runFake(raggedPlan(40), join(dir, 'whole'));
    // given an interrupted run, resumed
    const controller = new AbortController();
    const cut = join(dir, 'cut');
    await runFake(raggedPlan(40), cut, { workers: 2, signal: controller.signal, onProgress: (done) => done >= 17 && controller.abort() }).catch(() => undefined);
    const resumed = await runFake(raggedPlan(40), cut, { resume: true });
    expect(resumed.resumed).toBeGreaterThanOrEqual(17);
    // and slices, merged
    await runFake(raggedPlan(40, { from: 0, to: 13 }), join(dir, 'a'));
    await runFake(raggedPlan(40, { from: 13, to: 40 }), join(dir, 'b'), { workers: 2 });
    await mergeResults([join(dir, 'b'), join(dir, 'a')], { out: join(dir, 'merged') });
    // then both equal the uninterrupted run
    const whole = folderBytes(join(dir, 'whole'));
    expect(folderBytes(cut)).toEqual(whole);
    expect(folderBytes(join(dir, 'merged'))).toEqual(whole);
  });
});
