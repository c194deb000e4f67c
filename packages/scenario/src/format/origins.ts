import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import type { SourceFile } from './source.ts';

/**
 * Sets an own property even for the key `__proto__` (which YAML can produce), so such a
 * key is reported as unknown instead of silently changing the object's prototype.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A path into plain data: keys and list indexes. */
export type DataPath = readonly (string | number)[];

/** Where a value came from: a file and the path of its node in that file. */
export interface Origin {
  readonly source: SourceFile;
  readonly path: DataPath;
}

/** A place in a file, 1-based. */
export interface Place {
  readonly source: SourceFile;
  readonly line: number;
  readonly column: number;
  /** The path in the file's own tree (differs from the merged path after `extends`). */
  readonly filePath: DataPath;
}

/**
 * Remembers, for every object and list of a merged scenario, the file nodes it came from,
 * so a problem found after `extends` and variants are merged still points at a line.
 */
export class Origins {
  readonly #objects = new WeakMap<object, readonly Origin[]>();
  readonly #elements = new WeakMap<readonly unknown[], (readonly Origin[])[]>();

  /** Records where `value` (an object or list) came from. */
  set(value: object, origins: readonly Origin[]): void {
    this.#objects.set(value, origins);
  }

  /** Where `value` came from, most derived file last. */
  get(value: object): readonly Origin[] {
    return this.#objects.get(value) ?? [];
  }

  /** Records where each element of `list` came from. */
  setElements(list: readonly unknown[], origins: (readonly Origin[])[]): void {
    this.#elements.set(list, origins);
  }

  /** Where element `index` of `list` came from. */
  element(list: readonly unknown[], index: number): readonly Origin[] {
    const value = list[index];
    if (typeof value === 'object' && value !== null) {
      const own = this.#objects.get(value);
      if (own) return own;
    }
    return this.#elements.get(list)?.[index] ?? [];
  }

  /** Deep-copies one file's data, recording every object's and list's origin in that file. */
  tag(value: unknown, source: SourceFile, path: DataPath): unknown {
    if (Array.isArray(value)) {
      const copy = value.map((item, i) => this.tag(item, source, [...path, i]));
      this.set(copy, [{ source, path }]);
      this.setElements(copy, copy.map((_, i) => [{ source, path: [...path, i] }]));
      return copy;
    }
    if (typeof value === 'object' && value !== null) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) setOwn(copy, key, this.tag(item, source, [...path, key]));
      this.set(copy, [{ source, path }]);
      return copy;
    }
    return value;
  }

  /**
   * The place of `path` in the merged tree `root`: the value's node, or with `key` true the
   * key's node (for unknown keys). A path that does not exist (a missing field) resolves to
   * its nearest existing parent.
   */
  locate(root: unknown, path: DataPath, key = false): Place | undefined {
    let node: unknown = root;
    let origins: readonly Origin[] = typeof root === 'object' && root !== null ? this.get(root) : [];
    for (const segment of path) {
      if (typeof node !== 'object' || node === null) break;
      let next: readonly Origin[];
      if (Array.isArray(node)) {
        if (typeof segment !== 'number' || segment >= node.length) break;
        next = this.element(node, segment);
      } else {
        const child = (node as Record<string, unknown>)[String(segment)];
        if (child === undefined) break;
        next =
          typeof child === 'object' && child !== null && this.get(child).length > 0
            ? this.get(child)
            : origins.filter((o) => nodeIn(o.source.doc, [...o.path, segment]) !== undefined).map((o) => ({ source: o.source, path: [...o.path, segment] }));
      }
      if (next.length === 0) break;
      node = Array.isArray(node) ? node[segment as number] : (node as Record<string, unknown>)[String(segment)];
      origins = next;
    }
    const last = origins[origins.length - 1];
    if (!last) return undefined;
    return placeOf(last, key);
  }
}

/**
 * The node at `path` in a parsed file, following aliases (`*name`) into their anchored
 * node on the way, so a value inside an aliased entry is found where it is written.
 * `Document.getIn` stops at an alias, which left such problems pointing at 1:1. The node
 * at the end of the path is returned as it is (an alias points at its own use).
 */
export function nodeIn(doc: Document, path: DataPath): Node | undefined {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))?.value;
    } else if (isSeq(node)) {
      node = typeof segment === 'number' ? node.items[segment] : undefined;
    } else return undefined;
    if (node === undefined || node === null) return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

/** The place of an origin's node (or, with `key`, of the key naming it). */
export function placeOf(origin: Origin, key: boolean): Place | undefined {
  const { doc, lineCounter } = origin.source;
  let target: Node | undefined;
  if (key && origin.path.length > 0) {
    let parent: unknown = nodeIn(doc, origin.path.slice(0, -1));
    if (isAlias(parent)) parent = parent.resolve(doc);
    const name = String(origin.path[origin.path.length - 1]);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === name);
      if (pair && isScalar(pair.key)) target = pair.key;
    }
  }
  if (!target) {
    target = nodeIn(doc, origin.path);
  }
  const offset = target?.range?.[0] ?? 0;
  const pos = lineCounter.linePos(offset);
  return { source: origin.source, line: pos.line, column: pos.col, filePath: origin.path };
}
