import { BlockIndex } from './block-index.ts';
import { writeString, writeUint32 } from './strings.ts';

/**
 * The sorted list of an object's defined keys, as the canonical binary form indexes it: the
 * first object of a shape in a block writes its keys (the definition), later ones the index.
 */
export class Shape {
  /** Tag 0x06, uint32 LE key count, then each key as a 0x04 string: an object's header until the shape has an index. */
  readonly definition: Uint8Array;
  /** Block in which `index` was given (-1: none yet, or taken back by an undo). */
  block = -1;
  /** Index in that block. */
  index = 0;

  constructor(readonly keys: readonly string[]) {
    let length = 5;
    for (const key of keys) length += 5 + 2 * key.length;
    const bytes = new Uint8Array(length);
    bytes[0] = 0x06;
    writeUint32(bytes, 1, keys.length);
    let pos = 5;
    for (const key of keys) pos = writeString(bytes, pos, key);
    this.definition = bytes;
  }
}

/**
 * The defined keys of objects met at one place, in the order for-in gives them (sorted), with
 * the cache nodes along them: checking an object's keys against the array of the last
 * layout seen at the same place costs one comparison a key and touches no node.
 */
export interface Layout {
  readonly keys: readonly string[];
  /** `nodes[i]` is the node after `keys[0..i]`. */
  readonly nodes: readonly ShapeNode[];
  readonly shape: Shape;
}

/**
 * A node of the shape cache: the defined keys of an object met so far, in for-in order. Not
 * part of the format: it finds an object's {@link Shape} with one pointer comparison per key
 * (property names are internalized strings) where a Map lookup per key cost a quarter of the
 * hash. Each node remembers its last child, and `sub` roots the objects found under its key,
 * so that the objects of an event's fields walk their own, stable paths.
 */
export class ShapeNode {
  /** The keys from the root to here are in strictly ascending code-unit order. */
  readonly sorted: boolean;
  /** The last child taken, and its key: the common case is the same key as last time. */
  nextKey: string | undefined = undefined;
  next: ShapeNode | undefined = undefined;
  children: Map<string, ShapeNode> | undefined = undefined;
  /** Root for the objects that are (or are in arrays that are) values of this key. */
  sub: ShapeNode | undefined = undefined;
  /** The last string value under this key and the encoder's entry for it (its own business). */
  text: string | undefined = undefined;
  info: unknown = undefined;
  /** The layout of an object whose keys end here (sorted nodes only; made at first use). */
  layout: Layout | undefined = undefined;
  /** On a root: the layout of the last object met here, checked first next time. */
  last: Layout | undefined = undefined;

  constructor(
    readonly parent: ShapeNode | undefined,
    readonly key: string,
  ) {
    this.sorted = parent === undefined || (parent.sorted && (parent.parent === undefined || parent.key < key));
  }
}

// Caches are dropped at a block start past these sizes (nothing is indexed then, so the
// bytes do not change); within a block they grow with the keys the block's entries hold.
const MAX_NODES = 100_000;

/**
 * The shapes of the current block and the caches that find them: {@link CanonicalEncoder}'s
 * object indexing. Indices given since a {@link ShapeTable.mark} can be taken back.
 */
export class ShapeTable extends BlockIndex<Shape> {
  #byKeys = new Map<string, Shape>();
  #nodes = 0;
  #root = new ShapeNode(undefined, '');

  /** A root for objects with no better place (top-level values, the sorting path). */
  get root(): ShapeNode {
    return this.#root;
  }

  /** A new root, e.g. for one event type's data. */
  newRoot(): ShapeNode {
    this.#nodes++;
    return new ShapeNode(undefined, '');
  }

  /** The child of `node` by `key`, made the node's remembered child. */
  child(node: ShapeNode, key: string): ShapeNode {
    // Most nodes only ever have one child, the remembered one: a Map only from the second.
    let next = node.nextKey === key ? node.next : node.children?.get(key);
    if (next === undefined) {
      next = new ShapeNode(node, key);
      this.#nodes++;
      if (node.next !== undefined) {
        node.children ??= new Map([[node.nextKey as string, node.next]]);
        node.children.set(key, next);
      }
    }
    node.nextKey = key;
    node.next = next;
    return next;
  }

  /** A new root under `node` (see {@link ShapeNode.sub}). */
  sub(node: ShapeNode): ShapeNode {
    return (node.sub = this.newRoot());
  }

  /** The layout of the keys leading from a root to the sorted `node`. */
  layoutAt(node: ShapeNode): Layout {
    const nodes: ShapeNode[] = [];
    for (let at: ShapeNode = node; at.parent !== undefined; at = at.parent) nodes.push(at);
    nodes.reverse();
    const keys = nodes.map((at) => at.key);
    return (node.layout = { keys, nodes, shape: this.shape(keys) });
  }

  /** The shape of sorted, distinct `keys`. */
  shape(keys: readonly string[]): Shape {
    const id = JSON.stringify(keys);
    let shape = this.#byKeys.get(id);
    if (shape === undefined) {
      shape = new Shape(keys);
      this.#byKeys.set(id, shape);
    }
    return shape;
  }

  /** True when `shape` got an index in this block before `mark` (an object's start). */
  indexedBefore(shape: Shape, mark: number): boolean {
    return shape.block === this.block && shape.index < mark;
  }

  /** True when the caches have outgrown their bound; drop them at a block start. */
  get oversized(): boolean {
    return this.#nodes > MAX_NODES || this.#byKeys.size > MAX_NODES;
  }

  /** Forgets every shape and node (roots taken from this table before are then stale). */
  dropCaches(): void {
    this.#byKeys = new Map();
    this.#root = new ShapeNode(undefined, '');
    this.#nodes = 0;
  }
}
