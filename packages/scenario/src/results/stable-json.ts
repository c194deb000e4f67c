/**
 * Pretty JSON with object keys sorted and two-space indent, ending in a newline: equal
 * values always give the same bytes, so result files are reproducible and diff well.
 * Non-finite numbers become null (JSON has no NaN).
 */
export function stableJson(value: unknown): string {
  return `${render(value, '')}\n`;
}

function render(value: unknown, indent: string): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? (Object.is(value, -0) ? '0' : String(value)) : 'null';
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      const inner = `${indent}  `;
      if (Array.isArray(value)) {
        if (value.length === 0) return '[]';
        return `[\n${value.map((v) => inner + render(v, inner)).join(',\n')}\n${indent}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
      if (keys.length === 0) return '{}';
      return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${render(record[k], inner)}`).join(',\n')}\n${indent}}`;
    }
    default:
      return 'null';
  }
}
