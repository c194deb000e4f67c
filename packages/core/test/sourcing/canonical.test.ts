import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventLog, HASH_BLOCK, LogHasher, canonicalEntry, canonicalJson, hashLog } from '../../src/index.ts';
import { pinned } from '../support/property.ts';

describe('canonicalJson', () => {
  it('sorts keys, drops undefined members, writes -0 as 0 and holes as null', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [, 1];
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [-0, 'x', sparse] } })).toBe('{"a":{"c":[0,"x",[null,1]]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(Object.create(null) as object)).toBe('{}');
  });

  it('refuses values that are not plain JSON with NOT_JSON_SAFE', () => {
    for (const bad of [Number.NaN, Infinity, new Date(0), new Map(), () => 1, 10n, Symbol('s'), { nested: [new Set()] }]) {
      expect(() => canonicalJson(bad)).toThrow(expect.objectContaining({ code: 'NOT_JSON_SAFE' }));
    }
  });

  it('is valid JSON that parses back to an equal value, and is stable under the round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const back = JSON.parse(text) as unknown;
        expect(canonicalJson(back)).toBe(text);
        expect(back).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      pinned(300),
    );
  });

  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 }), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
      pinned(200),
    );
  });
});

describe('log hash', () => {
  const entries = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => ({ seq: i, time: i / 2, type: i % 3 === 0 ? 'A' : 'B', data: { i: i + offset } }));

  it('is the same for an EventLog, hashLog and a hasher paused at any point across blocks', () => {
    // given a log longer than one hash block
    const list = entries(HASH_BLOCK + 123);
    const log = EventLog.from(list);
    // then every way of hashing it agrees
    expect(hashLog(list)).toBe(log.digest());
    for (const cut of [0, 1, HASH_BLOCK - 1, HASH_BLOCK, HASH_BLOCK + 1, list.length]) {
      const first = new LogHasher();
      for (const e of list.slice(0, cut)) first.add(e);
      const resumed = new LogHasher(JSON.parse(JSON.stringify(first.save())));
      for (const e of list.slice(cut)) resumed.addLine(canonicalEntry(e));
      expect(resumed.digest()).toBe(log.digest());
    }
  });

  it('changes when any entry changes, and with the entry count', () => {
    const base = hashLog(entries(10));
    expect(hashLog(entries(10, 1))).not.toBe(base);
    expect(hashLog(entries(9))).not.toBe(base);
    expect(hashLog([])).not.toBe(hashLog(entries(1)));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('EventLog.from refuses gaps and time going back with LOG_CORRUPT', () => {
    expect(() => EventLog.from([{ seq: 1, time: 0, type: 'A', data: null }])).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT' }));
    expect(() => EventLog.from([{ seq: 0, time: 1, type: 'A', data: null }, { seq: 1, time: 0, type: 'A', data: null }])).toThrow(expect.objectContaining({ code: 'LOG_CORRUPT' }));
  });
});
