import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResults, renderReport } from '../src/index.ts';
import { mergeAssumptions, parseAssumptions, parseOutcomes, scenarioAssumptions } from '../src/input/metadata.ts';
import { orderOutcomes, outcomeInfo } from '../src/input/outcomes.ts';
import type { SourceInfo } from '../src/input/types.ts';
import { formatNumber, formatWithUnit } from '../src/format.ts';
import { writeFixture } from './support/fixture.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('outcome definitions', () => {
  const outcomes = parseOutcomes([
    { id: 'pk.exportEarnings', unit: 'USD/yr', description: 'earnings' },
    { id: 'world.mineProduction.<ISO3>', unit: 't Sb/yr', description: 'by country' },
    { id: 'pk.exportEarnings.to.<dest>', unit: 'USD/yr', description: 'by destination' },
    { unit: 'no id: skipped' },
  ]);

  it('reads a bare catalogue array and skips entries without an id', () => {
    expect([...outcomes.keys()]).toEqual(['pk.exportEarnings', 'world.mineProduction.<ISO3>', 'pk.exportEarnings.to.<dest>']);
    expect(parseOutcomes({ outcomes: [{ id: 'a' }] }).get('a')).toEqual({ id: 'a', unit: null, description: null, formula: null });
  });

  it('resolves family ids for one dot-free segment', () => {
    expect(outcomeInfo(outcomes, 'world.mineProduction.PAK')?.description).toBe('by country');
    expect(outcomeInfo(outcomes, 'pk.exportEarnings.to.USA')?.description).toBe('by destination');
    expect(outcomeInfo(outcomes, 'world.mineProduction.PAK.x')).toBeUndefined();
    expect(outcomeInfo(outcomes, 'world.mineProduction.')).toBeUndefined();
  });

  it('orders ids by catalogue position, then by code point', () => {
    expect(orderOutcomes(['zz', 'world.mineProduction.CHN', 'aa', 'pk.exportEarnings'], outcomes)).toEqual(['pk.exportEarnings', 'world.mineProduction.CHN', 'aa', 'zz']);
  });
});

describe('assumptions', () => {
  it('reads src keys, inline sources and "assumption"', () => {
    const sources = new Map<string, SourceInfo>();
    const list = parseAssumptions([{ id: 'a', value: 1, src: 'K' }, { name: 'b', value: [1, 2], source: { title: 'Paper', url: 'https://x.org' } }, { path: 'c', src: 'assumption' }], sources);
    expect(list.map((a) => [a.id, a.value, a.source])).toEqual([['a', '1', 'K'], ['b', '[1,2]', 'Paper'], ['c', null, 'assumption']]);
    expect(sources.get('Paper')).toEqual({ key: 'Paper', title: 'Paper', url: 'https://x.org', via: null });
  });

  it("lists a scenario's own settings with its file as source, merged across scenarios", () => {
    const resolved = { parameters: { r: 0.05 }, overrides: { 'a.b': { expression: 'u * 2', dependsOn: ['u'] } }, uncertainties: { u: { type: 'uniform', min: 1, max: 2, unit: 't' } }, levers: { t: { value: true } }, events: [{ type: 'ban', at: '2026-01' }] };
    const a = scenarioAssumptions('one', resolved, 'one.yaml');
    expect(a.map((x) => [x.id, x.value])).toEqual([
      ['parameters.r', '0.05'],
      ['overrides.a.b', 'u * 2'],
      ['uncertainties.u', 'uniform(min 1, max 2)'],
      ['levers.t', 'true'],
      ['events[0].ban', '{"type":"ban","at":"2026-01"}'],
    ]);
    const merged = mergeAssumptions([...a, ...scenarioAssumptions('two', resolved, 'two.yaml')], 2);
    expect(merged).toHaveLength(5);
    expect(merged[0]).toMatchObject({ scenario: 'all scenarios', source: 'each scenario file (see Provenance)' });
    expect(mergeAssumptions([...a, ...scenarioAssumptions('two', resolved, 'two.yaml')], 3)[0]?.scenario).toBe('one, two');
  });
});

describe('reading a results folder', () => {
  it('takes outcomes and assumptions from the manifest when the files are absent', () => {
    const dir = writeFixture({ omit: ['outcomes', 'assumptions'] });
    dirs.push(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    manifest['outcomes'] = [{ id: 'pk.exportEarnings', unit: 'USD/yr', description: 'from the manifest' }];
    manifest['sources'] = { S: { title: 'Src', url: 'https://s.org' } };
    manifest['assumptions'] = [{ id: 'x', value: 2, src: 'S' }];
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const data = readResults(dir);
    expect(data.outcomes.get('pk.exportEarnings')?.description).toBe('from the manifest');
    expect(data.assumptions[0]).toMatchObject({ id: 'x', value: '2', source: 'S' });
    expect(data.sources.get('S')?.title).toBe('Src');
    expect(data.notes.filter((n) => n.includes('No model assumptions') || n.includes('No outcome definitions'))).toEqual([]);
  });

  it('draws the p25-p75 band when the summary has inner quantiles', async () => {
    const dir = writeFixture({ scenarios: 2 });
    dirs.push(dir);
    const file = join(dir, 'summary.json');
    const summary = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, Record<string, Record<string, number>>>>;
    for (const periods of Object.values(summary['baseline'] ?? {})) for (const s of Object.values(periods)) Object.assign(s, { p25: (s['p5'] ?? 0) * 1.05, p75: (s['p95'] ?? 0) * 0.95 });
    writeFileSync(file, JSON.stringify(summary));
    const html = await renderReport(dir);
    expect(html.includes('Median (line) and p5-p95 band, p25-p75 band darker')).toBe(true);
    expect(html.includes('fill="#3b82f6"')).toBe(true);
  });
});

describe('number formatting', () => {
  it('keeps four significant digits, a dash for missing values, shares as percent', () => {
    expect(formatNumber(12345678)).toBe('12,350,000');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatWithUnit(0.4567, '0-1')).toBe('45.7%');
    expect(formatWithUnit(12_340_000, 'USD/yr')).toBe('12.34 million USD/yr');
    expect(formatWithUnit(2475, '0-10000')).toBe('2,475');
  });
});
