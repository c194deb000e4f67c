import { filter, lastValueFrom, map, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { Simulation, type RecordedEvent, type StibiumErrorCode } from '../../src/index.ts';

function expectCode(action: () => unknown, code: StibiumErrorCode, message?: RegExp): void {
  expect(action).toThrow(expect.objectContaining({ name: 'StibiumError', code, ...(message ? { message: expect.stringMatching(message) } : {}) }));
}

/** A simulation with a 'Mark' type that records the clock at each firing. */
function marking(): { sim: Simulation; seen: Array<[number, unknown]> } {
  const sim = new Simulation({ seed: 1, record: true });
  const seen: Array<[number, unknown]> = [];
  sim.define<unknown>('Mark', (data, s) => seen.push([s.now, data]));
  return { sim, seen };
}

describe('Simulation ordering', () => {
  it('fires ties by priority, then by scheduling order, at absolute and relative times', () => {
    // given events at the same time scheduled in mixed order and priorities
    const { sim, seen } = marking();
    sim.schedule(2, 'Mark', 'late');
    sim.scheduleAt(1, 'Mark', 'p0-first');
    sim.schedule(1, 'Mark', 'p-1', -1);
    sim.scheduleAt(1, 'Mark', 'p0-second');
    sim.schedule(1, 'Mark', 'p+1', 1);
    // when run
    sim.run();
    // then
    expect(seen).toEqual([[1, 'p-1'], [1, 'p0-first'], [1, 'p0-second'], [1, 'p+1'], [2, 'late']]);
  });

  it('runs an event scheduled with zero delay after the current one, at the same time', () => {
    const sim = new Simulation({ seed: 1 });
    const seen: string[] = [];
    const b = sim.define<string>('B', (d) => seen.push(d));
    sim.define<string>('A', (d, s) => {
      seen.push(d);
      s.schedule(0, b, 'b-from-a');
    });
    sim.schedule(1, 'A', 'a1');
    sim.schedule(1, 'B', 'b1');
    sim.run();
    expect(seen).toEqual(['a1', 'b1', 'b-from-a']);
    expect(sim.now).toBe(1);
  });
});

describe('Simulation cancellation', () => {
  it('a cancelled event never fires, and its handle cannot be cancelled again', () => {
    const { sim, seen } = marking();
    const keep = sim.schedule(1, 'Mark', 'keep');
    const drop = sim.schedule(2, 'Mark', 'drop');
    expect(sim.cancel(drop)).toBe(true);
    expect(sim.cancel(drop)).toBe(false);
    expect(sim.pending).toBe(1);
    sim.run();
    expect(seen).toEqual([[1, 'keep']]);
    expect(sim.cancel(keep)).toBe(false);
    expect(sim.log!.length).toBe(1);
  });

  it('a handler can cancel an event due at the same time', () => {
    const sim = new Simulation({ seed: 1 });
    const seen: string[] = [];
    let victim = -1;
    sim.define<string>('Mark', (d, s) => {
      seen.push(d);
      if (d === 'killer') s.cancel(victim);
    });
    sim.schedule(1, 'Mark', 'killer');
    victim = sim.schedule(1, 'Mark', 'victim');
    sim.run();
    expect(seen).toEqual(['killer']);
  });

  it('run(until) does not fire an event after until when an earlier cancelled one is at the top', () => {
    // given a cancelled event at t=1 and a live one at t=20
    const { sim, seen } = marking();
    sim.cancel(sim.schedule(1, 'Mark', 'cancelled'));
    sim.schedule(20, 'Mark', 'after');
    // when run until 10
    sim.run({ until: 10 });
    // then nothing fired and the event at 20 is still pending
    expect(seen).toEqual([]);
    expect(sim.now).toBe(10);
    expect(sim.pending).toBe(1);
    expect(sim.peek()).toBe(20);
  });
});

describe('Simulation until rule', () => {
  it('processes events at exactly until, including ones scheduled there while running, then sets the clock to until', () => {
    // given events before, at and after until
    const { sim, seen } = marking();
    sim.define<null>('Spawn', (_d, s) => s.schedule(0, 'Mark', 'spawned-at-until'));
    sim.schedule(3, 'Mark', 'before');
    sim.schedule(5, 'Mark', 'at-until');
    sim.schedule(5, 'Spawn', null);
    sim.schedule(5.000001, 'Mark', 'after');
    // when run until 5
    const result = sim.run({ until: 5 });
    // then all events at <= 5 fired, the later one waits
    expect(seen).toEqual([[3, 'before'], [5, 'at-until'], [5, 'spawned-at-until']]);
    expect(result).toEqual({ events: 4, now: 5, pending: 1 });
    // and a later run continues exactly
    sim.run({ until: 8 });
    expect(seen.at(-1)).toEqual([5.000001, 'after']);
    expect(sim.now).toBe(8);
  });

  it('moves the clock to until even when nothing is pending', () => {
    const sim = new Simulation({ seed: 1 });
    expect(sim.run({ until: 42 })).toEqual({ events: 0, now: 42, pending: 0 });
  });

  it('maxEvents stops early and leaves the clock at the last fired event', () => {
    const { sim, seen } = marking();
    for (let t = 1; t <= 5; t++) sim.schedule(t, 'Mark', t);
    expect(sim.run({ until: 10, maxEvents: 2 })).toEqual({ events: 2, now: 2, pending: 3 });
    expect(sim.step()).toBe(true);
    expect(seen.map(([t]) => t)).toEqual([1, 2, 3]);
  });
});

describe('Simulation after a handler throws', () => {
  it('counts the events that fired before and including the failing one', () => {
    // given a handler that fails on its third call
    const sim = new Simulation({ seed: 1 });
    let calls = 0;
    sim.define('Tick', () => {
      if (++calls === 3) throw new Error('boom');
    });
    for (let t = 1; t <= 5; t++) sim.schedule(t, 'Tick');
    // when the run fails
    expect(() => sim.run()).toThrow('boom');
    // then the clock and the fired count agree on what happened
    expect(sim.now).toBe(3);
    expect(sim.fired).toBe(3);
    expect(sim.pending).toBe(2);
  });
});

describe('Simulation input errors', () => {
  const sim = new Simulation({ seed: 1 });
  sim.define('Known', () => {});

  it('negative, NaN or infinite delays raise INVALID_DELAY', () => {
    expectCode(() => sim.schedule(-1, 'Known'), 'INVALID_DELAY', /in the past/);
    expectCode(() => sim.schedule(Number.NaN, 'Known'), 'INVALID_DELAY', /NaN/);
    expectCode(() => sim.schedule(Infinity, 'Known'), 'INVALID_DELAY');
    expectCode(() => sim.scheduleCallback(-0.5, () => {}), 'INVALID_DELAY');
  });

  it('NaN, infinite or past absolute times raise INVALID_TIME', () => {
    sim.run({ until: 10 });
    expectCode(() => sim.scheduleAt(Number.NaN, 'Known'), 'INVALID_TIME', /finite/);
    expectCode(() => sim.scheduleAt(Infinity, 'Known'), 'INVALID_TIME');
    expectCode(() => sim.scheduleAt(9, 'Known'), 'INVALID_TIME', /before the current time 10/);
    expectCode(() => sim.run({ until: 5 }), 'INVALID_TIME');
    expectCode(() => sim.run({ until: Number.NaN }), 'INVALID_TIME');
    expectCode(() => new Simulation({ seed: 1, startTime: Number.NaN }), 'INVALID_TIME');
  });

  it('unknown event types raise UNKNOWN_EVENT_TYPE listing the defined ones', () => {
    expectCode(() => sim.schedule(1, 'Unknown'), 'UNKNOWN_EVENT_TYPE', /"Unknown".*Known/);
    expectCode(() => sim.kind('Nope'), 'UNKNOWN_EVENT_TYPE');
  });

  it('defining a type twice raises DUPLICATE_EVENT_TYPE', () => {
    expectCode(() => sim.define('Known', () => {}), 'DUPLICATE_EVENT_TYPE', /Known/);
    expectCode(() => sim.define('@callback', () => {}), 'DUPLICATE_EVENT_TYPE');
  });

  it('non-integer or out-of-range priorities raise INVALID_PRIORITY', () => {
    for (const bad of [0.5, Number.NaN, 5000, -5000, Infinity]) {
      expectCode(() => sim.schedule(1, 'Known', undefined, bad), 'INVALID_PRIORITY');
    }
    expectCode(() => sim.scheduleCallback(1, () => {}, 1.5), 'INVALID_PRIORITY');
  });

  it('a non-finite numeric seed raises INVALID_ARGUMENT', () => {
    expectCode(() => new Simulation({ seed: Number.NaN }), 'INVALID_ARGUMENT');
  });
});

describe('Simulation recorded$', () => {
  it('emits each recorded event with its log seq and time, then completes', () => {
    // given a subscriber on recorded$
    const sim = new Simulation({ seed: 1, record: true });
    const seen: RecordedEvent[] = [];
    let completed = false;
    sim.recorded$.subscribe({ next: (e) => seen.push(e), complete: () => (completed = true) });
    sim.define<number>('Tick', (n, s) => {
      if (n < 3) s.schedule(1.5, 'Tick', n + 1);
      if (n === 2) s.record('Noted', { n });
    });
    sim.define('Quiet', () => {}, { record: false });
    sim.schedule(0, 'Tick', 0);
    sim.schedule(0.5, 'Quiet');
    // when run and completed
    sim.run();
    sim.complete();
    // then every recorded entry was emitted, in log order, and nothing else
    expect(seen).toEqual(sim.log!.toArray());
    expect(seen.map((e) => [e.seq, e.time, e.type])).toEqual([
      [0, 0, 'Tick'], [1, 1.5, 'Tick'], [2, 3, 'Tick'], [3, 3, 'Noted'], [4, 4.5, 'Tick'],
    ]);
    expect(completed).toBe(true);
  });

  it('calls onRecorded listeners with the same events, before recorded$, until removed', () => {
    // given a listener, a recorded$ subscriber, and a second listener removed mid-run
    const sim = new Simulation({ seed: 1, record: true });
    const order: string[] = [];
    const listened: RecordedEvent[] = [];
    const streamed: RecordedEvent[] = [];
    sim.onRecorded((e) => {
      listened.push(e);
      order.push(`listener ${e.seq}`);
    });
    sim.recorded$.subscribe((e) => {
      streamed.push(e);
      order.push(`stream ${e.seq}`);
    });
    const early: number[] = [];
    const remove = sim.onRecorded((e) => early.push(e.seq));
    sim.define<number>('Tick', (n, s) => {
      if (n < 3) s.schedule(1, 'Tick', n + 1);
      if (n === 1) remove();
    });
    sim.schedule(0, 'Tick', 0);
    // when the run ends
    sim.run();
    // then the listener saw exactly what recorded$ saw, each event first
    expect(listened).toEqual(streamed);
    expect(listened).toEqual(sim.log!.toArray());
    expect(order.slice(0, 4)).toEqual(['listener 0', 'stream 0', 'listener 1', 'stream 1']);
    // and the removed listener saw the events up to the one whose handler removed it
    expect(early).toEqual([0, 1]);
  });

  it('works with rxjs operators: a filtered, mapped stream collected with toArray', async () => {
    // given a pipeline over recorded$ that keeps the even ticks
    const sim = new Simulation({ seed: 1, record: true });
    const evens = lastValueFrom(
      sim.recorded$.pipe(
        filter((e) => (e.data as number) % 2 === 0),
        map((e) => `${e.seq}@${e.time}`),
        toArray(),
      ),
    );
    sim.define<number>('Tick', (n, s) => {
      if (n < 5) s.schedule(1, 'Tick', n + 1);
    });
    sim.schedule(0, 'Tick', 0);
    // when the run ends and the stream completes
    sim.run();
    sim.complete();
    // then the pipeline saw every recorded event
    expect(await evens).toEqual(['0@0', '2@2', '4@4']);
  });

  it('emits with seq -1 when recording is off', () => {
    const sim = new Simulation({ seed: 1 });
    const seen: RecordedEvent[] = [];
    sim.recorded$.subscribe((e) => seen.push(e));
    sim.define('Tick', () => {});
    sim.schedule(2, 'Tick', 'x');
    sim.run();
    expect(seen).toEqual([{ seq: -1, time: 2, type: 'Tick', data: 'x' }]);
  });
});

describe('Simulation snapshots', () => {
  it('refuse pending callbacks with SNAPSHOT_UNSUPPORTED, and work again once they fired', () => {
    const sim = new Simulation({ seed: 1 });
    sim.define('Tick', () => {});
    sim.schedule(1, 'Tick');
    sim.scheduleCallback(2, () => {});
    expectCode(() => sim.snapshot(), 'SNAPSHOT_UNSUPPORTED', /callbacks/);
    sim.run({ until: 2 });
    expect(sim.snapshot().pending).toEqual([]);
  });

  it('restore rejects a malformed snapshot with SNAPSHOT_INVALID', () => {
    expectCode(() => Simulation.restore({ version: 99 } as never, () => {}), 'SNAPSHOT_INVALID', /version/);
    expectCode(() => Simulation.restore(null as never, () => {}), 'SNAPSHOT_INVALID');
    // a version 1 snapshot carries a hash of log format 2's encoding: resuming would mix encodings
    const sim = new Simulation({ seed: 1, record: true });
    expectCode(() => Simulation.restore({ ...sim.snapshot(), version: 1 } as never, () => {}), 'SNAPSHOT_INVALID', /version is 1, expected 2/);
  });

  it('restore raises UNKNOWN_EVENT_TYPE when a pending event type is not defined again', () => {
    const sim = new Simulation({ seed: 1 });
    sim.define('Tick', () => {});
    sim.schedule(1, 'Tick');
    const snapshot = sim.snapshot();
    expectCode(() => Simulation.restore(snapshot, () => {}), 'UNKNOWN_EVENT_TYPE', /Tick/);
  });

  it('cancellation handles kept in event data still work after a restore', () => {
    // given a timeout whose handle travels in the data of a later event
    const define = (sim: Simulation, seen: string[]): void => {
      sim.define<string>('Timeout', (d) => seen.push(d));
      sim.define<number>('Answer', (handle, s) => {
        seen.push(`cancelled:${s.cancel(handle)}`);
      });
    };
    const seen: string[] = [];
    const sim = new Simulation({ seed: 1 });
    define(sim, seen);
    const handle = sim.schedule(10, 'Timeout', 'timed out');
    sim.schedule(5, 'Answer', handle);
    sim.run({ until: 1 });
    // when restored from JSON and run
    const after: string[] = [];
    const restored = Simulation.restore(JSON.parse(JSON.stringify(sim.snapshot())), (s) => define(s, after));
    restored.run();
    // then the handle cancelled the same event
    expect(after).toEqual(['cancelled:true']);
  });

  it('a restored kernel continues with the same clock, queue, streams and log hash', () => {
    // given a run with random delays, paused at t = 20 and serialised
    const define = (sim: Simulation): void => {
      sim.define<number>('Hop', (n, s) => s.schedule(s.rng('hops').next() * 3, 'Hop', n + 1), {});
    };
    const whole = new Simulation({ seed: 'k', record: true });
    define(whole);
    whole.schedule(0, 'Hop', 0);
    whole.run({ until: 50 });
    const first = new Simulation({ seed: 'k', record: true });
    define(first);
    first.schedule(0, 'Hop', 0);
    first.run({ until: 20 });
    const saved = JSON.stringify(first.snapshot());
    // when restored and run to the end
    const resumed = Simulation.restore(JSON.parse(saved), define);
    resumed.run({ until: 50 });
    // then it ends as the uninterrupted run did
    expect(resumed.log!.digest()).toBe(whole.log!.digest());
    expect(resumed.log!.toArray()).toEqual(whole.log!.toArray().slice(first.log!.length));
    expect([resumed.now, resumed.fired, resumed.pending]).toEqual([whole.now, whole.fired, whole.pending]);
  });
});
