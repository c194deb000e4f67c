/** What a block can index: the block it got its index in (-1: none yet, or taken back) and the index. */
export interface BlockIndexed {
  block: number;
  index: number;
}

/**
 * The indices one block of the log hash gives out (to strings or to object shapes), in
 * order of first use and at most 65,536: the canonical binary form's back references.
 * Indices depend only on the block's own entries, so a hash resumes at a block boundary;
 * those given since a {@link BlockIndex.mark} can be taken back (an object undone to be
 * encoded sorted).
 */
export class BlockIndex<T extends BlockIndexed> {
  #indexed: T[] = [];
  #block = 0;

  /** The current block's number (an item's index is valid when its `block` equals it). */
  get block(): number {
    return this.#block;
  }

  /** Gives `item` the block's next index, unless it has one already or all 65,536 are taken. */
  add(item: T): void {
    if (item.block === this.#block || this.#indexed.length === 0x10000) return;
    item.block = this.#block;
    item.index = this.#indexed.length;
    this.#indexed.push(item);
  }

  /** How many indices are given (for {@link BlockIndex.undo}). */
  mark(): number {
    return this.#indexed.length;
  }

  /** Takes back the indices given since `mark`. */
  undo(mark: number): void {
    while (this.#indexed.length > mark) (this.#indexed.pop() as T).block = -1;
  }

  /** Starts a block: every item is written out again at its next use. */
  startBlock(): void {
    this.#block++;
    this.#indexed = [];
  }
}
