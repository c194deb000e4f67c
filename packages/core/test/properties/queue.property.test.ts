import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, MAX_PRIORITY, MIN_PRIORITY, type PoppedEntry } from '../../src/index.ts';
import { pinned } from '../support/property.ts';

// Model-based test: the heap with lazy cancellation against a plain list sorted on
// (time, priority, seq), the obvious definition of the order.

interface Item {
  readonly time: number;
  readonly priority: number;
  readonly seq: number;
}

interface Model {
  live: Item[];
  issued: number[];
}

function before(a: Item, b: Item): number {
  return a.time - b.time || a.priority - b.priority || a.seq - b.seq;
}

class Push implements fc.Command<Model, EventQueue> {
  constructor(readonly time: number, readonly priority: number) {}
  check(): boolean {
    return true;
  }
  run(model: Model, queue: EventQueue): void {
    const seq = queue.push(this.time, this.priority, 1, model.issued.length);
    expect(seq).toBe(model.issued.length);
    model.issued.push(seq);
    model.live.push({ time: this.time, priority: this.priority, seq });
  }
  toString(): string {
    return `push(${this.time}, ${this.priority})`;
  }
}

/** Cancels an issued handle (live, popped or already cancelled) or, when `pick` < 0, an unknown one. */
class Cancel implements fc.Command<Model, EventQueue> {
  constructor(readonly pick: number) {}
  check(): boolean {
    return true;
  }
  run(model: Model, queue: EventQueue): void {
    const handle = this.pick < 0 || model.issued.length === 0 ? 1_000_000 - this.pick : (model.issued[this.pick % model.issued.length] as number);
    const index = model.live.findIndex((item) => item.seq === handle);
    expect(queue.cancel(handle)).toBe(index >= 0);
    if (index >= 0) model.live.splice(index, 1);
    expect(queue.liveSize).toBe(model.live.length);
  }
  toString(): string {
    return `cancel(${this.pick})`;
  }
}

class Pop implements fc.Command<Model, EventQueue> {
  check(): boolean {
    return true;
  }
  run(model: Model, queue: EventQueue): void {
    const out: PoppedEntry = { time: Number.NaN, kind: 0, data: undefined };
    const got = queue.pop(out);
    model.live.sort(before);
    const expected = model.live.shift();
    expect(got).toBe(expected !== undefined);
    if (expected !== undefined) expect({ time: out.time, seq: out.data }).toEqual({ time: expected.time, seq: expected.seq });
    expect(queue.liveSize).toBe(model.live.length);
  }
  toString(): string {
    return 'pop()';
  }
}

/** Checks the non-destructive views against the model. */
class Inspect implements fc.Command<Model, EventQueue> {
  check(): boolean {
    return true;
  }
  run(model: Model, queue: EventQueue): void {
    const sorted = [...model.live].sort(before);
    expect(queue.entries().map(({ time, priority, seq }) => ({ time, priority, seq }))).toEqual(sorted);
    // peekTime may still see a cancelled entry (documented), so it is a lower bound.
    expect(queue.peekTime()).toBeLessThanOrEqual(sorted[0]?.time ?? Infinity);
  }
  toString(): string {
    return 'inspect()';
  }
}

// Mostly small integers, so equal times (and equal priorities) are common.
const time = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 4 }), weight: 4 }, { arbitrary: fc.double({ min: 0, max: 10, noNaN: true }), weight: 1 });
const priority = fc.oneof({ arbitrary: fc.integer({ min: -2, max: 2 }), weight: 4 }, { arbitrary: fc.constantFrom(MIN_PRIORITY, MAX_PRIORITY), weight: 1 });

describe('EventQueue against a sorted-list model', () => {
  it('pops in (time, priority, seq) order under random push/cancel/pop sequences', () => {
    const commands = fc.commands(
      [
        fc.tuple(time, priority).map(([t, p]) => new Push(t, p)),
        fc.tuple(time, priority).map(([t, p]) => new Push(t, p)),
        fc.integer({ min: -3, max: 300 }).map((pick) => new Cancel(pick)),
        fc.constant(new Pop()),
        fc.constant(new Inspect()),
      ],
      { maxCommands: 200, size: 'large' },
    );
    fc.assert(
      fc.property(commands, (cmds) => {
        fc.modelRun(() => ({ model: { live: [], issued: [] }, real: new EventQueue() }), cmds);
      }),
      pinned(300),
    );
  });

  it('a pushed sequence drains in sorted order (large heaps, many ties)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(time, priority), { minLength: 1, maxLength: 3000 }), (items) => {
        const queue = new EventQueue();
        items.forEach(([t, p], i) => queue.push(t, p, 1, i));
        const out: PoppedEntry = { time: 0, kind: 0, data: undefined };
        const popped: number[] = [];
        while (queue.pop(out)) popped.push(out.data as number);
        const expected = items.map(([t, p], seq) => ({ time: t, priority: p, seq })).sort(before).map((x) => x.seq);
        expect(popped).toEqual(expected);
      }),
      pinned(40),
    );
  });
});
