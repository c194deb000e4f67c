import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkScenarioFile,
  declaredLevers,
  isScenarioError,
  leverCaseId,
  leverCombinations,
  MAX_LEVER_COMBINATIONS,
  overridesForRun,
  parseLeverAssignment,
  parseScenarioText,
  scenarioJsonSchema,
} from '../../src/format/index.ts';
import type { LoadOptions, ResolvedScenario, ScenarioProblem } from '../../src/format/index.ts';
import { testCatalog } from './support/catalog.ts';

const valid = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));

// A refinery event whose capacity and existence depend on levers; minimal.yaml has one event (pk-roaster-1).
const REFINERY = `{ type: buildRefinery, at: '2026-01', country: PAK, stage: roaster, leadTimeMonths: 1, rampUpMonths: 1, recovery: 0.5, operatingCostUsdPerTonne: 1`;

function load(yaml: string, options: LoadOptions = {}): ResolvedScenario {
  return parseScenarioText(`extends: minimal.yaml\n${yaml}`, join(valid, 'levers-test.yaml'), testCatalog, options);
}

function problems(yaml: string, options: LoadOptions = {}): ScenarioProblem[] {
  try {
    load(yaml, options);
  } catch (error) {
    if (isScenarioError(error)) return [...error.problems];
    throw error;
  }
  throw new Error('expected the scenario to be refused');
}

const ids = (s: ResolvedScenario): (string | undefined)[] => s.events.map((e) => (e as { id?: string }).id);

describe('levers in expressions', () => {
  const yaml = `levers:
  size: { value: 2, options: [1, 2, 3] }
  on: true
parameters:
  unit: 500
events:
  - ${REFINERY}, id: r1, capacityTonnesPerYear: unit * size, capexUsd: 1 }
  - ${REFINERY}, id: r2, capacityTonnesPerYear: "on ? 5000 : 1", capexUsd: "on == false ? 1 : 2" }
`;

  it('a numeric lever sets an event value, and --lever changes it', () => {
    // given a capacity of unit * size; when loaded with the file's size, then with size 3
    expect(load(yaml).events[1]).toMatchObject({ id: 'r1', capacityTonnesPerYear: 1000 });
    expect(load(yaml, { levers: { size: 3 } }).events[1]).toMatchObject({ id: 'r1', capacityTonnesPerYear: 1500 });
  });

  it('a boolean lever works as a mathjs boolean in conditions and comparisons', () => {
    expect(load(yaml).events[2]).toMatchObject({ id: 'r2', capacityTonnesPerYear: 5000, capexUsd: 2 });
    expect(load(yaml, { levers: { on: false } }).events[2]).toMatchObject({ id: 'r2', capacityTonnesPerYear: 1, capexUsd: 1 });
  });

  it('overrides read levers: fixed ones now, ones with uncertainties per run', () => {
    const s = load(`levers: { royaltyUp: 0.02 }
uncertainties: { shock: { type: uniform, min: 1, max: 2 } }
overrides:
  pk.royaltyRate: 0.1 + royaltyUp
  price.exChina.base: 30000 * shock * (1 + royaltyUp)
`);
    expect(s.overrides['pk.royaltyRate']).toBeCloseTo(0.12, 12);
    expect(s.overrides['price.exChina.base']).toEqual({ expression: '30000 * shock * (1 + royaltyUp)', dependsOn: ['royaltyUp', 'shock'] });
    expect(overridesForRun(s, { shock: 1.5 })['price.exChina.base']).toBeCloseTo(45900, 9);
  });

  it('rules read levers too', () => {
    const s = load(`levers: { trigger: 0.4 }
rules:
  - { id: rule-1, when: { outcome: price.us, above: trigger }, then: { type: stockpile, country: USA, action: release, tonnes: 500, overMonths: 6 } }
`);
    expect(s.rules[0]?.when).toMatchObject({ above: 0.4 });
  });

  it('a string or list lever in an expression is an error that points at it and says to use `if:`', () => {
    const [p] = problems(`levers: { refinery: build }\noverrides:\n  pk.royaltyRate: "0.1 * refinery"\n`);
    expect(p).toMatchObject({ code: 'EXPRESSION', path: 'overrides["pk.royaltyRate"]', line: 4, column: 26 });
    expect(p?.message).toBe('lever `refinery` is the string "build"; expressions read only numeric and boolean levers: use `if: { refinery: build }` on events and rules to switch them by this lever instead');
  });

  it('parameters may not read levers (they mean the same in every policy)', () => {
    const [p] = problems(`levers: { size: 2 }\nparameters: { big: size * 2 }\n`);
    expect(p).toMatchObject({ code: 'EXPRESSION', path: 'parameters.big' });
    expect(p?.message).toContain('reads lever `size`');
  });

  it('a lever named like a parameter or an uncertainty is refused at its key', () => {
    const ps = problems(`levers: { baseCapacity: 1, shock: 2 }\nuncertainties: { shock: { type: uniform, min: 1, max: 2 } }\n`);
    expect(ps.map((p) => [p.code, p.path, p.line, p.column])).toEqual([
      ['INVALID_VALUE', 'levers.baseCapacity', 2, 11],
      ['INVALID_VALUE', 'levers.shock', 2, 28],
    ]);
    expect(ps[1]?.message).toContain('name of an uncertainty');
  });
});

describe('`if` on events and rules', () => {
  const yaml = `levers:
  refinery: { value: roaster, options: [none, roaster, concentrator] }
  routes: { value: [sea, air], options: [sea, air, rail] }
events:
  - ${REFINERY}, id: roaster, capacityTonnesPerYear: 1, capexUsd: 1, if: { refinery: roaster } }
  - ${REFINERY}, id: either, capacityTonnesPerYear: 1, capexUsd: 1, if: { refinery: [roaster, concentrator] } }
  - ${REFINERY}, id: by-rail, capacityTonnesPerYear: 1, capexUsd: 1, if: { routes: rail } }
  - ${REFINERY}, id: by-sea-roaster, capacityTonnesPerYear: 1, capexUsd: 1, if: { routes: [rail, sea], refinery: roaster } }
`;

  it('keeps an entry when every named lever has one of the values, and drops it otherwise', () => {
    expect(ids(load(yaml))).toEqual(['pk-roaster-1', 'roaster', 'either', 'by-sea-roaster']);
    expect(ids(load(yaml, { levers: { refinery: 'concentrator' } }))).toEqual(['pk-roaster-1', 'either']);
    expect(ids(load(yaml, { levers: { refinery: 'none' } }))).toEqual(['pk-roaster-1']);
  });

  it('takes `if` off before the policy schema sees the entry', () => {
    expect(load(yaml).events[1]).not.toHaveProperty('if');
  });

  it('validates entries that are switched off too', () => {
    const [p] = problems(`levers: { refinery: { value: none, options: [none, roaster] } }
events:
  - ${REFINERY}, id: off, capacityTonnesPerYear: -5, capexUsd: 1, if: { refinery: roaster } }
`);
    expect(p).toMatchObject({ code: 'OUT_OF_RANGE', path: 'events[1].capacityTonnesPerYear' });
  });

  it('refuses an `if` that is not a mapping, a lever of no scenario, and a lever of the wrong value', () => {
    const ps = problems(`levers: { refinery: { value: none, options: [none, roaster] } }
events:
  - ${REFINERY}, id: a, capacityTonnesPerYear: 1, capexUsd: 1, if: refinery }
  - ${REFINERY}, id: b, capacityTonnesPerYear: 1, capexUsd: 1, if: { refinery: [] } }
`);
    expect(ps.map((p) => [p.code, p.path])).toEqual([
      ['WRONG_TYPE', 'events[1].if'],
      ['WRONG_TYPE', 'events[2].if.refinery'],
    ]);
    const typed = problems(`levers: { on: true }\nevents:\n  - ${REFINERY}, id: a, capacityTonnesPerYear: 1, capexUsd: 1, if: { on: 'true' } }\n`);
    expect(typed[0]).toMatchObject({ code: 'INVALID_VALUE', path: 'events[1].if.on', message: 'lever `on` holds boolean values; "true" can never match it' });
    const none = problems(`events:\n  - ${REFINERY}, id: a, capacityTonnesPerYear: 1, capexUsd: 1, if: { refinery: roaster } }\n`);
    expect(none[0]).toMatchObject({ code: 'UNKNOWN_REFERENCE', path: 'events[1].if.refinery' });
    expect(none[0]?.message).toContain('declares no levers');
  });

  it('switches rules as well', () => {
    const rules = `levers: { stockpile: { value: false, options: [true, false] } }
rules:
  - { id: rule-1, if: { stockpile: true }, when: { outcome: price.us, above: 55000 }, then: { type: stockpile, country: USA, action: release, tonnes: 500, overMonths: 6 } }
`;
    expect(load(rules).rules).toEqual([]);
    expect(load(rules, { levers: { stockpile: true } }).rules).toHaveLength(1);
  });

  it('switched-off entries keep their ids for merging by id in variants ($remove and merges)', () => {
    const s = load(`levers: { refinery: { value: none, options: [none, roaster] } }
events:
  - ${REFINERY}, id: off, capacityTonnesPerYear: 1, capexUsd: 1, if: { refinery: roaster } }
variants:
  bigger:
    levers: { refinery: roaster }
    events:
      - { id: off, type: buildRefinery, capacityTonnesPerYear: 7 }
  removed:
    levers: { refinery: roaster }
    events: { $remove: [off] }
`);
    expect(ids(s)).toEqual(['pk-roaster-1']);
    expect(s.variants['bigger']?.events[1]).toMatchObject({ id: 'off', capacityTonnesPerYear: 7 });
    expect(ids(s.variants['removed'] as ResolvedScenario)).toEqual(['pk-roaster-1']);
  });

  it('is in the published JSON Schema of every event and rule, also in variants', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { items: { oneOf?: { properties: Record<string, unknown> }[]; properties?: Record<string, unknown> } }> & { variants: unknown } };
    const events = schema.properties['events']?.items.oneOf ?? [];
    expect(events.length).toBeGreaterThan(3);
    for (const alternative of events) expect(alternative.properties['if']).toMatchObject({ type: 'object' });
    expect(schema.properties['rules']?.items.properties?.['if']).toMatchObject({ type: 'object' });
    expect(JSON.stringify(schema.properties.variants)).toContain('Keep this entry only when');
  });
});

describe('the levers option (--lever)', () => {
  const yaml = `levers:
  refinery: { value: roaster, options: [none, roaster], description: Build it? }
  size: 2
events:
  - ${REFINERY}, id: roaster, capacityTonnesPerYear: "1000 * size", capexUsd: 1, if: { refinery: roaster } }
variants:
  big:
    levers: { size: 3, extra: { value: a, options: [a, b] } }
`;

  it('sets values over the file (keeping options and description) in the scenario and every variant', () => {
    const s = load(yaml, { levers: { refinery: 'none', size: 5 } });
    expect(s.levers['refinery']).toEqual({ value: 'none', options: ['none', 'roaster'], description: 'Build it?' });
    expect(s.levers['size']).toEqual({ value: 5 });
    expect(ids(s)).toEqual(['pk-roaster-1']);
    expect(s.variants['big']?.levers['size']).toEqual({ value: 5 });
    expect(ids(s.variants['big'] as ResolvedScenario)).toEqual(['pk-roaster-1']);
  });

  it('applies a lever only a variant declares to that variant', () => {
    const s = load(yaml, { levers: { extra: 'b' } });
    expect(s.levers['extra']).toBeUndefined();
    expect(s.variants['big']?.levers['extra']).toEqual({ value: 'b', options: ['a', 'b'] });
    expect(declaredLevers(s)).toEqual(['extra', 'refinery', 'size']);
  });

  it('refuses a lever that nothing declares, with a suggestion, and a value outside the options', () => {
    const [unknown] = problems(yaml, { levers: { refinary: 'none' } });
    expect(unknown).toMatchObject({ code: 'UNKNOWN_REFERENCE', path: 'levers.refinary', suggestion: 'refinery' });
    const [outside] = problems(yaml, { levers: { refinery: 'concentrator' } });
    expect(outside).toMatchObject({ code: 'INVALID_VALUE', path: 'levers.refinery.value', line: 3 });
    expect(outside?.message).toContain('was given the value "concentrator" (--lever');
    expect(outside?.message).toContain('"none", "roaster"');
  });

  it('leaves out a variant that narrows a lever\'s options when the value given is one only the base allows', () => {
    const narrowing = `levers:
  refinery: { value: none, options: [none, roaster, concentrator] }
variants:
  narrow:
    levers: { refinery: { value: none, options: [none, roaster] } }
`;
    // given a variant that allows fewer refineries; when the base's third option is asked for
    const s = load(narrowing, { levers: { refinery: 'concentrator' } });
    // then the base takes it, and the variant sits out with the reason instead of refusing the file
    expect(s.levers['refinery']?.value).toBe('concentrator');
    expect(s.variants['narrow']).toBeUndefined();
    expect(s.unavailableVariants).toEqual({ narrow: '--lever refinery=concentrator is not one of its options (none, roaster)' });
    // and a value the variant allows keeps it, with nothing left out
    const both = load(narrowing, { levers: { refinery: 'roaster' } });
    expect(both.variants['narrow']?.levers['refinery']?.value).toBe('roaster');
    expect(both.unavailableVariants).toBeUndefined();
  });

  it('reaches checkScenarioFile too', () => {
    const outcome = checkScenarioFile(join(valid, 'minimal.yaml'), testCatalog, { levers: { x: 1 } });
    expect(outcome.problems[0]).toMatchObject({ code: 'UNKNOWN_REFERENCE', path: 'levers.x' });
  });
});

describe('lever sweeps and --lever text', () => {
  const levers = { b: { value: 'x', options: ['x', 'y'] }, a: { value: 1, options: [1, 2, 3] }, free: { value: 7 } };

  it('makes every combination of the levers with options, sorted by lever name', () => {
    expect(leverCombinations(levers)).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 3, b: 'x' },
      { a: 3, b: 'y' },
    ]);
    expect(leverCombinations(levers, ['a'])).toEqual([{ b: 'x' }, { b: 'y' }]);
    expect(leverCombinations({ free: { value: 1 } })).toEqual([{}]);
  });

  it(`refuses more than ${MAX_LEVER_COMBINATIONS} combinations`, () => {
    const options = [0, 1, 2, 3, 4, 5, 6, 7];
    expect(leverCombinations({ p: { value: 0, options }, q: { value: 0, options } })).toHaveLength(64);
    expect(() => leverCombinations({ p: { value: 0, options }, q: { value: 0, options }, r: { value: 0, options: [0, 1] } })).toThrow(/128 combinations .* at most 64/);
  });

  it('names a case name[lever=value,...] with levers sorted', () => {
    expect(leverCaseId('local-refining', { refinery: 'none', a: true })).toBe('local-refining[a=true,refinery=none]');
    expect(leverCaseId('plain', {})).toBe('plain');
  });

  it('reads --lever values as YAML scalars and refuses the rest', () => {
    expect(parseLeverAssignment('refinery=none')).toEqual({ name: 'refinery', value: 'none' });
    expect(parseLeverAssignment('size=2.5')).toEqual({ name: 'size', value: 2.5 });
    expect(parseLeverAssignment('on=false')).toEqual({ name: 'on', value: false });
    expect(parseLeverAssignment('pair=a,b')).toEqual({ name: 'pair', value: 'a,b' });
    expect(parseLeverAssignment('eq=a=b')).toEqual({ name: 'eq', value: 'a=b' });
    expect(() => parseLeverAssignment('refinery')).toThrow('expects name=value');
    expect(() => parseLeverAssignment('=x')).toThrow('expects name=value');
    expect(() => parseLeverAssignment('x=')).toThrow('got nothing');
    expect(() => parseLeverAssignment('x=[a, b]')).toThrow('lists are not supported');
    expect(() => parseLeverAssignment('x=.inf')).toThrow('finite');
  });
});
