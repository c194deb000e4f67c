import { StibiumError } from '../errors.ts';

// Argument checks of the kernel's public methods: each error names the bad value.

/** Throws INVALID_TIME unless `time` is finite. */
export function checkTime(time: number, what: string): void {
  if (!Number.isFinite(time)) {
    throw new StibiumError('INVALID_TIME', `${what} must be a finite number, got ${time}`, { time });
  }
}

/** Throws INVALID_DELAY for a delay that is negative, NaN or infinite. */
export function checkDelay(delay: number): never {
  throw new StibiumError(
    'INVALID_DELAY',
    `delay must be a finite number >= 0, got ${delay}${delay < 0 ? ' (events cannot be scheduled in the past)' : ''}`,
    { delay },
  );
}

/** Throws INVALID_TIME for an absolute time that is not finite or lies in the past. */
export function checkAbsolute(time: number, now: number): never {
  if (Number.isNaN(time) || time === Infinity || time === -Infinity) {
    throw new StibiumError('INVALID_TIME', `time must be a finite number, got ${time}`, { time });
  }
  throw new StibiumError('INVALID_TIME', `time ${time} is before the current time ${now}`, { time, now });
}
