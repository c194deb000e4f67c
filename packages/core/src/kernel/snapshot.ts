import { StibiumError } from '../errors.ts';
import type { RandomStreamState } from '../random/stream.ts';
import type { LogHashState } from '../sourcing/hash.ts';

/**
 * Format version of {@link KernelSnapshot}; bumped when its shape changes or when the log
 * hash it carries on changes encoding (2: log format 3's encoding), so an old snapshot is
 * refused instead of resuming into a mixed hash.
 */
export const SNAPSHOT_VERSION = 2;

/** One pending plain-data event in a snapshot. */
export interface PendingEvent {
  readonly time: number;
  readonly priority: number;
  readonly seq: number;
  readonly type: string;
  readonly data: unknown;
}

/**
 * Everything needed to continue a kernel run exactly: clock, pending events (plain data),
 * the queue's sequence counter, random stream states, and where the log stands (length and
 * hash). JSON-safe: `JSON.stringify` it to store, `JSON.parse` to load.
 */
export interface KernelSnapshot {
  readonly version: number;
  readonly seed: string;
  readonly now: number;
  readonly nextSeq: number;
  readonly fired: number;
  readonly record: boolean;
  readonly pending: readonly PendingEvent[];
  readonly streams: readonly RandomStreamState[];
  readonly log: { readonly length: number; readonly hash: LogHashState } | null;
}

/** Throws SNAPSHOT_INVALID unless `value` has the shape of a {@link KernelSnapshot}. */
export function checkKernelSnapshot(value: unknown): asserts value is KernelSnapshot {
  const s = value as Partial<KernelSnapshot> | null;
  const problem =
    s === null || typeof s !== 'object' ? 'it is not an object'
    : s.version !== SNAPSHOT_VERSION ? `version is ${String(s.version)}, expected ${SNAPSHOT_VERSION}`
    : typeof s.seed !== 'string' ? 'seed is missing'
    : typeof s.now !== 'number' || !Number.isFinite(s.now) ? 'now is not a finite number'
    : !Array.isArray(s.pending) ? 'pending is not a list'
    : !Array.isArray(s.streams) ? 'streams is not a list'
    : undefined;
  if (problem !== undefined) throw new StibiumError('SNAPSHOT_INVALID', `not a kernel snapshot: ${problem}`);
}
