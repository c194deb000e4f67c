import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON object as read from a results file, before its fields are checked. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** The value if it is a plain object, else null. */
export function obj(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

/** The value if it is a string, else null. */
export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The value if it is a finite number, else null (stableJson writes NaN as null). */
export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The value if it is an array, else an empty one. */
export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A scalar or small structure as one line of text (for assumption values). */
export function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Outcome of reading an optional JSON file: absent, unreadable (with why), or its value. */
export type JsonFile = { readonly kind: 'absent' } | { readonly kind: 'invalid'; readonly why: string } | { readonly kind: 'ok'; readonly value: unknown };

/** Reads `<dir>/<name>` as JSON without throwing: the report degrades on a bad file. */
export function readJsonFile(dir: string, name: string): JsonFile {
  const file = join(dir, name);
  if (!existsSync(file)) return { kind: 'absent' };
  try {
    return { kind: 'ok', value: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    return { kind: 'invalid', why: (error as Error).message };
  }
}
