import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, stibium, tempDir } from './support.ts';

const levers = 'packages/cli/test/fixtures/levers.yaml';
const many = 'packages/cli/test/fixtures/many-levers.yaml';
const narrow = 'packages/cli/test/fixtures/narrow-levers.yaml';
const baseline = `${FIXTURES}/baseline.yaml`;

interface ManifestScenario {
  id: string;
  resolved: { levers: Record<string, { value: unknown }>; events: { id?: string; type: string; capacityTonnesPerYear?: number }[] };
}

function manifestOf(out: string): { scenarios: ManifestScenario[] } {
  return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { scenarios: ManifestScenario[] };
}

describe('--lever', { timeout: 240_000 }, () => {
  it('sets lever values for the run: expressions and `if` see them, the manifest records them', () => {
    // given a roaster event switched by `refinery` and sized by `size`; when run with other values
    const out = join(tempDir(), 'r');
    const r = stibium(['run', levers, '--lever', 'size=3', '--lever', 'label=other', '--out', out, '--json', '--no-report', '--workers', '1']);
    // then the run succeeds, the event is three times as large, and the manifest shows the values used
    expect(r.code, r.stderr).toBe(0);
    const [scenario] = manifestOf(out).scenarios;
    expect(scenario?.id).toBe('levers');
    expect(scenario?.resolved.levers).toMatchObject({ refinery: { value: 'roaster' }, size: { value: 3 }, label: { value: 'other' } });
    expect(scenario?.resolved.events).toEqual([expect.objectContaining({ id: 'roaster', capacityTonnesPerYear: 1500 })]);
    expect(JSON.stringify(scenario?.resolved.events)).not.toContain('"if"');

    const off = join(tempDir(), 'r');
    expect(stibium(['run', levers, '--lever', 'refinery=none', '--out', off, '--json', '--no-report', '--workers', '1']).code).toBe(0);
    expect(manifestOf(off).scenarios[0]?.resolved.events).toEqual([]);
  });

  it('leaves out, with a note, a variant that does not allow the --lever value; naming it with --variant is an error', () => {
    // given a variant that narrows `size` to 1 or 2; when size=3 is asked for with every variant
    const out = join(tempDir(), 'r');
    const r = stibium(['run', narrow, '--lever', 'size=3', '--all-variants', '--out', out, '--json', '--no-report', '--workers', '1']);
    // then the base runs and the variant sits out, said on stderr
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('variant "narrow" left out: --lever size=3 is not one of its options (1, 2)');
    expect(manifestOf(out).scenarios.map((s) => s.id)).toEqual(['narrow-levers', 'narrow-levers/big']);
    // and asking for that variant by name is a usage error that says why
    const named = stibium(['run', narrow, '--lever', 'size=3', '--variant', 'narrow', '--out', join(tempDir(), 'r'), '--no-report', '--workers', '1']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('variant "narrow" cannot run with these levers: --lever size=3 is not one of its options (1, 2)');
    // validate says it too, and passes
    const checked = stibium(['validate', narrow, '--lever', 'size=3']);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain('variant narrow cannot run with these levers');
  });

  it('drops the refinery of the shipped local-refining scenario with refinery=none', () => {
    const out = join(tempDir(), 'r');
    const r = stibium(['run', 'scenarios/local-refining.yaml', '--lever', 'refinery=none', '--runs', '1', '--out', out, '--json', '--no-report', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    const [scenario] = manifestOf(out).scenarios;
    expect(scenario?.resolved.levers['refinery']?.value).toBe('none');
    expect(scenario?.resolved.events.map((e) => e.type)).not.toContain('buildRefinery');
  });

  it('exits 2 for a lever no file declares (with a suggestion), a value outside the options, and malformed text', () => {
    const dir = tempDir();
    const unknown = stibium(['run', levers, '--lever', 'refinary=none', '--out', join(dir, 'a')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no scenario declares a lever `refinary` (did you mean `refinery`?); levers: label, refinery, size');
    const outside = stibium(['run', levers, '--lever', 'size=7', '--out', join(dir, 'b')]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('--lever size=7: not an option of lever `size`');
    expect(outside.stderr).toContain('options: 1, 2, 3');
    const text = stibium(['compare', levers, '--baseline', baseline, '--lever', 'size', '--out', join(dir, 'c')]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('--lever expects name=value');
    expect(existsSync(join(dir, 'a')) || existsSync(join(dir, 'b')) || existsSync(join(dir, 'c'))).toBe(false);
  });

  it('validate checks files with the levers given, and refuses unknown ones', () => {
    const ok = stibium(['validate', levers, baseline, '--lever', 'refinery=none']);
    expect(ok.code, ok.stderr).toBe(0);
    const bad = stibium(['validate', levers, '--lever', 'refinery=nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('options: none, roaster');
    expect(stibium(['validate', baseline, '--lever', 'refinery=none']).stderr).toContain('none of the scenarios declares levers');
  });
});

describe('--all-levers', { timeout: 240_000 }, () => {
  it('runs every combination of lever options as a case named name[lever=value,...]', () => {
    const out = join(tempDir(), 'r');
    const r = stibium(['run', levers, '--all-levers', '--keep-logs', '--runs', '1', '--out', out, '--json', '--no-report', '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    const ids = ['none', 'roaster'].flatMap((refinery) => [1, 2, 3].map((size) => `levers[refinery=${refinery},size=${size}]`));
    expect(JSON.parse(r.stdout).scenarios).toEqual(ids);
    const scenarios = manifestOf(out).scenarios;
    expect(scenarios.map((s) => [s.resolved.levers['refinery']?.value, s.resolved.levers['size']?.value, s.resolved.events.length])).toEqual([
      ['none', 1, 0],
      ['none', 2, 0],
      ['none', 3, 0],
      ['roaster', 1, 1],
      ['roaster', 2, 1],
      ['roaster', 3, 1],
    ]);
    // Case ids become safe folder names for the logs.
    expect(existsSync(join(out, 'logs', 'levers_refinery_none_size_1_', 'run-000000.sqlite'))).toBe(true);
  });

  it('leaves out levers fixed with --lever, adds variants with --all-variants, and compares each case with the baseline', () => {
    const out = join(tempDir(), 'r');
    const r = stibium(['compare', levers, '--baseline', baseline, '--all-levers', '--lever', 'size=2', '--all-variants', '--runs', '2', '--out', out, '--json', '--no-report', '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scenarios).toEqual(['baseline', 'levers[refinery=none]', 'levers[refinery=roaster]', 'levers/big']);
    expect(Object.keys(doc.comparison.differences).sort()).toEqual(['levers/big', 'levers[refinery=none]', 'levers[refinery=roaster]']);
    expect(manifestOf(out).scenarios.map((s) => s.resolved.levers['size']?.value)).toEqual([undefined, 2, 2, 2]);
  });

  it(`exits 2 when the combinations are more than 64`, () => {
    const r = stibium(['run', many, '--all-levers', '--out', join(tempDir(), 'r')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sweeping all levers would make 125 combinations (a: 5, b: 5, c: 5); at most 64');
    const fixed = stibium(['validate', many, '--lever', 'a=1']);
    expect(fixed.code).toBe(0);
  });
});
