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
  it('writes the documented bytes: sorted keys, float64 numbers, -0 as 0, repeated strings and shapes by index', () => {
    // given two objects of one shape, the first with its keys out of order, a repeated string
    // of 9 units, a repeated one of 8 and a short one with a unit above 0xff
    const bytes = encode([{ b: -0, a: ['stibnite!', 'antimony', 'Sb→', true] }, { a: 'stibnite!', b: 'antimony' }]);
    const utf16 = (text: string): string => Buffer.from(text, 'utf16le').toString('hex');
    // then: array of 2; object of a new shape (keys "a", "b", written out, taking no string index):
    // "a" is an array of 4: "stibnite!" (new: string index 0), "antimony" (8 units below 0x100:
    // always one byte a unit), "Sb→" (short, but → is 0x2192: UTF-16), true; "b" is -0, the number 0 (the
    // shape gets index 0 after its values); then an object of shape 0: "stibnite!" by string
    // index 0, "antimony" written out again
    expect(bytes).toBe(
      [
        '05' + '02000000',
        '06' + '02000000' + '04' + '01000000' + '6100' + '04' + '01000000' + '6200',
        '05' + '04000000', '04' + '09000000' + utf16('stibnite!'), '0a' + '08' + Buffer.from('antimony').toString('hex'), '04' + '03000000' + utf16('Sb→'), '02',
        '0b',
        '09' + '0000', '08' + '0000', '0a' + '08' + Buffer.from('antimony').toString('hex'),
      ].join(''),
    );
  });

  it('writes each number in its one form: 0 (and -0) in a byte, 1 to 255 in two, the rest as float64', () => {
    const f64 = (x: number): string => Buffer.from(new Float64Array([x]).buffer).toString('hex');
    const numbers = [0, -0, 1, 255, 256, -1, 2.5, 2 ** 32 + 7];
    expect(encode(numbers)).toBe(['05' + '08000000', '0b', '0b', '0c01', '0cff', '03' + f64(256), '03' + f64(-1), '03' + f64(2.5), '03' + f64(2 ** 32 + 7)].join(''));
  });

  it('indexes a shape after its values, so an object nested in one of the same shape defines it too', () => {
    // given an object whose member is an object of the same keys, then one more such object
    const bytes = encode([{ a: { a: 1 } }, { a: 2.5 }]);
    const shapeA = '06' + '01000000' + '04' + '01000000' + '6100';
    // then: the outer object defines shape ["a"], so does the inner one (no index yet when it
    // starts); the inner one takes index 0, the outer one finds it taken; the last refers to it
    expect(bytes).toBe(['05' + '02000000', shapeA, shapeA, '0c01', '09' + '0000', '03' + '0000000000000440'].join(''));
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

// The format written plainly (sorted keys, dictionaries of strings and shapes per block, no
// caches), to check the encoder's one-pass path, its undo and its caches against.
function referenceEncoding(blocks: readonly (readonly { type: string; data: unknown }[])[]): string {
  const out: number[] = [];
  const u32 = (n: number): void => void out.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
  const f64 = (x: number): void => void out.push(...new Uint8Array(new Float64Array([x === 0 ? 0 : x]).buffer));
  const plain = (text: string): void => {
    out.push(0x04);
    u32(text.length);
    for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >>> 8);
  };
  let strings = new Map<string, number>();
  let shapes = new Map<string, number>();
  const string = (text: string): void => {
    if (text.length <= 8 && [...text].every((c) => c.charCodeAt(0) < 0x100)) {
      out.push(0x0a, text.length, ...[...text].map((c) => c.charCodeAt(0)));
      return;
    }
    const index = strings.get(text);
    if (index !== undefined) {
      out.push(0x08, index & 0xff, index >>> 8);
      return;
    }
    if (text.length > 8 && text.length <= 64 && strings.size < 0x10000) strings.set(text, strings.size);
    plain(text);
  };
  const value = (v: unknown): void => {
    if (v === null || v === undefined) {
      out.push(0x00);
    } else if (typeof v === 'boolean') {
      out.push(v ? 0x02 : 0x01);
    } else if (v === 0) {
      out.push(0x0b);
    } else if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 255) {
      out.push(0x0c, v);
    } else if (typeof v === 'number') {
      out.push(0x03);
      f64(v);
    } else if (typeof v === 'string') {
      string(v);
    } else if (Array.isArray(v)) {
      out.push(0x05);
      u32(v.length);
      v.forEach(value);
    } else {
      const entries = Object.entries(v as object)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const shape = JSON.stringify(entries.map(([k]) => k));
      const index = shapes.get(shape);
      if (index !== undefined) {
        out.push(0x09, index & 0xff, index >>> 8);
      } else {
        out.push(0x06);
        u32(entries.length);
        for (const [k] of entries) plain(k);
      }
      for (const [, x] of entries) value(x);
      if (!shapes.has(shape) && shapes.size < 0x10000) shapes.set(shape, shapes.size);
    }
  };
  let seq = 0;
  for (const block of blocks) {
    strings = new Map();
    shapes = new Map();
    for (const e of block) {
      out.push(0x10);
      value(seq);
      value(seq++ / 4);
      string(e.type);
      value(e.data);
    }
  }
  return Buffer.from(out).toString('hex');
}

describe('the encoder against a plain reference encoding', () => {
  // Objects of a few shapes, often the same keys, sometimes unsorted, extra or missing keys,
  // undefined members and nested objects: what the one-pass path and its undo must survive.
  // Integer-like keys come first in for-in order, which is not the sorted order of '10' and '9'.
  const key = fc.constantFrom('a', 'b', 'c', 'from', 'to', 'month', '__proto__x', '10', '9');
  const leaf = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 1, 12, 255, 256, -1, 0.5, 2 ** 32 + 12),
    fc.constantFrom('CHN', 'PAK', 'ore', '', 'Sb→', 'concentrate', 'market:chinaDomestic', 'x'.repeat(65)),
    fc.constant(undefined),
    fc.boolean(),
  );
  const data: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, fc.dictionary(key, tie('node'), { maxKeys: 5 }), fc.array(tie('node'), { maxLength: 3 })),
  })).node;
  const entry = fc.record({ type: fc.constantFrom('A', 'B', 'FeedShipped', 'MarketCleared'), data: fc.dictionary(key, data, { maxKeys: 6 }) });

  it('writes the same bytes for sequences of entries across blocks', () => {
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 12 }), { minLength: 1, maxLength: 4 }), (blocks) => {
        const pieces: string[] = [];
        const encoder = new CanonicalEncoder((bytes) => pieces.push(Buffer.from(bytes).toString('hex')), 256);
        let seq = 0;
        for (const block of blocks) {
          encoder.startBlock();
          for (const e of block) encoder.entry(seq, seq++ / 4, e.type, e.data);
        }
        encoder.flush();
        expect(pieces.join('')).toBe(referenceEncoding(blocks));
      }),
      pinned(300),
    );
  });

  it('hashes equal values equally whatever their key order, and any changed value differently', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reversed) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)])) : value;
    // Every leaf (in arrays and objects, sorted key order), with a path to replace it.
    const leaves = (value: unknown, replace: (v: unknown) => unknown, out: { get: () => unknown; set: (v: unknown) => unknown }[]): void => {
      if (value !== null && typeof value === 'object') {
        const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value).sort();
        for (const k of keys) {
          const child = (value as Record<string | number, unknown>)[k];
          if (child === undefined && !Array.isArray(value)) continue;
          leaves(child, (v) => replace(Array.isArray(value) ? value.map((x, i) => (i === k ? v : x)) : { ...value, [k]: v }), out);
        }
      } else out.push({ get: () => value, set: replace });
    };
    const changed = (v: unknown): unknown =>
      typeof v === 'number' ? (v + 1 !== v ? v + 1 : v / 2) : typeof v === 'string' ? `${v}x` : typeof v === 'boolean' ? !v : 0;
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 40 }), fc.nat(), (items, pick) => {
        const entries = items.map((e, seq) => ({ seq, time: seq, type: e.type, data: e.data as unknown }));
        const hash = hashLog(entries);
        // given the same values with every object's keys in reverse order: the same hash
        expect(hashLog(entries.map((e) => ({ ...e, data: reversed(e.data) })))).toBe(hash);
        // given one leaf changed: another hash
        const all: { at: number; get: () => unknown; set: (v: unknown) => unknown }[] = [];
        entries.forEach((e, at) => {
          const found: { get: () => unknown; set: (v: unknown) => unknown }[] = [];
          leaves(e.data, (data) => data, found);
          for (const f of found) all.push({ at, ...f });
        });
        fc.pre(all.length > 0);
        const leaf = all[pick % all.length]!;
        const other = entries.map((e, at) => (at === leaf.at ? { ...e, data: leaf.set(changed(leaf.get())) } : e));
        expect(hashLog(other)).not.toBe(hash);
      }),
      pinned(200),
    );
  });
});

describe('the encoder on objects V8 holds in unusual ways', () => {
  // Built by one literal site, so the objects share a hidden class until a field's kind changes.
  const made = (tonnes: number, usd: number): Record<string, unknown> => ({ country: 'RUS', month: 0, oreIn: tonnes, stage: 'smelter', usd });
  const plain = (value: Record<string, unknown>): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

  it('writes an object whose hidden class was replaced while it was held (a field turned from integer to double) like a fresh copy', () => {
    // given a batch made with integer fields, then one whose fields are doubles (which
    // retires the batch's hidden class), encoded in creation order as a month's events are
    const batch = [made(0, 12), made(3, 0), made(226.4, 0.5), made(0, 1e9 + 0.25)];
    const pieces: string[] = [];
    const encoder = new CanonicalEncoder((bytes) => pieces.push(Buffer.from(bytes).toString('hex')), 64);
    batch.forEach((data, seq) => encoder.entry(seq, seq / 4, 'Processed', data));
    encoder.flush();
    // then the bytes are those of JSON copies (fresh hidden classes, never replaced)
    expect(pieces.join('')).toBe(referenceEncoding([batch.map((data) => ({ type: 'Processed', data: plain(data) }))]));
  });
});
