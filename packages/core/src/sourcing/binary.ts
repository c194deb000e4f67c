import { StibiumError } from '../errors.ts';

/**
 * The canonical binary form of JSON values, which the log hash covers. Same data model and
 * the same equalities as {@link canonicalJson} (keys sorted, undefined members left out,
 * -0 is 0, non-JSON values refused), but a number is its 8 IEEE-754 bytes instead of its
 * shortest decimal text: printing doubles was over half the cost of hashing a run's log.
 * Self-delimiting, so entries need no separator:
 *
 * | tag  | value                                                          |
 * |------|----------------------------------------------------------------|
 * | 0x00 | null (also undefined and holes inside arrays, as JSON writes)  |
 * | 0x01 | false                                                          |
 * | 0x02 | true                                                           |
 * | 0x03 | number: float64 little-endian                                  |
 * | 0x04 | string: uint32 LE count of UTF-16 code units, then each as uint16 LE |
 * | 0x08 | string seen before in this block: uint16 LE index (strings of at most 64 units get the next index at their first use in a block) |
 * | 0x05 | array: uint32 LE length, then the items                        |
 * | 0x06 | object: uint32 LE count of defined members, then key (as 0x04) and value, keys in code-unit order |
 * | 0x07 | absent (an entry without data)                                 |
 * | 0x10 | log entry: seq and time (float64 LE), type (as 0x04 or 0x08), data (a value or 0x07) |
 *
 * A block is what {@link CanonicalEncoder.startBlock} delimits (the log hash's 4,096
 * entries): the string indices depend only on the block's own entries, so a hash resumed
 * at a block boundary or mid-block (re-encoding the open block) gives the same bytes.
 */
export class CanonicalEncoder {
  #bytes: Uint8Array;
  #view: DataView;
  #pos = 0;
  readonly #flushAt: number;
  readonly #flush: (bytes: Uint8Array) => void;
  // Keys and ids repeat on every event: encode each once (a cache, bounded, not part of the format).
  readonly #strings = new Map<string, Uint8Array>();
  // This block's string indices (part of the format).
  readonly #indices = new Map<string, number>();
  // The same strings by index, so an undo can drop the newest ones.
  readonly #indexed: string[] = [];

  /**
   * `flush` receives the encoded bytes in order, in pieces of whole entries of about
   * `bufferBytes` (an entry larger than that grows the buffer); it must not keep the view.
   */
  constructor(flush: (bytes: Uint8Array) => void, bufferBytes = 1 << 16) {
    this.#bytes = new Uint8Array(Math.max(64, bufferBytes));
    this.#view = new DataView(this.#bytes.buffer);
    this.#flushAt = this.#bytes.length >> 1;
    this.#flush = flush;
  }

  /** Encodes one log entry (see the table above). */
  entry(seq: number, time: number, type: string, data: unknown): void {
    // Flushing only between entries lets an object patch its member count in place.
    if (this.#pos >= this.#flushAt) this.flush();
    this.#ensure(17);
    const pos = this.#pos;
    this.#bytes[pos] = 0x10;
    this.#view.setFloat64(pos + 1, seq, true);
    this.#view.setFloat64(pos + 9, time === 0 ? 0 : time, true);
    this.#pos = pos + 17;
    this.#string(type);
    if (data === undefined) this.#tag(0x07);
    else this.value(data);
  }

  /** Encodes one JSON value. */
  value(value: unknown): void {
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
        else if (Array.isArray(value)) this.#array(value);
        else this.#object(value);
        return;
      default:
        throw new StibiumError('NOT_JSON_SAFE', `cannot serialise a value of type ${typeof value}`);
    }
  }

  /** Starts a new block: strings are written in full again at their next use. */
  startBlock(): void {
    this.#indices.clear();
    this.#indexed.length = 0;
  }

  /** Hands every byte encoded so far to `flush`. */
  flush(): void {
    if (this.#pos === 0) return;
    this.#flush(this.#bytes.subarray(0, this.#pos));
    this.#pos = 0;
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

  #count(tag: number, count: number): void {
    this.#ensure(5);
    this.#bytes[this.#pos] = tag;
    this.#view.setUint32(this.#pos + 1, count, true);
    this.#pos += 5;
  }

  #number(value: number): void {
    // NaN and the infinities are the numbers for which value - value is not 0.
    if (value - value !== 0) throw new StibiumError('NOT_JSON_SAFE', `cannot serialise the non-finite number ${value}`);
    this.#ensure(9);
    this.#bytes[this.#pos] = 0x03;
    this.#view.setFloat64(this.#pos + 1, value === 0 ? 0 : value, true);
    this.#pos += 9;
  }

  #string(value: string): void {
    const index = this.#indices.get(value);
    if (index !== undefined) {
      this.#ensure(3);
      const pos = this.#pos;
      this.#bytes[pos] = 0x08;
      this.#bytes[pos + 1] = index & 0xff;
      this.#bytes[pos + 2] = index >>> 8;
      this.#pos = pos + 3;
      return;
    }
    if (value.length <= 64 && this.#indexed.length < 0x10000) {
      this.#indices.set(value, this.#indexed.length);
      this.#indexed.push(value);
    }
    let encoded = this.#strings.get(value);
    if (encoded === undefined) {
      encoded = new Uint8Array(5 + 2 * value.length);
      const view = new DataView(encoded.buffer);
      encoded[0] = 0x04;
      view.setUint32(1, value.length, true);
      for (let i = 0; i < value.length; i++) view.setUint16(5 + 2 * i, value.charCodeAt(i), true);
      // Only short strings (keys, ids) are worth keeping, and only so many of them.
      if (value.length <= 64 && this.#strings.size < 10_000) this.#strings.set(value, encoded);
    }
    this.#ensure(encoded.length);
    const target = this.#bytes;
    let pos = this.#pos;
    // A loop beats TypedArray.set for the few bytes of a key.
    if (encoded.length <= 32) for (let i = 0; i < encoded.length; i++) target[pos++] = encoded[i] as number;
    else {
      target.set(encoded, pos);
      pos += encoded.length;
    }
    this.#pos = pos;
  }

  #array(items: readonly unknown[]): void {
    this.#count(0x05, items.length);
    for (let i = 0; i < items.length; i++) this.value(items[i]);
  }

  #object(value: object): void {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new StibiumError('NOT_JSON_SAFE', `cannot serialise an instance of ${value.constructor?.name ?? 'unknown'}; event data must be plain JSON`);
    }
    const record = value as Record<string, unknown>;
    // Fast path, one pass: members in for-in order (V8 reads them through its enum cache)
    // while that is the sorted order, as for the model's events, which list keys sorted.
    // On the first key out of order, undo what this object wrote and encode it sorted.
    const start = this.#pos;
    const indexed = this.#indexed.length;
    this.#count(0x06, 0);
    let previous = '';
    let defined = 0;
    for (const key in record) {
      if (key < previous) {
        this.#undo(start, indexed);
        this.#sortedObject(record);
        return;
      }
      previous = key;
      const item = record[key];
      if (item === undefined) continue;
      defined++;
      this.#string(key);
      this.value(item);
    }
    this.#view.setUint32(start + 1, defined, true);
  }

  // Rewinds to `pos` and forgets the string indices given out since. Entries are flushed
  // only between entries, so the bytes since `pos` are still in the buffer.
  #undo(pos: number, indexed: number): void {
    this.#pos = pos;
    while (this.#indexed.length > indexed) this.#indices.delete(this.#indexed.pop() as string);
  }

  #sortedObject(record: Record<string, unknown>): void {
    const keys = Object.keys(record).sort();
    let defined = 0;
    for (const key of keys) if (record[key] !== undefined) defined++;
    this.#count(0x06, defined);
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      this.#string(key);
      this.value(item);
    }
  }
}
