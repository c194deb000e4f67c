import { EventSourcedModel, StibiumError, type EventLog, type Policy, type RecordedEvent } from '@stibium/core';
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
  /**
   * Keep the recorded events (default true). False keeps only the log's hash (flat memory,
   * no retained events: fold outcomes with `onEvent`) and returns an empty list.
   */
  readonly record?: boolean;
  /** Called with each recorded event (outcome folds can stream instead of keeping the log). */
  readonly onEvent?: (event: RecordedEvent<WorldEvent>) => void;
}

/** A run's log and final state. */
export interface WorldRunResult {
  readonly events: RecordedEvent<WorldEvent>[];
  readonly finalState: WorldState;
  readonly eventCount: number;
  /** SHA-256 of the run's event log (canonical binary form, block-chained): the run's identity. */
  readonly logHash: string;
}

/** The month-clearing commands of a horizon: ClearMonth m due at t = m + 1, priority -1 (for kernel runners). */
export function monthClearingCommands(months: number): TimedCommand[] {
  return Array.from({ length: months }, (_, m) => ({ time: m + 1, priority: -1, command: { type: 'ClearMonth' as const, data: { month: m } } }));
}

/**
 * Runs the world on the engine: an {@link EventSourcedModel} over the world decider, with
 * ClearMonth m due at t = m + 1 (priority -1), timed commands at their time (priority 0
 * unless given) and policies' commands at now + delay, all in the kernel's (time,
 * priority, insertion) order. Every event is appended to the log with seq and time and
 * folded into the state; the log's SHA-256 identifies the run. Deterministic for a seed.
 */
export function runWorld(config: WorldRunConfig, options: WorldRunOptions): WorldRunResult {
  const months = config.months ?? monthsBetween(config.world.start, '2035-12');
  const model = EventSourcedModel.create<WorldCommand, WorldEvent, WorldState>(
    { decider: createWorldDecider(config.world), policies: config.policies ?? [] },
    { seed: options.seed, record: options.record === false ? 'hash' : true },
  );
  if (options.onEvent) model.sim.onRecorded(options.onEvent as (event: RecordedEvent) => void);
  for (const c of monthClearingCommands(months)) model.dispatch(c.command, { at: c.time, priority: c.priority ?? 0 });
  for (const c of config.commands ?? []) {
    if (!Number.isFinite(c.time)) throw new StibiumError('INVALID_TIME', `command ${c.command.type} has time ${c.time}`);
    model.dispatch(c.command, { at: Math.max(0, c.time), priority: c.priority ?? 0 });
  }
  model.run({ until: months });
  model.sim.complete();
  const log = model.log as EventLog;
  return {
    events: options.record === false ? [] : (log.toArray() as RecordedEvent<WorldEvent>[]),
    finalState: model.state,
    eventCount: log.length,
    logHash: log.digest(),
  };
}
