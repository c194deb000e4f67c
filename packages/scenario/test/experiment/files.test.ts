import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { studentTQuantile, quantileSorted } from '../../src/results/stats.ts';
import { parseCsvLine, csvLine } from '../../src/results/csv.ts';
import { runFake, tempDir, twoScenarioPlan } from './support/run.ts';
import { runScenarioOnce } from './support/fake-model.ts';
import { fakeScenario } from './support/scenarios.ts';
import { runSeed } from '../../src/experiment/seeds.ts';

describe('results files', () => {
  it('writes runs.csv and runs.arrow with the same rows, equal to the model outputs', async () => {
    const dir = tempDir();
    await runFake(twoScenarioPlan(3), join(dir, 'r'));
    const lines = readFileSync(join(dir, 'r', 'runs.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('scenario,run,seed,outcome,period,value');
    const rows = lines.slice(1).map(parseCsvLine);
    // 2 scenarios x 3 runs x (2 years + 24 months)
    expect(rows).toHaveLength(2 * 3 * 26);
    const table = tableFromIPC(readFileSync(join(dir, 'r', 'runs.arrow')));
    expect(table.numRows).toBe(rows.length);
    expect(table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(['scenario:Utf8', 'run:Int32', 'seed:Utf8', 'outcome:Utf8', 'period:Utf8', 'value:Float64']);
    for (let i = 0; i < rows.length; i += 17) {
      const r = table.get(i)?.toJSON() as Record<string, unknown>;
      const [scenario, run, seed, outcome, period, value] = rows[i] as string[];
      expect([r['scenario'], r['run'], r['seed'], r['outcome'], r['period'], r['value']]).toEqual([scenario, Number(run), seed, outcome, period, Number(value)]);
    }
    // a value read back equals the model's own number exactly
    const direct = runScenarioOnce(fakeScenario('policy', { capacity: 130, drift: 0.001 }), undefined, 2, runSeed('test-seed', 2), { keepLog: false });
    const row = rows.find((r) => r[0] === 'policy' && r[1] === '2' && r[3] === 'pk.exportEarnings' && r[4] === '2026');
    expect(Number(row?.[5])).toBe(direct.outcomes['pk.exportEarnings']?.['2026']);
  });

  it('summarises with mean, sd, p5, p50, p95 and n per scenario, outcome and period', async () => {
    const dir = tempDir();
    await runFake(twoScenarioPlan(5), join(dir, 'r'));
    const summary = JSON.parse(readFileSync(join(dir, 'r', 'summary.json'), 'utf8'));
    const csv = readFileSync(join(dir, 'r', 'runs.csv'), 'utf8').trimEnd().split('\n').slice(1).map(parseCsvLine);
    const values = csv.filter((r) => r[0] === 'baseline' && r[3] === 'pk.exportEarnings' && r[4] === '2025').map((r) => Number(r[5]));
    const s = summary.baseline['pk.exportEarnings']['2025'];
    expect(s.n).toBe(5);
    expect(s.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 5, 6);
    const sorted = [...values].sort((a, b) => a - b);
    expect(s.p50).toBe(sorted[2]);
    const [a, b] = sorted as [number, number];
    expect(s.p5).toBeCloseTo(a + 0.2 * (b - a), 6);
    expect(Object.keys(summary)).toEqual(['baseline', 'policy']);
  });

  it('keeps summaries exact past the 256-run spill blocks', async () => {
    // given 600 runs (values spilled to the scratch file in blocks of 256 runs)
    const dir = tempDir();
    const plan = twoScenarioPlan(600);
    await runFake({ ...plan, baseline: null, cases: plan.cases.slice(0, 1) }, join(dir, 'r'));
    const summary = JSON.parse(readFileSync(join(dir, 'r', 'summary.json'), 'utf8'));
    const csv = readFileSync(join(dir, 'r', 'runs.csv'), 'utf8').trimEnd().split('\n').slice(1).map(parseCsvLine);
    for (const [outcome, period] of [['pk.exportEarnings', '2026'], ['price.exChina', '2025-07']] as const) {
      const values = csv.filter((r) => r[3] === outcome && r[4] === period).map((r) => Number(r[5]));
      let sum = 0;
      for (const v of values) sum += v;
      const sorted = [...values].sort((a, b) => a - b);
      const s = summary.baseline[outcome][period];
      // then the statistics are those of all 600 values in run order, to the last bit
      expect(s.n).toBe(600);
      expect(s.mean).toBe(sum / 600);
      expect(s.p50).toBe(quantileSorted(sorted, 0.5));
      expect(s.p95).toBe(quantileSorted(sorted, 0.95));
    }
    expect(readdirSync(join(dir, 'r')).some((f) => f.includes('tmp'))).toBe(false);
  });

  it('computes paired differences with a t-based 95% CI', async () => {
    const dir = tempDir();
    await runFake(twoScenarioPlan(6), join(dir, 'r'));
    const comparison = JSON.parse(readFileSync(join(dir, 'r', 'comparison.json'), 'utf8'));
    const csv = readFileSync(join(dir, 'r', 'runs.csv'), 'utf8').trimEnd().split('\n').slice(1).map(parseCsvLine);
    const pick = (s: string): number[] => csv.filter((r) => r[0] === s && r[3] === 'pk.exportEarnings' && r[4] === '2026').map((r) => Number(r[5]));
    const d = pick('policy').map((p, i) => p - (pick('baseline')[i] as number));
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
    const c = comparison.differences.policy['pk.exportEarnings']['2026'];
    expect(c.n).toBe(6);
    expect(c.meanDifference).toBeCloseTo(mean, 4);
    expect(c.sd).toBeCloseTo(sd, 4);
    expect(c.ciHigh - c.meanDifference).toBeCloseTo((2.570581835636 * sd) / Math.sqrt(6), 4);
    expect(readFileSync(join(dir, 'r', 'comparison.csv'), 'utf8').split('\n')[0]).toBe('policy,baseline,outcome,period,n,mean_difference,sd,ci_low,ci_high,baseline_mean,policy_mean');
  });

  it('quotes CSV fields that need it and reads them back', () => {
    const line = csvLine({ scenario: 'a,"b"', run: 1, seed: 's', outcome: 'o', period: '2025', value: -0 });
    expect(line).toBe('"a,""b""",1,s,o,2025,0\n');
    expect(parseCsvLine(line.trimEnd())).toEqual(['a,"b"', '1', 's', 'o', '2025', '0']);
  });

  it('has the textbook t quantiles and type-7 quantiles', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062047362, 8);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.2281388520, 8);
    expect(studentTQuantile(0.025, 30)).toBeCloseTo(-2.0422724563, 8);
    expect(quantileSorted([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(quantileSorted([7], 0.95)).toBe(7);
  });
});
