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

// The format written plainly (sorted keys, a dictionary per block, no caches), to check the
// encoder's one-pass path, its undo and its string cache against.
function referenceEncoding(blocks: readonly (readonly { type: string; data: unknown }[])[]): string {
  const out: number[] = [];
  const u32 = (n: number): void => void out.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
  const f64 = (x: number): void => void out.push(...new Uint8Array(new Float64Array([x === 0 ? 0 : x]).buffer));
  let dictionary = new Map<string, number>();
  const string = (text: string): void => {
    const index = dictionary.get(text);
    if (index !== undefined) return void out.push(0x08, index & 0xff, index >>> 8);
    if (text.length <= 64) dictionary.set(text, dictionary.size);
    out.push(0x04);
    u32(text.length);
    for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >>> 8);
  };
  const value = (v: unknown): void => {
    if (v === null || v === undefined) return void out.push(0x00);
    if (typeof v === 'boolean') return void out.push(v ? 0x02 : 0x01);
    if (typeof v === 'number') return void (out.push(0x03), f64(v));
    if (typeof v === 'string') return string(v);
    if (Array.isArray(v)) return void (out.push(0x05), u32(v.length), v.forEach(value));
    const entries = Object.entries(v as object).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out.push(0x06);
    u32(entries.length);
    for (const [k, x] of entries) {
      string(k);
      value(x);
    }
  };
  let seq = 0;
  for (const block of blocks) {
    dictionary = new Map();
    for (const e of block) {
      out.push(0x10);
      f64(seq++);
      f64(0);
      string(e.type);
      value(e.data);
    }
  }
  return Buffer.from(out).toString('hex');
}

describe('the encoder against a plain reference encoding', () => {
  // Objects of a few shapes, often the same keys, sometimes unsorted, extra or missing keys,
  // undefined members and nested objects: what the one-pass path and its undo must survive.
  const key = fc.constantFrom('a', 'b', 'c', 'from', 'to', 'month', '__proto__x');
  const leaf = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('CHN', 'PAK', 'ore'), fc.constant(undefined), fc.boolean());
  const data: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, fc.dictionary(key, tie('node'), { maxKeys: 5 }), fc.array(tie('node'), { maxLength: 3 })),
  })).node;
  const entry = fc.record({ type: fc.constantFrom('A', 'B'), data: fc.dictionary(key, data, { maxKeys: 6 }) });

  it('writes the same bytes for sequences of entries across blocks', () => {
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 12 }), { minLength: 1, maxLength: 4 }), (blocks) => {
        const pieces: string[] = [];
        const encoder = new CanonicalEncoder((bytes) => pieces.push(Buffer.from(bytes).toString('hex')), 256);
        let seq = 0;
        for (const block of blocks) {
          encoder.startBlock();
          for (const e of block) encoder.entry(seq++, 0, e.type, e.data);
        }
        encoder.flush();
        expect(pieces.join('')).toBe(referenceEncoding(blocks));
      }),
      pinned(300),
    );
  });
});
