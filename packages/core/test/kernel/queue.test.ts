import { describe, expect, it } from 'vitest';
import { EventQueue, MAX_PRIORITY, MIN_PRIORITY, type PoppedEntry } from '../../src/index.ts';

function drain(queue: EventQueue): unknown[] {
  const out: PoppedEntry = { time: 0, kind: 0, data: undefined };
  const popped: unknown[] = [];
  while (queue.pop(out)) popped.push(out.data);
  return popped;
}

describe('EventQueue ordering', () => {
  it('pops by time, then priority, then insertion order', () => {
    // given entries pushed out of order with ties in time and priority
    const queue = new EventQueue();
    queue.push(2, 0, 1, 'c');
    queue.push(1, 5, 1, 'b2');
    queue.push(1, -3, 1, 'a');
    queue.push(1, 5, 1, 'b3');
    queue.push(2, 0, 1, 'd');
    queue.push(0.5, MAX_PRIORITY, 1, 'first');
    queue.push(2, MIN_PRIORITY, 1, 'c0');
    // when drained / then
    expect(drain(queue)).toEqual(['first', 'a', 'b2', 'b3', 'c0', 'c', 'd']);
  });

  it('keeps insertion order for many equal keys across heap growth', () => {
    const queue = new EventQueue();
    for (let i = 0; i < 5000; i++) queue.push(i % 3, 0, 1, i);
    const popped = drain(queue) as number[];
    const expected = [0, 1, 2].flatMap((t) => Array.from({ length: 5000 }, (_, i) => i).filter((i) => i % 3 === t));
    expect(popped).toEqual(expected);
  });

  it('hands out sequence numbers as cancellation handles and reports entries in pop order', () => {
    const queue = new EventQueue();
    const a = queue.push(3, 0, 1, 'a');
    const b = queue.push(1, 0, 2, 'b');
    expect([a, b, queue.nextSeq]).toEqual([0, 1, 2]);
    expect(queue.entries()).toEqual([
      { time: 1, priority: 0, seq: 1, kind: 2, data: 'b' },
      { time: 3, priority: 0, seq: 0, kind: 1, data: 'a' },
    ]);
    expect(queue.peekTime()).toBe(1);
  });
});

describe('EventQueue cancellation', () => {
  it('skips cancelled entries, and refuses to cancel twice, after popping, or unknown handles', () => {
    // given three entries
    const queue = new EventQueue();
    const a = queue.push(1, 0, 1, 'a');
    const b = queue.push(2, 0, 1, 'b');
    const c = queue.push(3, 0, 1, 'c');
    // when b is cancelled
    expect(queue.cancel(b)).toBe(true);
    // then it is gone from the live count and from pops
    expect(queue.liveSize).toBe(2);
    expect(queue.cancel(b)).toBe(false);
    const out: PoppedEntry = { time: 0, kind: 0, data: undefined };
    expect(queue.pop(out) && out.data).toBe('a');
    expect(queue.cancel(a)).toBe(false);
    expect(queue.cancel(999)).toBe(false);
    expect(drain(queue)).toEqual(['c']);
    expect(queue.cancel(c)).toBe(false);
    expect(queue.liveSize).toBe(0);
  });

  it('clear() empties the queue but sequence numbers keep counting', () => {
    const queue = new EventQueue();
    queue.push(1, 0, 1, 'a');
    queue.cancel(queue.push(1, 0, 1, 'b'));
    queue.clear();
    expect([queue.size, queue.liveSize, queue.push(0, 0, 1, 'c')]).toEqual([0, 0, 2]);
  });
});
