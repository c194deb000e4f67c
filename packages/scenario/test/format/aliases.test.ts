import { describe, expect, it } from 'vitest';
import { parseScenarioText, ScenarioError } from '../../src/format/index.ts';
import { testCatalog } from './support/catalog.ts';

// A base event written once with an anchor, reused in a variant by alias; a list of
// destinations anchored in one event and aliased in the next.
const text = `name: aliases
horizon: { start: '2025-01', end: '2030-12' }
vintage: mcs2025
events:
  - &terminal
    id: t1
    type: openExportTerminal
    at: '2026-01'
    country: PAK
    throughputTonnesPerYear: -5000
    freightUsdPerTonne: 120
    transitDays: 30
    capexUsd: 60e6
    leadTimeMonths: 36
    destinations: [us]
variants:
  again:
    events:
      - *terminal
  lists:
    events:
      - { id: t2, type: openExportTerminal, at: '2026-01', country: PAK, throughputTonnesPerYear: 5000, freightUsdPerTonne: 120, transitDays: 30, capexUsd: 60e6, leadTimeMonths: 36, destinations: &places [us, nowhere] }
      - { id: t3, type: openExportTerminal, at: '2026-01', country: PAK, throughputTonnesPerYear: 5000, freightUsdPerTonne: 120, transitDays: 30, capexUsd: 60e6, leadTimeMonths: 36, destinations: *places }
`;

/** `line:column` (1-based) where `needle` is first written in the text. */
function placeOf(needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${(before[before.length - 1] as string).length + 1}`;
}

function problems(): { where: string; path: string }[] {
  try {
    parseScenarioText(text, 'aliases.yaml', testCatalog);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.problems.map((p) => ({ where: `${p.line}:${p.column}`, path: p.path }));
  }
  throw new Error('expected the scenario to be refused');
}

describe('problems inside YAML aliases', () => {
  it('point at the anchored node where the value is written, not at 1:1', () => {
    const found = problems();
    expect(found).toContainEqual({ where: placeOf('-5000'), path: 'events[0].throughputTonnesPerYear' });
    expect(found).toContainEqual({ where: placeOf('-5000'), path: 'variants.again.events[0].throughputTonnesPerYear' });
    const nowhere = found.filter((p) => p.path.endsWith('destinations[1]'));
    expect(nowhere.length).toBeGreaterThanOrEqual(2);
    for (const p of nowhere) expect(p.where).toBe(placeOf('nowhere'));
    expect(found.every((p) => p.where !== '1:1')).toBe(true);
  });

  it('are listed once when a variant re-checks what it inherits', () => {
    const found = problems().map((p) => `${p.where} ${p.path}`);
    expect(new Set(found).size).toBe(found.length);
  });
});
