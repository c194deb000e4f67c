import { SqliteLogStore } from '@stibium/core';

/** core's SQLite log store, where `--keep-logs` writes and `replay` reads. */
export function sqliteLogStore(): typeof SqliteLogStore {
  return SqliteLogStore;
}

/** The file name of run `run`'s log in a results folder: `logs/<scenario>/run-000042.sqlite`. */
export function logFileName(run: number): string {
  return `run-${String(run).padStart(6, '0')}.sqlite`;
}

/**
 * A scenario id made safe as one path segment: letters, digits, `.`, `_` and `-` kept,
 * everything else `_`, so no id can point outside the results folder.
 */
export function safeSegment(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '_');
  return safe === '' || /^\.+$/.test(safe) ? `_${safe}` : safe;
}
