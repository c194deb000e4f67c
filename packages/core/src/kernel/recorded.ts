import { Subject, type Observable } from 'rxjs';
import type { RecordedEvent } from '../sourcing/event.ts';

/**
 * Where a simulation's recorded events go as they are appended: plain listeners first
 * (a per-event fold pays one call), then the rxjs stream. With neither, `observed` is
 * false and the kernel builds no event object at all.
 */
export class RecordedEvents {
  #subject: Subject<RecordedEvent> | undefined;
  readonly #listeners: ((event: RecordedEvent) => void)[] = [];
  /** True while anything listens: the kernel checks it before building an event. */
  observed = false;

  /** The stream, hot; made (and listened to) at its first request. */
  stream(): Observable<RecordedEvent> {
    if (this.#subject === undefined) {
      this.#subject = new Subject<RecordedEvent>();
      this.observed = true;
    }
    return this.#subject.asObservable();
  }

  /** Adds a plain listener; returns a function that removes it. */
  listen(listener: (event: RecordedEvent) => void): () => void {
    this.#listeners.push(listener);
    this.observed = true;
    return () => {
      const at = this.#listeners.indexOf(listener);
      if (at >= 0) this.#listeners.splice(at, 1);
      this.observed = this.#subject !== undefined || this.#listeners.length > 0;
    };
  }

  /** Hands one event to the listeners, then to the stream. */
  emit(event: RecordedEvent): void {
    const listeners = this.#listeners;
    for (let i = 0; i < listeners.length; i++) (listeners[i] as (event: RecordedEvent) => void)(event);
    this.#subject?.next(event);
  }

  /** Completes the stream (end of run). */
  complete(): void {
    this.#subject?.complete();
  }
}
