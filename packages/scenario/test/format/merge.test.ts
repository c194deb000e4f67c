import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioError, checkScenarioFile, parseScenarioText } from '../../src/format/index.ts';
import { Merger } from '../../src/format/merge.ts';
import { Origins } from '../../src/format/origins.ts';
import { testCatalog } from './support/catalog.ts';

function merge(base: unknown, child: unknown): { value: unknown; problems: readonly string[] } {
  const merger = new Merger(new Origins());
  const value = merger.merge(base, child, true);
  return { value, problems: merger.problems.map((p) => p.message) };
}

describe('deep-merge rules', () => {
  it('merges mappings recursively and replaces scalars', () => {
    expect(merge({ a: { b: 1, c: 2 }, d: 'x' }, { a: { c: 3 }, d: 'y', e: true }).value).toEqual({ a: { b: 1, c: 3 }, d: 'y', e: true });
  });

  it('deletes an inherited key set to null', () => {
    expect(merge({ a: 1, b: 2 }, { a: null }).value).toEqual({ b: 2 });
  });

  it('replaces lists by default', () => {
    expect(merge({ l: [1, 2, 3] }, { l: [4] }).value).toEqual({ l: [4] });
  });

  it('merges lists by id when the child list is all ids, keeping order and appending new ids', () => {
    const base = { l: [{ id: 'a', x: 1, y: 1 }, { note: 'no id' }, { id: 'b', x: 2 }] };
    const child = { l: [{ id: 'b', x: 20 }, { id: 'c', x: 3 }, { id: 'a', y: null }] };
    expect(merge(base, child).value).toEqual({ l: [{ id: 'a', x: 1 }, { note: 'no id' }, { id: 'b', x: 20 }, { id: 'c', x: 3 }] });
  });

  it('applies $remove, then $prepend and $append', () => {
    const base = { l: [{ id: 'a' }, { id: 'b' }], s: ['x', 'y'] };
    const child = { l: { $remove: ['a'], $append: [{ id: 'z' }], $prepend: [{ id: 'p' }] }, s: { $remove: ['y'] } };
    expect(merge(base, child)).toEqual({ value: { l: [{ id: 'p' }, { id: 'b' }, { id: 'z' }], s: ['x'] }, problems: [] });
  });

  it('replaces an id list with $replace', () => {
    expect(merge({ l: [{ id: 'a' }] }, { l: { $replace: [{ id: 'b' }] } }).value).toEqual({ l: [{ id: 'b' }] });
  });

  it('treats a directive with nothing inherited as applying to an empty list', () => {
    expect(merge({}, { l: { $append: [1] } }).value).toEqual({ l: [1] });
  });

  it('reports unknown directives, mixed keys and removals that match nothing', () => {
    expect(merge({ l: ['a'] }, { l: { $apend: [1] } }).problems).toEqual(['unknown merge directive `$apend`; directives are $remove, $prepend, $append, $replace']);
    expect(merge({ l: ['a'] }, { l: { $append: [1], other: 2 } }).problems).toEqual([
      'a merge directive mapping may only hold $remove, $prepend, $append, $replace, found `other`',
    ]);
    expect(merge({ l: ['a'] }, { l: { $remove: ['b'] } }).problems).toEqual(['cannot remove "b": the inherited list has no element with that id or value']);
    expect(merge({ l: ['a'] }, { l: { $replace: [], $append: [1] } }).problems).toEqual(['`$replace` cannot be combined with other directives']);
  });

  it('never mutates its inputs', () => {
    const base = { a: { b: [1] } };
    const child = { a: { b: { $append: [2] } } };
    const frozen = JSON.stringify([base, child]);
    merge(base, child);
    expect(JSON.stringify([base, child])).toBe(frozen);
  });

  it('does not let a __proto__ key pollute prototypes', () => {
    expect(() => parseScenarioText("extends: ../fixtures/valid/minimal.yaml\n__proto__: { polluted: 1 }\n", `${import.meta.dirname}/x.yaml`, testCatalog)).toThrow(ScenarioError);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('is idempotent and has the empty mapping as identity, for any data without directives or nulls', () => {
    const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !k.startsWith('$') && k !== '__proto__');
    const data = fc.object({ key, values: [fc.integer(), fc.string(), fc.boolean()], maxDepth: 3 });
    fc.assert(
      fc.property(data, (x) => {
        expect(merge(x, x).value).toEqual(x);
        expect(merge(x, {}).value).toEqual(x);
        expect(merge({}, x).value).toEqual(x);
      }),
      { seed: 424242, numRuns: 300 },
    );
  });
});

describe('problems in an extended file', () => {
  it('point at the base file that holds the mistake, not at the file that extends it', () => {
    const dir = new URL('../fixtures/malformed/', import.meta.url).pathname;
    const child = `${dir}child-of-negative.yaml`;
    const text = 'extends: negative-capacity.yaml\nname: child\n';
    let problems: readonly { file: string; line?: number; path: string }[] = [];
    try {
      parseScenarioText(text, child, testCatalog);
    } catch (error) {
      if (error instanceof ScenarioError) problems = error.problems;
    }
    expect(problems).toEqual([expect.objectContaining({ file: `${dir}negative-capacity.yaml`, line: 9, path: 'events[1].capacityTonnesPerYear' })]);
    expect(checkScenarioFile(`${dir}negative-capacity.yaml`, testCatalog).problems[0]).toMatchObject({ line: 9 });
  });
});
