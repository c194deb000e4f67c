import { describe, expect, it } from 'vitest';
import { loadScenario, scenarioCatalog } from '../../src/index.ts';
import type { ResolvedScenario } from '../../src/index.ts';

// scenarios/local-refining.yaml declares the lever `refinery` (none, roaster, concentrator)
// and switches its refinery events with `if:`. Its default must give the events the file
// had before the lever existed, in the same order (the order is part of the results).
const catalog = scenarioCatalog();
const FILE = 'scenarios/local-refining.yaml';
const ids = (s: ResolvedScenario): string[] => s.events.map((e) => (e as { id?: string }).id ?? e.type);
const baselineEvents = ['exportControl', 'exportControl', 'exportControl', 'mineDisruption'];

describe('the refinery lever of scenarios/local-refining.yaml', () => {
  const asWritten = loadScenario(FILE, catalog);

  it('by default builds the roaster after the baseline events, and the variant the concentrator first', () => {
    expect(asWritten.levers['refinery']).toMatchObject({ value: 'roaster', options: ['none', 'roaster', 'concentrator'] });
    expect(ids(asWritten)).toEqual([...baselineEvents, 'pk-roaster-balochistan']);
    expect(asWritten.events[4]).toMatchObject({ stage: 'roaster', capacityTonnesPerYear: 1000, capexUsd: 25e6 });
    const variant = asWritten.variants['concentrator-only'] as ResolvedScenario;
    expect(variant.levers['refinery']?.value).toBe('concentrator');
    expect(ids(variant)).toEqual(['pk-concentrator', ...baselineEvents]);
  });

  it('runs the baseline events alone with refinery=none, in the scenario and its variant', () => {
    const none = loadScenario(FILE, catalog, { levers: { refinery: 'none' } });
    expect(none.events.map((e) => e.type)).not.toContain('buildRefinery');
    expect(none.events).toEqual(loadScenario('scenarios/baseline.yaml', catalog).events);
    expect(ids(none.variants['concentrator-only'] as ResolvedScenario)).toEqual(baselineEvents);
  });

  it('builds the concentrator instead with refinery=concentrator', () => {
    const concentrator = loadScenario(FILE, catalog, { levers: { refinery: 'concentrator' } });
    expect(ids(concentrator)).toEqual([...baselineEvents, 'pk-concentrator']);
  });
});
