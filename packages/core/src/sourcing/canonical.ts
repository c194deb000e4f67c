import { StibiumError } from '../errors.ts';

// Quoted keys are few and repeat on every event: quote each once.
const quotedKeys = new Map<string, string>();

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  // Objects built by the same code keep one key order; only sort when it is not sorted.
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) return keys.sort();
  }
  return keys;
}

function number(value: number): string {
  if (!Number.isFinite(value)) throw new StibiumError('NOT_JSON_SAFE', `cannot serialise the non-finite number ${value}`);
  return value === 0 ? '0' : String(value);
}

/**
 * Canonical JSON: object keys sorted, no whitespace, numbers as JavaScript prints them
 * (shortest round-trip form), -0 written as 0, keys whose value is undefined left out.
 * Two equal values always give the same text, which is what a hash of a log needs.
 * Non-finite numbers, functions, Maps and other non-JSON values are refused rather than
 * silently changed.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return number(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new StibiumError('NOT_JSON_SAFE', `cannot serialise an instance of ${(value as object).constructor?.name ?? 'unknown'}; event data must be plain JSON`);
      }
      const record = value as Record<string, unknown>;
      let out = '{';
      let first = true;
      for (const key of sortedKeys(record)) {
        const item = record[key];
        if (item === undefined) continue;
        out += (first ? '' : ',') + quoteKey(key) + ':' + canonicalJson(item);
        first = false;
      }
      return `${out}}`;
    }
    case 'undefined':
      return 'null';
    default:
      throw new StibiumError('NOT_JSON_SAFE', `cannot serialise a value of type ${typeof value}`);
  }
}
