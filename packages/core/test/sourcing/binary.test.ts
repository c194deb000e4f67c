import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogHasher, canonicalEntry, canonicalJson, hashLog } from '../../src/index.ts';
import { CanonicalEncoder } from '../../src/sourcing/binary.ts';
import { pinned } from '../support/property.ts';

function encode(value: unknown): string {
  const pieces: string[] = [];
  const encoder = new CanonicalEncoder((bytes) => pieces.push(Buffer.from(bytes).toString('hex')), 64);
  encoder.value(value);
  encoder.flush();
  return pieces.join('');
}

describe('canonical binary form', () => {
  it('writes the documented bytes: sorted keys, float64 numbers, -0 as 0, repeated strings by index', () => {
    // given an object whose keys are not in sorted order, with a repeated string
    const bytes = encode({ b: -0, a: ['a', true, null] });
    // then: object of 2, "a" (new, index 0), array of 3: "a" again (index 0), true, null; "b" (index 1), 0.0
    expect(bytes).toBe(['06' + '02000000', '04' + '01000000' + '6100', '05' + '03000000', '08' + '0000', '02', '00', '04' + '01000000' + '6200', '03' + '0000000000000000'].join(''));
  });

  it('is equal exactly when canonical JSON is equal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(encode(a) === encode(b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(encode(JSON.parse(canonicalJson(a)))).toBe(encode(a));
      }),
      pinned(300),
    );
  });

  it('does not depend on key insertion order, at any depth', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reversed) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)])) : value;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(encode(reversed(value))).toBe(encode(value));
      }),
      pinned(200),
    );
  });

  it('refuses values that are not plain JSON with NOT_JSON_SAFE', () => {
    for (const bad of [Number.NaN, -Infinity, new Date(0), new Map(), () => 1, 10n, { nested: [new Set()] }]) {
      expect(() => encode(bad)).toThrow(expect.objectContaining({ code: 'NOT_JSON_SAFE' }));
    }
  });
});

describe('log hash over the binary form', () => {
  const entry = fc.record({ type: fc.constantFrom('A', 'Bee', 'a long event type name'), data: fc.option(fc.jsonValue(), { nil: undefined }) });

  it('a hasher saved anywhere (mid-block, across blocks) and restored from JSON ends with the same hash', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), fc.nat(), (items, at) => {
        const entries = items.map((e, seq) => ({ seq, time: seq / 3, type: e.type, data: e.data }));
        const cut = entries.length === 0 ? 0 : at % (entries.length + 1);
        const first = new LogHasher();
        for (const e of entries.slice(0, cut)) first.add(e);
        const resumed = new LogHasher(JSON.parse(JSON.stringify(first.save())));
        for (const e of entries.slice(cut)) resumed.addLine(canonicalEntry(e));
        expect(resumed.digest()).toBe(hashLog(entries));
      }),
      pinned(150),
    );
  });
});
