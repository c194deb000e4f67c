import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordShape } from '../src/model/record-shape.ts';
import { SortedKeys, sortedCopy, sortedRecord, sortedSlots } from '../src/model/sorted.ts';

// Helpers that build event records in sorted key order or faster: they may change how
// a record is built, never which keys and values it has.

const keyArb = fc.constantFrom('CHN>us', 'PAK>USA', 'AUS>CHN', 'RUS>exChina', 'a', 'B', 'b', 'z9', 'Z');

describe('sorted records', () => {
  it('sortedRecord keeps every key and value and lists the keys in code-unit order', () => {
    expect(Object.keys(sortedRecord({ b: 1, a: 2, B: 3 }))).toEqual(['B', 'a', 'b']);
    expect(sortedRecord({ b: 1, a: 2 })).toEqual({ a: 2, b: 1 });
  });

  it('sortedCopy sorts nested objects, keeps arrays in order and leaves the input alone', () => {
    const input = { z: [{ y: 1, x: 2 }], a: { d: 'x', c: null } };
    const copy = sortedCopy(input);
    expect(JSON.stringify(copy)).toBe('{"a":{"c":null,"d":"x"},"z":[{"x":2,"y":1}]}');
    expect(Object.keys(input)).toEqual(['z', 'a']);
  });

  it('sortedSlots gives the last position of each key, sorted by key', () => {
    expect(sortedSlots(['defense', 'glass', 'defense', 'alloys'])).toEqual([
      { key: 'alloys', index: 3 },
      { key: 'defense', index: 2 },
      { key: 'glass', index: 1 },
    ]);
  });

  it('SortedKeys follows the record when its keys change', () => {
    const order = new SortedKeys();
    expect(order.of({ b: 1, a: 1 })).toEqual(['a', 'b']);
    expect(order.of({ b: 2, a: 2 })).toEqual(['a', 'b']);
    expect(order.of({ b: 1, a: 1, A: 1 })).toEqual(['A', 'a', 'b']);
    expect(order.of({ c: 1 })).toEqual(['c']);
  });
});

describe('RecordShape', () => {
  it('given any sequence of key lists, builds records equal to ones built key by key, keys in the given order', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(keyArb, { maxLength: 6 }), { maxLength: 8 }), (lists) => {
        const shape = new RecordShape();
        lists.forEach((keys, n) => {
          const values = keys.map((_, i) => n * 10 + i + 0.5);
          const expected: Record<string, number> = {};
          keys.forEach((k, i) => (expected[k] = values[i] as number));
          const built = shape.build(keys, values);
          expect(Object.keys(built)).toEqual(keys);
          expect(built).toEqual(expected);
        });
      }),
      { seed: 424242, numRuns: 200 },
    );
  });

  it('given keys that are awkward in source text, builds plain own members with exactly those keys', () => {
    const shape = new RecordShape();
    const keys = ['a"b', 'back\\slash', 'line\u2028sep', '${x}', '}; throw 1; ({', 'constructor', 'AUS>CHN'];
    const built = shape.build(keys, keys.map((_, i) => i));
    expect(Object.keys(built)).toEqual(keys);
    keys.forEach((k, i) => expect(Object.getOwnPropertyDescriptor(built, k)?.value).toBe(i));
    expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
    // __proto__ would set the prototype in a literal: it stays an own member
    const odd = shape.build(['__proto__', 'x'], [7, 8]);
    expect(Object.keys(odd)).toEqual(['__proto__', 'x']);
    expect(Object.getOwnPropertyDescriptor(odd, '__proto__')?.value).toBe(7);
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
  });

  it('never changes a record it built before', () => {
    const shape = new RecordShape();
    const first = shape.build(['a', 'b'], [1, 2]);
    shape.build(['a', 'b'], [3, 4]);
    expect(first).toEqual({ a: 1, b: 2 });
  });
});
