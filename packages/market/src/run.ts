import { RandomStreams, StibiumError, type DecideContext, type Policy, type RecordedEvent } from '@stibium/core';
import type { WorldCommand } from './model/commands.ts';
import { createWorldDecider } from './model/decider.ts';
import type { WorldEvent } from './model/events.ts';
import type { WorldState } from './model/state.ts';
import { monthsBetween } from './time.ts';
import type { World } from './world/types.ts';

/** A command due at model time `time` (fractional months). */
export interface TimedCommand {
  readonly time: number;
  readonly command: WorldCommand;
  /** Lower runs first among commands due at the same time (default 0; month clearing is -1, so an intervention dated the 1st of a month applies to that month). */
  readonly priority?: number;
}

/** What {@link runWorld} runs. */
export interface WorldRunConfig {
  readonly world: World;
  /** Number of months to clear (default: the world's start to 2035-12). */
  readonly months?: number;
  /** Timed commands (interventions), e.g. from @stibium/policy's compiler. */
  readonly commands?: readonly TimedCommand[];
  /** Policies reacting to recorded events with more commands. */
  readonly policies?: readonly Policy<WorldCommand, WorldEvent, WorldState>[];
}

/** Options of a run. */
export interface WorldRunOptions {
  readonly seed: string | number;
  /** Keep the recorded events (default true); false returns an empty list, for speed. */
  readonly record?: boolean;
  /** Called with each recorded event (outcome folds can stream instead of keeping the log). */
  readonly onEvent?: (event: RecordedEvent<WorldEvent>) => void;
}

/** A run's log and final state. */
export interface WorldRunResult {
  readonly events: RecordedEvent<WorldEvent>[];
  readonly finalState: WorldState;
  readonly eventCount: number;
}

/** The month-clearing commands of a horizon: ClearMonth m due at t = m + 1, priority -1 (for kernel runners). */
export function monthClearingCommands(months: number): TimedCommand[] {
  return Array.from({ length: months }, (_, m) => ({ time: m + 1, priority: -1, command: { type: 'ClearMonth' as const, data: { month: m } } }));
}

interface Queued {
  readonly time: number;
  readonly priority: number;
  readonly seq: number;
  readonly command: WorldCommand;
}

function before(a: Queued, b: Queued): boolean {
  return a.time !== b.time ? a.time < b.time : a.priority !== b.priority ? a.priority < b.priority : a.seq < b.seq;
}

/**
 * Runs the world without the kernel: ClearMonth m is due at t = m + 1 (priority -1), timed
 * commands at their time (priority 0 unless given), policies' commands at now + delay;
 * commands run in (time, priority, insertion) order, each event recorded with seq and
 * time and folded into the state. Deterministic for a seed.
 */
export function runWorld(config: WorldRunConfig, options: WorldRunOptions): WorldRunResult {
  const decider = createWorldDecider(config.world);
  const months = config.months ?? monthsBetween(config.world.start, '2035-12');
  const streams = new RandomStreams(options.seed);
  const record = options.record ?? true;
  const queue: Queued[] = [];
  let seq = 0;
  const push = (time: number, priority: number, command: WorldCommand): void => {
    if (!Number.isFinite(time)) throw new StibiumError('INVALID_TIME', `command ${command.type} has time ${time}`);
    const item: Queued = { time, priority, seq: seq++, command };
    let i = queue.length;
    while (i > 0 && before(item, queue[i - 1] as Queued)) i--;
    queue.splice(i, 0, item);
  };
  for (const c of monthClearingCommands(months)) push(c.time, c.priority ?? 0, c.command);
  for (const c of config.commands ?? []) push(Math.max(0, c.time), c.priority ?? 0, c.command);
  const policies = config.policies ?? [];
  let state = decider.initialState();
  const events: RecordedEvent<WorldEvent>[] = [];
  let logSeq = 0;
  let now = 0;
  const context: DecideContext = { get now() { return now; }, rng: (name) => streams.get(name) };
  while (queue.length > 0) {
    const next = queue.shift() as Queued;
    if (next.time > months) break;
    now = Math.max(now, next.time);
    const step = decider.step(next.command, state, context);
    const produced = step.events;
    let folded = state;
    for (const event of produced) {
      const recorded = { seq: logSeq++, time: now, type: event.type, data: event.data } as RecordedEvent<WorldEvent>;
      // Policies see the state after each event; only then is the per-event fold needed.
      if (policies.length > 0) folded = decider.evolve(folded, event);
      if (record) events.push(recorded);
      options.onEvent?.(recorded);
      for (const policy of policies) {
        for (const scheduled of policy.react(recorded, folded, context)) {
          push(now + Math.max(0, scheduled.delay ?? 0), scheduled.priority ?? 0, scheduled.command);
        }
      }
    }
    state = step.state;
  }
  return { events, finalState: state, eventCount: logSeq };
}
