import type { z } from 'zod';

/**
 * Small read-only walks over zod 4 schemas, used to explain problems (which keys are
 * allowed here?), to find unknown keys in schemas that are not strict (the policy
 * package's), and to find the number-typed places where a string is an expression.
 */

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  getter?: () => AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  shape?: Record<string, AnySchema>;
  catchall?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  items?: AnySchema[];
  values?: unknown[];
}

function def(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under wrappers (optional, default, pipe input, lazy). */
export function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 32; i++) {
    const d = def(s);
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else return s;
  }
  return s;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** For a union, the option `data` was most likely meant for (by discriminator, then by shape). */
function selectOption(schema: AnySchema, data: unknown): AnySchema | undefined {
  const d = def(schema);
  const options = d.options ?? [];
  if (d.discriminator !== undefined && isPlainObject(data)) {
    const tag = data[d.discriminator];
    for (const option of options) {
      const field = def(unwrap(option)).shape?.[d.discriminator];
      if (field && (def(unwrap(field)).values ?? []).includes(tag)) return option;
    }
    return undefined;
  }
  const ok = options.find((o) => o.safeParse(data).success);
  if (ok) return ok;
  const kind = Array.isArray(data) ? 'array' : isPlainObject(data) ? 'object' : typeof data;
  return options.find((o) => {
    const t = def(unwrap(o)).type;
    return t === kind || (kind === 'object' && t === 'record');
  });
}

/** The schema of `data`'s value, with unions resolved against `data`. */
export function resolveSchema(schema: AnySchema, data: unknown): AnySchema | undefined {
  let s: AnySchema | undefined = unwrap(schema);
  for (let i = 0; i < 8 && s && def(s).type === 'union'; i++) {
    const chosen: AnySchema | undefined = selectOption(s, data);
    s = chosen ? unwrap(chosen) : undefined;
  }
  return s;
}

/** The schema at `key` inside a value whose schema is `schema`. */
export function childSchema(schema: AnySchema, data: unknown, key: string | number): AnySchema | undefined {
  const s = resolveSchema(schema, data);
  if (!s) return undefined;
  const d = def(s);
  if (d.type === 'object') return d.shape?.[String(key)] ?? (d.catchall && def(d.catchall).type !== 'never' ? d.catchall : undefined);
  if (d.type === 'array') return d.element;
  if (d.type === 'record') return d.valueType;
  if (d.type === 'tuple' && typeof key === 'number') return d.items?.[key];
  return undefined;
}

/** Walks `path` through `data` and `schema` together; the schema found there, if any. */
export function schemaAt(schema: AnySchema, data: unknown, path: readonly PropertyKey[]): { schema: AnySchema; data: unknown } | undefined {
  let s: AnySchema | undefined = schema;
  let value: unknown = data;
  for (const key of path) {
    if (!s || typeof key === 'symbol') return undefined;
    s = childSchema(s, value, key);
    value = isPlainObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return s ? { schema: s, data: value } : undefined;
}

/** The keys an object schema allows (after unwrapping and union resolution), or []. */
export function allowedKeys(schema: AnySchema, data: unknown): readonly string[] {
  const s = resolveSchema(schema, data);
  return s && def(s).type === 'object' ? Object.keys(def(s).shape ?? {}) : [];
}

/** Whether `schema` takes numbers only (so a string found there is meant as an expression). */
export function expectsNumber(schema: AnySchema): boolean {
  const s = unwrap(schema);
  const d = def(s);
  if (d.type === 'number') return true;
  if (d.type === 'union') return (d.options ?? []).every((o) => expectsNumber(o));
  return false;
}

/** Keys present in `data` that `schema` does not declare, anywhere below; for non-strict schemas. */
export function findUnknownKeys(
  schema: AnySchema,
  data: unknown,
  path: readonly (string | number)[] = [],
): { path: (string | number)[]; key: string; allowed: readonly string[] }[] {
  const found: { path: (string | number)[]; key: string; allowed: readonly string[] }[] = [];
  const s = resolveSchema(schema, data);
  if (!s) return found;
  const d = def(s);
  if (d.type === 'object' && isPlainObject(data)) {
    const shape = d.shape ?? {};
    const open = d.catchall !== undefined && def(d.catchall).type !== 'never';
    for (const [key, value] of Object.entries(data)) {
      const field = shape[key];
      if (field) found.push(...findUnknownKeys(field, value, [...path, key]));
      else if (!open) found.push({ path: [...path], key, allowed: Object.keys(shape) });
    }
  } else if (d.type === 'array' && Array.isArray(data) && d.element) {
    data.forEach((item, i) => found.push(...findUnknownKeys(d.element as AnySchema, item, [...path, i])));
  } else if (d.type === 'record' && isPlainObject(data) && d.valueType) {
    for (const [key, value] of Object.entries(data)) found.push(...findUnknownKeys(d.valueType, value, [...path, key]));
  }
  return found;
}

/**
 * Copies `data`, replacing each string found where `schema` expects a number by
 * `evaluate(string, path)`; lets number-only schemas (the policy package's) accept expressions.
 */
export function substituteExpressions(
  schema: AnySchema,
  data: unknown,
  evaluate: (source: string, path: (string | number)[]) => number | undefined,
  path: (string | number)[] = [],
): unknown {
  if (typeof data === 'string') {
    if (expectsNumber(schema)) return evaluate(data, path) ?? data;
    return data;
  }
  if (Array.isArray(data)) {
    return data.map((item, i) => {
      const child = childSchema(schema, data, i);
      return child ? substituteExpressions(child, item, evaluate, [...path, i]) : item;
    });
  }
  if (isPlainObject(data)) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      const child = childSchema(schema, data, key);
      out[key] = child ? substituteExpressions(child, value, evaluate, [...path, key]) : value;
    }
    return out;
  }
  return data;
}
