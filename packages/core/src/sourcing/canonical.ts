import { StibiumError } from '../errors.ts';

/**
 * Canonical JSON: object keys sorted, no whitespace, numbers as JavaScript prints them
 * (shortest round-trip form), -0 written as 0. Two equal values always give the same
 * text, which is what a hash of a log needs. Non-finite numbers, functions, Maps and other
 * non-JSON values are refused rather than silently changed.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new StibiumError('NOT_JSON_SAFE', `cannot serialise the non-finite number ${value}`);
      }
      return Object.is(value, -0) ? '0' : String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${Array.from(value, (item) => canonicalJson(item)).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new StibiumError('NOT_JSON_SAFE', `cannot serialise an instance of ${(value as object).constructor?.name ?? 'unknown'}; event data must be plain JSON`);
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
    }
    case 'undefined':
      return 'null';
    default:
      throw new StibiumError('NOT_JSON_SAFE', `cannot serialise a value of type ${typeof value}`);
  }
}
