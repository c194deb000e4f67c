import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenarioText } from '../../src/format/index.ts';
import { testCatalog } from './support/catalog.ts';

const valid = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));
const load = (name: string) => loadScenario(join(valid, name), testCatalog);

describe('loadScenario on valid files', () => {
  it('evaluates parameters in dependency order and expressions in events', () => {
    const s = load('base.yaml');
    expect(s.parameters).toEqual({ baseCapacity: 2000, growth: 0.1, roasterCapacity: 2200 });
    expect(s.events[0]).toMatchObject({ type: 'buildRefinery', id: 'pk-roaster-1', capacityTonnesPerYear: 2200, capexUsd: 40_000_000 });
    expect(s).toMatchObject({ name: 'test-base', horizon: { start: '2025-01', end: '2035-12' }, timeStep: 'month', vintage: 'mcs2025', runs: 100, seed: 42 });
    expect(s.outcomes).toEqual(['pk.*', 'us.netImportReliance']);
  });

  it('is plain JSON: a JSON round trip gives the same value', () => {
    const s = load('child.yaml');
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('records each file with the sha256 of its bytes, the loaded file first', () => {
    const s = load('child.yaml');
    expect(s.files.map((f) => f.path.split('/').pop())).toEqual(['child.yaml', 'base.yaml']);
    const bytes = readFileSync(join(valid, 'base.yaml'));
    expect(s.files[1]).toEqual({ path: join(valid, 'base.yaml'), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
  });

  it('merges extends: parameters re-evaluated, events merged by id, null deletes, overrides deferred', () => {
    const s = load('child.yaml');
    expect(s.name).toBe('test-child');
    expect(s.description).toBe('Base for tests.');
    expect(s.parameters['roasterCapacity']).toBe(2400);
    expect(s.events.map((e) => e.type)).toEqual(['buildRefinery', 'openExportTerminal']);
    expect(s.events[0]).toMatchObject({ capacityTonnesPerYear: 3000, recovery: 0.9, at: '2026-01' });
    expect(s.overrides).toEqual({ 'price.exChina.base': { expression: '30000 * priceShock', dependsOn: ['priceShock'] } });
    expect(s.uncertainties['demand']).toEqual({ type: 'lognormal', mu: 0, sigma: Math.log(1.2) });
    expect(s.correlations).toEqual({ variables: ['priceShock', 'demand'], matrix: [[1, 0.6], [0.6, 1]] });
    expect(s.levers['refinery']).toEqual({ value: 'build', options: ['build', 'skip'], description: 'Whether to build.' });
  });

  it('resolves variants onto the scenario, each a full scenario named after its parent', () => {
    const s = load('child.yaml');
    const v = s.variants['disruption']!;
    expect(v.name).toBe('test-child/disruption');
    expect(v.events.map((e) => e.type)).toEqual(['buildRefinery', 'openExportTerminal', 'supplyShift']);
    expect(v.variants).toEqual({});
    expect(v.files).toEqual(s.files);
  });

  it('handles a diamond of extends and the list directives', () => {
    const s = load('diamond.yaml');
    expect(s.files.map((f) => f.path.split('/').pop())).toEqual(['diamond.yaml', 'diamond-left.yaml', 'minimal.yaml', 'diamond-right.yaml']);
    expect(s.parameters).toEqual({ baseCapacity: 2000, left: 1, right: 2 });
    expect(s.overrides).toEqual({});
    expect(s.levers['route']).toEqual({ value: ['sea', 'air'] });
    expect(s.events.map((e) => e.type)).toEqual(['tariff', 'buildRefinery', 'certification']);
    expect(s.variants['none']!.events).toEqual([]);
    expect(s.variants['none']!.description).toBe('No events at all.');
    expect(s.variants['bigger']!.name).toBe('diamond-bigger');
    expect(s.variants['bigger']!.events[1]).toMatchObject({ id: 'pk-roaster-1', capacityTonnesPerYear: 4000, capexUsd: 40_000_000 });
  });

  it('reads JSON files, string seeds and expressions in number fields of events', () => {
    const s = load('scenario.json');
    expect(s.seed).toBe('json-seed');
    expect(s.events[0]).toEqual({ type: 'tariff', at: '2025-06', importer: 'USA', exporter: 'CHN', rate: 0.5 });
  });

  it('resolves every distribution kind and applies rule defaults', () => {
    const s = load('distributions.yaml');
    expect(s.uncertainties['u']).toEqual({ type: 'uniform', min: 8, max: 12 });
    expect(s.uncertainties['n']).toEqual({ type: 'normal', mean: 0, sd: 1, truncate: { min: -1 } });
    expect(s.uncertainties['d']).toEqual({ type: 'discrete', values: [3, 1, 2], weights: [1, 1, 2] });
    expect(s.rules[0]).toMatchObject({ id: 'release', maxFirings: 1, cooldownMonths: 12 });
    expect(s.correlations?.variables).toEqual(['u', 't', 'n']);
  });

  it('parses text in memory, resolving extends against the given file name', () => {
    const s = parseScenarioText("extends: minimal.yaml\nname: in-memory\nruns: 5\n", join(valid, 'memory.yaml'), testCatalog);
    expect(s).toMatchObject({ name: 'in-memory', runs: 5, vintage: 'mcs2025' });
    expect(s.files[0]!.path).toBe(join(valid, 'memory.yaml'));
  });

  it('defaults runs to 1, seed to 0, outcomes to everything', () => {
    const s = load('minimal.yaml');
    expect([s.runs, s.seed, s.outcomes]).toEqual([1, 0, ['*']]);
  });
});
