import { describe, expect, it } from 'vitest';
import { applyOverrides, scenarioJsonSchema } from '../../src/format/index.ts';

describe('applyOverrides', () => {
  const world = { pk: { royalty: 0.1, tax: 0.2 }, facilities: [{ capacity: 100 }, { capacity: 200 }], untouched: { deep: { x: 1 } } };

  it('returns a new object with the paths set, sharing unchanged branches and leaving the input alone', () => {
    const before = JSON.stringify(world);
    const out = applyOverrides(world, { 'pk.royalty': 0.15, 'facilities.1.capacity': 250 });
    expect(out).toEqual({ pk: { royalty: 0.15, tax: 0.2 }, facilities: [{ capacity: 100 }, { capacity: 250 }], untouched: { deep: { x: 1 } } });
    expect(JSON.stringify(world)).toBe(before);
    expect(out.untouched).toBe(world.untouched);
  });

  it('refuses unknown paths with a suggestion, paths to groups, and non-finite values', () => {
    expect(() => applyOverrides(world, { 'pk.royalti': 1 })).toThrow('unknown parameter path `pk.royalti`: no `royalti` (did you mean `royalty`?)');
    expect(() => applyOverrides(world, { pk: 1 })).toThrow('names a group of parameters');
    expect(() => applyOverrides(world, { 'pk.royalty': Number.NaN })).toThrow('finite');
    expect(() => applyOverrides(world, { '__proto__.x': 1 })).toThrow('unknown parameter path');
  });
});

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as { properties: Record<string, { description?: string }>; additionalProperties: unknown };

  it('documents every top-level key and forbids others', () => {
    const keys = Object.keys(schema.properties).sort();
    expect(keys).toEqual(
      ['$schema', 'name', 'description', 'extends', 'horizon', 'timeStep', 'vintage', 'parameters', 'overrides', 'uncertainties', 'correlations', 'levers', 'events', 'rules', 'runs', 'seed', 'outcomes', 'variants'].sort(),
    );
    for (const key of keys) expect(schema.properties[key]?.description, key).toBeTruthy();
    expect(schema.additionalProperties).toBe(false);
  });

  it('lets numbers in events be expressions, and closes event objects to unknown keys', () => {
    const text = JSON.stringify(schema.properties['events']);
    expect(text).toContain('"capacityTonnesPerYear":{"anyOf":[{"type":"number","exclusiveMinimum":0},{"type":"string"');
    expect(text).toContain('"additionalProperties":false');
  });
});
