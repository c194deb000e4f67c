import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, start, stibium, tempDir, waitForJournal } from './support.ts';

const baseline = `${FIXTURES}/baseline.yaml`;
const policy = `${FIXTURES}/policy.yaml`;

function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().filter((f) => f !== 'logs').map((f) => [f, readFileSync(join(dir, f), 'base64')]));
}

// Each test starts node processes that load the whole stack: generous timeouts for busy CI machines.
describe('stibium CLI', { timeout: 240_000 }, () => {
  it('run --json prints one JSON document on stdout and writes the results folder', () => {
    const out = join(tempDir(), 'r');
    const r = stibium(['run', baseline, policy, '--runs', '4', '--out', out, '--json', '--workers', '2', '--no-report']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scenarios).toEqual(['baseline', 'policy']);
    expect(doc.baseline).toBe('baseline');
    expect(doc.summary.policy['pk.exportEarnings']['2025'].n).toBe(4);
    expect(doc.comparison.differences.policy['pk.exportEarnings']['2025'].meanDifference).toBeGreaterThan(0);
    expect(readdirSync(out).sort()).toEqual(['comparison.csv', 'comparison.json', 'manifest.json', 'runs.arrow', 'runs.csv', 'summary.json']);
  });

  it('prints summary and comparison tables without --json', () => {
    const out = join(tempDir(), 'r');
    const r = stibium(['compare', policy, '--baseline', baseline, '--variant', 'big', '--runs', '3', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('policy/big minus baseline');
    expect(r.stdout).toContain('95% CI');
    expect(r.stdout).toContain(`Results: ${out}`);
  });

  it('exits 2 naming file:line:col for a bad scenario, without a stack and without a results folder', () => {
    const dir = tempDir();
    const r = stibium(['run', `${FIXTURES}/bad.yaml`, '--out', join(dir, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:6:1/);
    expect(r.stderr).toContain('runs');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 2 for bad options and missing files, 0 for help', () => {
    const runs = stibium(['run', baseline, '--runs', 'many']);
    expect(runs.code).toBe(2);
    expect(runs.stderr).toContain('--runs expects a whole number');
    const missing = stibium(['run', 'nope.yaml', '--run-range', '0:2']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml');
    expect(stibium(['frobnicate']).code).toBe(2);
    const help = stibium(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });

  it('exits 1 with a short message on an internal (model) error, the stack only with STIBIUM_DEBUG=1', () => {
    const dir = tempDir();
    const r = stibium(['run', `${FIXTURES}/fail.yaml`, '--out', join(dir, 'f'), '--workers', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fake model failure at run 2');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const debug = stibium(['run', `${FIXTURES}/fail.yaml`, '--out', join(dir, 'g'), '--workers', '1'], { STIBIUM_DEBUG: '1' });
    expect(debug.stderr).toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'f'))).toBe(false);
  });

  it('validate reports every problem and exits 2; schema prints JSON', () => {
    const v = stibium(['validate', baseline, `${FIXTURES}/bad.yaml`, '--json']);
    expect(v.code).toBe(2);
    const doc = JSON.parse(v.stdout);
    expect(doc.files.map((f: { ok: boolean }) => f.ok)).toEqual([true, false]);
    const s = stibium(['schema']);
    expect(s.code).toBe(0);
    expect(typeof JSON.parse(s.stdout)).toBe('object');
  });

  it('SIGKILL mid-run leaves no complete-looking file; --resume finishes with the uninterrupted bytes', async () => {
    const dir = tempDir();
    const args = ['run', `${FIXTURES}/slow.yaml`, '--runs', '40', '--workers', '1', '--no-report'];
    expect(stibium([...args, '--out', join(dir, 'whole')]).code).toBe(0);
    const out = join(dir, 'killed');
    const { child, done } = start([...args, '--out', out]);
    await waitForJournal(`${out}.partial`, 16);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    const left = readdirSync(`${out}.partial`).filter((f) => !f.includes('.tmp-')).sort();
    expect(left).toEqual(['experiment.json', 'runs.ndjson']);
    const resumed = stibium(['run', '--resume', `${out}.partial`, '--workers', '2', '--no-report']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(filesOf(out)).toEqual(filesOf(join(dir, 'whole')));
  });

  it('SIGINT stops, says where the partial results are and how to resume (exit 130)', async () => {
    const dir = tempDir();
    const out = join(dir, 'int');
    const { child, done } = start(['run', `${FIXTURES}/slow.yaml`, '--runs', '400', '--workers', '1', '--out', out]);
    await waitForJournal(`${out}.partial`, 16);
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain(`Partial results are in ${out}.partial`);
    expect(r.stderr).toContain(`stibium run --resume ${out}.partial`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('stibium replay', { timeout: 240_000 }, () => {
  it('rebuilds outcomes at a month from the logs kept with --keep-logs', () => {
    const out = join(tempDir(), 'r');
    expect(stibium(['run', baseline, '--runs', '2', '--keep-logs', '--out', out, '--json']).code).toBe(0);
    const r = stibium(['replay', out, '--run', '1', '--at', '2025-06', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.eventTypes).toEqual({ MonthStarted: 6, Traded: 6 });
    expect(Object.keys(doc.outcomes['price.exChina'])).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    const csv = readFileSync(join(out, 'runs.csv'), 'utf8').split('\n').find((l) => l.startsWith('baseline,1,') && l.includes(',price.exChina,2025-06,'));
    expect(doc.outcomes['price.exChina']['2025-06']).toBe(Number(csv?.split(',')[5]));
    expect(stibium(['replay', out, '--run', '9', '--at', '2025-06']).code).toBe(2);
  });
});
