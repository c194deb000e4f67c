import { StibiumError } from '../errors.ts';
import { ShapeTable, type Layout, type Shape, type ShapeNode } from './shape.ts';
import { LONG_STRING, SHORT_STRING, StringTable, writeShortString, writeString, type StringInfo } from './strings.ts';

// Bytes free before a member is written: enough for any but a long string, which checks for itself.
const HEADROOM = 160;
const NO_KEYS: readonly string[] = [];

/**
 * The canonical binary form of JSON values, which the log hash covers. Same data model and
 * the same equalities as {@link canonicalJson} (keys sorted, undefined members left out,
 * -0 is 0, non-JSON values refused), but a number is its 8 IEEE-754 bytes (0 and 1..255 in
 * fewer) instead of its shortest decimal text: printing doubles was over half the cost of
 * hashing a run's log. Each value has exactly one form. Self-delimiting, so entries need no
 * separator:
 *
 * | tag  | value                                                          |
 * |------|----------------------------------------------------------------|
 * | 0x00 | null (also undefined and holes inside arrays, as JSON writes)  |
 * | 0x01 | false                                                          |
 * | 0x02 | true                                                           |
 * | 0x0b | the number 0 (also -0)                                         |
 * | 0x0c | a whole number from 1 to 255: uint8                            |
 * | 0x03 | any other number: float64 little-endian                        |
 * | 0x04 | string: uint32 LE count of UTF-16 code units, then each as uint16 LE |
 * | 0x0a | string of at most 8 units, each below 0x100 (always in this form): uint8 count, then each unit as a byte |
 * | 0x08 | string seen before in this block: uint16 LE index (a string of 9 to 64 units written as 0x04 gets the block's next string index, until 65,536 are given; shorter ones are always written out) |
 * | 0x05 | array: uint32 LE length, then the items                        |
 * | 0x06 | object whose shape (the sorted list of its defined keys) has no index in this block yet: uint32 LE count of keys, the keys in code-unit order (each as 0x04; these neither use nor get string indices), then the values in that order; after its values the shape gets the block's next shape index, unless it has one by then or 65,536 are given |
 * | 0x09 | object whose shape has an index in this block: uint16 LE shape index, then the values in key order |
 * | 0x07 | absent (an entry without data)                                 |
 * | 0x10 | log entry: seq and time (each as 0x0b, 0x0c or 0x03), type (as a string), data (a value or 0x07) |
 *
 * Objects of one shape are most of a log (every event of a type has the same keys), so a
 * block names each shape's keys once and then only its index; short strings are written out
 * (looking them up cost more than the bytes). That is v3 of the stored log format; v2 wrote
 * every key of every object and every number in 8 bytes. A block is what {@link CanonicalEncoder.startBlock}
 * delimits (the log hash's 4,096 entries): string and shape indices depend only on the
 * block's own entries, so a hash resumed at a block boundary or mid-block (re-encoding the
 * open block) gives the same bytes.
 */
export class CanonicalEncoder {
  #bytes: Uint8Array;
  #view: DataView;
  #pos = 0;
  readonly #flushAt: number;
  readonly #flush: (bytes: Uint8Array) => void;
  readonly #strings = new StringTable();
  readonly #shapes = new ShapeTable();
  // Each entry type's data has a root of its own in the shape cache.
  #roots = new Map<string, ShapeNode>();
  #lastType: string | undefined;
  #lastInfo: StringInfo | undefined;
  #lastRoot: ShapeNode;

  /**
   * `flush` receives the encoded bytes in order, in pieces of whole entries of about
   * `bufferBytes` (an entry larger than that grows the buffer); it must not keep the view.
   */
  constructor(flush: (bytes: Uint8Array) => void, bufferBytes = 1 << 16) {
    this.#bytes = new Uint8Array(Math.max(64, bufferBytes));
    this.#view = new DataView(this.#bytes.buffer);
    this.#flushAt = this.#bytes.length >> 1;
    this.#flush = flush;
    this.#lastRoot = this.#shapes.root;
  }

  /** Encodes one log entry (see the table above). */
  entry(seq: number, time: number, type: string, data: unknown): void {
    // Flushing only between entries lets an object rewrite its header in place.
    if (this.#pos >= this.#flushAt) this.flush();
    this.#ensure(19);
    this.#bytes[this.#pos] = 0x10;
    this.#pos = writeNumber(this.#bytes, this.#view, writeNumber(this.#bytes, this.#view, this.#pos + 1, seq), time);
    // Events of one type often come in runs: skip the table lookups for the same type again.
    let root: ShapeNode;
    if (type === this.#lastType) {
      root = this.#lastRoot;
      const info = this.#lastInfo;
      if (info !== undefined && info.block === this.#strings.block) this.#index(0x08, info.index);
      else this.#string(type);
    } else {
      this.#lastInfo = this.#string(type);
      root = this.#roots.get(type) ?? this.#newRoot(type);
      this.#lastType = type;
      this.#lastRoot = root;
    }
    if (data === undefined) this.#tag(0x07);
    else this.#value(data, root);
  }

  /** Encodes one JSON value. */
  value(value: unknown): void {
    this.#value(value, this.#shapes.root);
  }

  /** Starts a new block: strings and shapes are written in full again at their next use. */
  startBlock(): void {
    this.#strings.startBlock();
    this.#shapes.startBlock();
    // Nothing is indexed at a block start, so the caches can go without changing a byte.
    if (this.#shapes.oversized || this.#strings.oversized || this.#roots.size > 10_000) {
      this.#strings.dropCaches();
      this.#shapes.dropCaches();
      this.#roots = new Map();
      this.#lastType = undefined;
      this.#lastInfo = undefined;
      this.#lastRoot = this.#shapes.root;
    }
  }

  /** Hands every byte encoded so far to `flush`. */
  flush(): void {
    if (this.#pos === 0) return;
    this.#flush(this.#bytes.subarray(0, this.#pos));
    this.#pos = 0;
  }

  #newRoot(type: string): ShapeNode {
    const root = this.#shapes.newRoot();
    this.#roots.set(type, root);
    return root;
  }

  #value(value: unknown, root: ShapeNode): void {
    switch (typeof value) {
      case 'number':
        this.#number(value);
        return;
      case 'string':
        this.#string(value);
        return;
      case 'boolean':
        this.#tag(value ? 0x02 : 0x01);
        return;
      case 'undefined':
        this.#tag(0x00);
        return;
      case 'object':
        if (value === null) this.#tag(0x00);
        else if (Array.isArray(value)) this.#array(value, root);
        else this.#object(value, root);
        return;
      default:
        throw new StibiumError('NOT_JSON_SAFE', `cannot serialise a value of type ${typeof value}`);
    }
  }

  #ensure(bytes: number): void {
    if (this.#pos + bytes <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.#bytes.length, this.#pos + bytes));
    grown.set(this.#bytes.subarray(0, this.#pos));
    this.#bytes = grown;
    this.#view = new DataView(grown.buffer);
  }

  #tag(tag: number): void {
    this.#ensure(1);
    this.#bytes[this.#pos++] = tag;
  }

  #number(value: number): void {
    // NaN and the infinities are the numbers for which value - value is not 0.
    if (value - value !== 0) throw new StibiumError('NOT_JSON_SAFE', `cannot serialise the non-finite number ${value}`);
    this.#ensure(9);
    this.#pos = writeNumber(this.#bytes, this.#view, this.#pos, value);
  }

  #index(tag: number, index: number): void {
    this.#ensure(3);
    const pos = this.#pos;
    this.#bytes[pos] = tag;
    this.#bytes[pos + 1] = index & 0xff;
    this.#bytes[pos + 2] = index >>> 8;
    this.#pos = pos + 3;
  }

  // Returns the string's entry in the table (undefined for strings that get no index).
  #string(value: string): StringInfo | undefined {
    if (value.length <= SHORT_STRING) {
      this.#ensure(5 + 2 * SHORT_STRING);
      this.#pos = writeShortString(this.#bytes, this.#pos, value);
      return undefined;
    }
    if (value.length > LONG_STRING) {
      this.#ensure(5 + 2 * value.length);
      this.#pos = writeString(this.#bytes, this.#pos, value);
      return undefined;
    }
    const info = this.#strings.entry(value);
    if (info.block === this.#strings.block) {
      this.#index(0x08, info.index);
      return info;
    }
    this.#strings.add(info);
    this.#write(info.bytes);
    return info;
  }

  #write(bytes: Uint8Array): void {
    this.#ensure(bytes.length);
    const target = this.#bytes;
    let pos = this.#pos;
    // A loop beats TypedArray.set for the few bytes of a key.
    if (bytes.length <= 32) for (let i = 0; i < bytes.length; i++) target[pos++] = bytes[i] as number;
    else {
      target.set(bytes, pos);
      pos += bytes.length;
    }
    this.#pos = pos;
  }

  #array(items: readonly unknown[], root: ShapeNode): void {
    this.#ensure(5);
    this.#bytes[this.#pos] = 0x05;
    this.#view.setUint32(this.#pos + 1, items.length, true);
    this.#pos += 5;
    for (let i = 0; i < items.length; i++) this.#value(items[i], root);
  }

  #object(value: object, root: ShapeNode): void {
    // The constructor is read by name before the for-in below, not only for the error:
    // a named load migrates an object whose hidden class V8 replaced while it was held (a
    // model event built while a field was a small integer, then a sibling with a decimal).
    // Migrated in the middle of the for-in instead, it turned that loop's feedback generic
    // for the rest of the process, every value read then a megamorphic keyed load (with
    // perf: ~5% of a run's samples, against ~1% with this load).
    const constructor = (value as { constructor?: { name?: string } }).constructor;
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new StibiumError('NOT_JSON_SAFE', `cannot serialise an instance of ${constructor?.name ?? 'unknown'}; event data must be plain JSON`);
    }
    const record = value as Record<string, unknown>;
    // Fast path, one pass: members in for-in order (V8 reads them through its enum cache)
    // while that is the sorted order, as for the model's events, which list keys sorted.
    // The shape cache tells both the shape and whether the keys came sorted. The values go
    // first, 3 bytes after `start`, the header once the shape is known. Numbers, short
    // strings, strings seen before and headroom checks are inlined, with the position in a
    // local (an entry's bytes are mostly numbers). On the first key out of order, undo what
    // this object wrote and encode it sorted.
    const start = this.#pos;
    const strings = this.#strings.mark();
    const shapes = this.#shapes.mark();
    const block = this.#strings.block;
    if (start + HEADROOM > this.#bytes.length) this.#ensure(HEADROOM);
    let bytes = this.#bytes;
    let view = this.#view;
    let pos = start + 3;
    // The keys are checked against the layout last seen here; on the first difference (or
    // with none yet) the walk goes on in the shape cache from the node the layout reached.
    const layout = root.last;
    const keys = layout === undefined ? NO_KEYS : layout.keys;
    let matched = 0;
    let node: ShapeNode | undefined;
    for (const key in record) {
      const item = record[key];
      if (item === undefined) continue;
      if (node === undefined && keys[matched] === key) matched++;
      else {
        node ??= matched === 0 ? root : ((layout as Layout).nodes[matched - 1] as ShapeNode);
        const next = node.nextKey === key ? (node.next as ShapeNode) : this.#shapes.child(node, key);
        if (!next.sorted) {
          this.#undo(start, strings, shapes);
          this.#sortedObject(record);
          return;
        }
        node = next;
      }
      if (pos + HEADROOM > bytes.length) {
        this.#pos = pos;
        this.#ensure(HEADROOM);
        bytes = this.#bytes;
        view = this.#view;
      }
      if (typeof item === 'number') {
        if (item - item !== 0) throw new StibiumError('NOT_JSON_SAFE', `cannot serialise the non-finite number ${item}`);
        pos = writeNumber(bytes, view, pos, item);
        continue;
      }
      const at = node ?? ((layout as Layout).nodes[matched - 1] as ShapeNode);
      if (typeof item === 'string') {
        if (item.length <= SHORT_STRING) {
          pos = writeShortString(bytes, pos, item);
          continue;
        }
        // A key's value is often the same string as last time: skip the table lookup then.
        const info = at.text === item ? (at.info as StringInfo) : undefined;
        if (info !== undefined && info.block === block) {
          bytes[pos] = 0x08;
          bytes[pos + 1] = info.index & 0xff;
          bytes[pos + 2] = info.index >>> 8;
          pos += 3;
          continue;
        }
        this.#pos = pos;
        const got = this.#string(item);
        if (got !== undefined) {
          at.text = item;
          at.info = got;
        }
      } else {
        this.#pos = pos;
        this.#value(item, at.sub ?? this.#shapes.sub(at));
      }
      pos = this.#pos;
      bytes = this.#bytes;
      view = this.#view;
    }
    this.#pos = pos;
    let shape: Shape;
    if (node === undefined && layout !== undefined && matched === keys.length) shape = layout.shape;
    else {
      node ??= matched === 0 ? root : ((layout as Layout).nodes[matched - 1] as ShapeNode);
      const found = node.layout ?? this.#shapes.layoutAt(node);
      root.last = found;
      shape = found.shape;
    }
    if (this.#shapes.indexedBefore(shape, shapes)) {
      bytes[start] = 0x09;
      bytes[start + 1] = shape.index & 0xff;
      bytes[start + 2] = shape.index >>> 8;
      return;
    }
    // The shape's first use in this block: its definition goes before the values.
    const definition = shape.definition;
    this.#ensure(definition.length - 3);
    this.#bytes.copyWithin(start + definition.length, start + 3, this.#pos);
    this.#bytes.set(definition, start);
    this.#pos += definition.length - 3;
    this.#shapes.add(shape);
  }

  // Rewinds to `pos` and takes back the string and shape indices given since. Entries are
  // flushed only between entries, so the bytes since `pos` are still in the buffer.
  #undo(pos: number, strings: number, shapes: number): void {
    this.#pos = pos;
    this.#strings.undo(strings);
    this.#shapes.undo(shapes);
  }

  #sortedObject(record: Record<string, unknown>): void {
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    const shape = this.#shapes.shape(keys);
    const shapes = this.#shapes.mark();
    if (this.#shapes.indexedBefore(shape, shapes)) this.#index(0x09, shape.index);
    else this.#write(shape.definition);
    const root = this.#shapes.root;
    for (const key of keys) this.#value(record[key], root);
    this.#shapes.add(shape);
  }
}

// Writes a finite number at `pos` in its one form (zeros and months are a third of a run's
// numbers); returns the position after it.
function writeNumber(bytes: Uint8Array, view: DataView, pos: number, value: number): number {
  if (value === 0) {
    bytes[pos] = 0x0b;
    return pos + 1;
  }
  if ((value & 0xff) === value) {
    bytes[pos] = 0x0c;
    bytes[pos + 1] = value;
    return pos + 2;
  }
  bytes[pos] = 0x03;
  view.setFloat64(pos + 1, value, true);
  return pos + 9;
}
