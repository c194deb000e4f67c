/**
 * Every error a user of the engine can cause carries a stable `code`, so callers and
 * tests can branch on it without parsing messages (the vitest/Effect convention).
 */
export type StibiumErrorCode =
  | 'INVALID_TIME'
  | 'INVALID_DELAY'
  | 'INVALID_PRIORITY'
  | 'UNKNOWN_EVENT_TYPE'
  | 'DUPLICATE_EVENT_TYPE'
  | 'INVALID_ARGUMENT'
  | 'RESOURCE_NOT_HELD'
  | 'INVALID_CAPACITY'
  | 'INVALID_AMOUNT'
  | 'SNAPSHOT_UNSUPPORTED'
  | 'SNAPSHOT_INVALID'
  | 'LOG_CORRUPT'
  | 'LOG_NOT_KEPT'
  | 'PROCESS_ERROR'
  | 'INTERRUPTED'
  | 'NOT_JSON_SAFE'
  | 'SCENARIO_INVALID'
  | 'EXPRESSION_INVALID'
  | 'OUTPUT_EXISTS'
  | 'RESULTS_INVALID'
  | 'USAGE';

/** Base class of every error the engine throws on purpose. `code` is stable across versions. */
export class StibiumError extends Error {
  /** Stable machine-readable code. */
  readonly code: StibiumErrorCode;
  /** Optional structured detail (the offending value, the path). */
  readonly detail: Readonly<Record<string, unknown>> | undefined;

  constructor(code: StibiumErrorCode, message: string, detail?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = 'StibiumError';
    this.code = code;
    this.detail = detail;
  }
}

/** True when `error` is a {@link StibiumError}, optionally with the given code. */
export function isStibiumError(error: unknown, code?: StibiumErrorCode): error is StibiumError {
  return error instanceof StibiumError && (code === undefined || error.code === code);
}
