import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/index.ts';
import { pinned } from '../support/property.ts';

// Random trees of events: each event, when it fires, schedules its children (nested
// schedules in handlers) and may cancel the sibling it scheduled just before. The run is
// cut by a random ascending list of `until` values.

interface Spec {
  readonly delay: number;
  readonly priority: number;
  readonly cancelPrevious: boolean;
  readonly children: readonly Spec[];
}

const delay = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }), weight: 3 }, { arbitrary: fc.double({ min: 0, max: 5, noNaN: true }), weight: 1 });

const { spec } = fc.letrec<{ spec: Spec }>((tie) => ({
  spec: fc.record({
    delay,
    priority: fc.integer({ min: -2, max: 2 }),
    cancelPrevious: fc.boolean(),
    children: fc.oneof({ depthSize: 'small' }, fc.constant([]), fc.array(tie('spec'), { maxLength: 3 })),
  }),
}));

const scenario = fc.record({
  roots: fc.array(spec, { minLength: 1, maxLength: 8 }),
  untils: fc.array(fc.double({ min: 0, max: 25, noNaN: true }), { maxLength: 6 }).map((xs) => [...xs].sort((a, b) => a - b)),
});

function scheduleAll(sim: Simulation, specs: readonly Spec[]): void {
  let previous = -1;
  for (const child of specs) {
    const handle = sim.schedule(child.delay, 'Node', child, child.priority);
    if (child.cancelPrevious && previous >= 0) sim.cancel(previous);
    previous = handle;
  }
}

describe('the clock', () => {
  it('never goes back, and run(until) fires exactly the events at or before until', () => {
    fc.assert(
      fc.property(scenario, ({ roots, untils }) => {
        const sim = new Simulation({ seed: 1 });
        const fired: number[] = [];
        sim.define<Spec>('Node', (node, s) => {
          expect(s.now).toBeGreaterThanOrEqual(fired.at(-1) ?? 0);
          fired.push(s.now);
          scheduleAll(s, node.children);
        });
        scheduleAll(sim, roots);
        for (const until of untils) {
          const before = sim.now;
          const start = fired.length;
          sim.run({ until });
          expect(sim.now).toBe(until);
          expect(sim.now).toBeGreaterThanOrEqual(before);
          for (const t of fired.slice(start)) expect(t).toBeLessThanOrEqual(until);
          // what is still pending lies strictly after until
          expect(sim.queue.entries()[0]?.time ?? Infinity).toBeGreaterThan(until);
        }
        sim.run();
        expect(sim.pending).toBe(0);
        for (let i = 1; i < fired.length; i++) expect(fired[i]).toBeGreaterThanOrEqual(fired[i - 1] as number);
      }),
      pinned(300),
    );
  });
});
