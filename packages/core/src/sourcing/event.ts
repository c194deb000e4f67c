/**
 * A domain event: a discriminated union member on `type`, past tense, with JSON-safe
 * `data` (no Date, Map or class instances), as in Emmett.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** A command: an intent the decider may accept (emit events) or reject (emit a rejection event). */
export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * An event as stored in the log: the store adds the envelope (`seq`, `time`); deciders
 * never do. `seq` is the global position in the log, starting at 0.
 */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  readonly seq: number;
  readonly time: number;
  readonly type: E['type'];
  readonly data: E['data'];
}
