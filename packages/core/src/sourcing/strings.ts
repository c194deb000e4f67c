import { BlockIndex } from './block-index.ts';

/** Strings of at most this many UTF-16 units are always written out, never by index. */
export const SHORT_STRING = 8;

/** Strings of more than this many units are always written out too (rarely repeated). */
export const LONG_STRING = 64;

/** Writes `value` little-endian at `pos`. */
export function writeUint32(bytes: Uint8Array, pos: number, value: number): void {
  bytes[pos] = value & 0xff;
  bytes[pos + 1] = (value >>> 8) & 0xff;
  bytes[pos + 2] = (value >>> 16) & 0xff;
  bytes[pos + 3] = value >>> 24;
}

/** Writes `text` as a 0x04 string at `pos` (5 + 2 x its length bytes); returns the position after it. */
export function writeString(bytes: Uint8Array, pos: number, text: string): number {
  bytes[pos] = 0x04;
  writeUint32(bytes, pos + 1, text.length);
  let at = pos + 5;
  for (let i = 0; i < text.length; i++, at += 2) {
    const unit = text.charCodeAt(i);
    bytes[at] = unit & 0xff;
    bytes[at + 1] = unit >>> 8;
  }
  return at;
}

/**
 * Writes a string of at most {@link SHORT_STRING} units at `pos`: as 0x0a, its length and one
 * byte a unit when every unit is below 0x100 (country codes, short names), else as 0x04.
 * Returns the position after it.
 */
export function writeShortString(bytes: Uint8Array, pos: number, text: string): number {
  bytes[pos] = 0x0a;
  bytes[pos + 1] = text.length;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[pos + 2 + i] = unit;
    units |= unit;
  }
  return units > 0xff ? writeString(bytes, pos, text) : pos + 2 + text.length;
}

/** A string's bytes (tag 0x04 form) and its index in the current block, if it has one. */
export interface StringInfo {
  readonly bytes: Uint8Array;
  /** Block in which `index` was given (-1: none yet, or taken back by an undo). */
  block: number;
  index: number;
}

// The bytes of indexable strings, shared by all encoders (immutable, bounded): a run's
// encoder meets the same few hundred names as the last run's.
const sharedBytes = new Map<string, Uint8Array>();

function bytesOf(value: string): Uint8Array {
  let bytes = sharedBytes.get(value);
  if (bytes === undefined) {
    bytes = new Uint8Array(5 + 2 * value.length);
    writeString(bytes, 0, value);
    if (sharedBytes.size < 10_000) sharedBytes.set(value, bytes);
  }
  return bytes;
}

/**
 * The string indices of {@link CanonicalEncoder}'s current block, for strings of
 * {@link SHORT_STRING} + 1 to {@link LONG_STRING} units; indices given since a
 * {@link StringTable.mark} can be taken back.
 */
export class StringTable extends BlockIndex<StringInfo> {
  #byValue = new Map<string, StringInfo>();

  /** The entry of an indexable string (made at its first use). */
  entry(value: string): StringInfo {
    let info = this.#byValue.get(value);
    if (info === undefined) {
      info = { bytes: bytesOf(value), block: -1, index: 0 };
      this.#byValue.set(value, info);
    }
    return info;
  }

  /** True when the cache has outgrown its bound; drop it at a block start. */
  get oversized(): boolean {
    return this.#byValue.size > 20_000;
  }

  /** Forgets every entry (entries taken before must not be used again). */
  dropCaches(): void {
    this.#byValue = new Map();
  }
}
