import { mkdtempSync, openSync, closeSync, ftruncateSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkScenarioFile, isScenarioError, loadScenario, parseScenarioText } from '../../src/format/index.ts';
import { MAX_FILE_BYTES } from '../../src/format/limits.ts';
import { testCatalog } from './support/catalog.ts';
import { readExpectation } from './support/expectations.ts';

const dir = fileURLToPath(new URL('../fixtures/malformed/', import.meta.url));
const corpus = readdirSync(dir)
  .sort()
  .map((name) => ({ name, expectation: readExpectation(join(dir, name), name) }))
  .filter((entry) => entry.expectation !== undefined);

describe('the malformed scenario corpus', () => {
  it('has at least 40 files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus)('$name is refused with the expected located problem', ({ name, expectation }) => {
    // given a malformed file; when it is checked
    const outcome = checkScenarioFile(join(dir, name), testCatalog);
    // then it is refused, and one problem matches code, place, path and suggestion exactly
    expect(outcome.scenario).toBeUndefined();
    const exp = expectation!;
    const summary = outcome.problems.map((p) => `${p.code} ${p.line}:${p.column} ${p.path} ${p.suggestion ?? ''}`);
    const match = outcome.problems.find(
      (p) =>
        p.code === exp.code &&
        p.line === exp.line &&
        p.column === exp.column &&
        (exp.path === undefined || p.path.includes(exp.path)) &&
        p.suggestion === exp.suggestion,
    );
    expect(match, summary.join('\n')).toBeDefined();
    expect(match!.file.endsWith('.yaml') || match!.file.endsWith('.json')).toBe(true);
  });

  it.each(corpus)('$name throws a ScenarioError whose message is a compiler-style listing', ({ name }) => {
    let thrown: unknown;
    try {
      loadScenario(join(dir, name), testCatalog);
    } catch (error) {
      thrown = error;
    }
    expect(isScenarioError(thrown)).toBe(true);
    if (!isScenarioError(thrown)) return;
    expect(thrown.code).toBe('SCENARIO_INVALID');
    expect(thrown.problems.length).toBeGreaterThan(0);
    const first = thrown.problems[0]!;
    const where = first.line === undefined ? first.file : `${first.file}:${first.line}:${first.column}`;
    expect(thrown.message).toContain(where);
  });
});

describe('oversized files', () => {
  const temp = mkdtempSync(join(tmpdir(), 'stibium-scenario-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('refuses a 50 MB file from its size alone, before reading it', () => {
    // given a 50 MB sparse file (never written byte by byte)
    const path = join(temp, 'huge.yaml');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    // when it is checked, then the only problem is its size
    const outcome = checkScenarioFile(path, testCatalog);
    expect(outcome.problems).toEqual([
      expect.objectContaining({ code: 'FILE_TOO_LARGE', file: path, path: '', found: `${50 * 1024 * 1024} bytes` }),
    ]);
    expect(outcome.problems[0]!.message).toContain('50.0 MB');
  });

  it('refuses text over the limit given in memory', () => {
    const text = `name: big\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    expect(() => parseScenarioText(text, 'big.yaml', testCatalog)).toThrow(/FILE_TOO_LARGE|limited to 5.0 MB/);
  });

  it('reports a missing root file as FILE_NOT_FOUND', () => {
    const outcome = checkScenarioFile(join(temp, 'nope.yaml'), testCatalog);
    expect(outcome.problems).toEqual([expect.objectContaining({ code: 'FILE_NOT_FOUND' })]);
  });

  it('reports a directory as unreadable', () => {
    const outcome = checkScenarioFile(temp, testCatalog);
    expect(outcome.problems).toEqual([expect.objectContaining({ code: 'FILE_UNREADABLE' })]);
  });

  it('lists every problem of a file at once, in line order', () => {
    const path = join(temp, 'many.yaml');
    writeFileSync(path, "name: many\nhorizon: { start: '2025-01', end: '2030-12' }\nvintage: mcs2025\nruns: -1\nseeed: 3\nparameters:\n  a: nope + 1\n");
    const outcome = checkScenarioFile(path, testCatalog);
    expect(outcome.problems.map((p) => [p.code, p.line])).toEqual([
      ['OUT_OF_RANGE', 4],
      ['UNKNOWN_KEY', 5],
      ['EXPRESSION', 7],
    ]);
  });
});
