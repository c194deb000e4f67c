import type { z } from 'zod';
import type { ValidationContext } from './context.ts';
import type { DataPath } from './origins.ts';
import { renderFound } from './problems.ts';
import { suggest } from './suggest.ts';
import { allowedKeys, findUnknownKeys, schemaAt } from './zod-walk.ts';

type Issue = z.core.$ZodIssue & { input?: unknown };

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  tuple: 'a list',
  record: 'a mapping',
  literal: 'a fixed value',
};

function typeWord(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean; origin?: string }, small: boolean): string {
  const limit = small ? issue.minimum : issue.maximum;
  const shown = typeof limit === 'bigint' ? limit.toString() : String(limit);
  if (issue.origin === 'array' || issue.origin === 'set') return `${small ? 'at least' : 'at most'} ${shown} item${shown === '1' ? '' : 's'}`;
  if (issue.origin === 'string') return `${small ? 'at least' : 'at most'} ${shown} character${shown === '1' ? '' : 's'}`;
  const op = small ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
  return `a number ${op} ${shown}`;
}

function unionExpectation(issue: Issue & { errors?: Issue[][] }): string {
  const words = new Set<string>();
  for (const branch of issue.errors ?? []) {
    const first = branch[0];
    if (first && first.code === 'invalid_type' && first.path.length === 0) words.add(typeWord(first.expected));
  }
  if (words.has('a number') && words.has('a string')) return 'a number or an expression string';
  return words.size > 0 ? [...words].join(' or ') : 'a different value';
}

/**
 * Turns zod issues (from parsing `data` at `base` in the merged tree) into located
 * problems with expected/found and typo suggestions. `skip` holds paths already reported
 * (e.g. NaN found by the number scan), so one mistake gives one message.
 */
export function reportIssues(
  ctx: ValidationContext,
  schema: z.ZodType,
  data: unknown,
  issues: readonly Issue[],
  base: DataPath,
  skip: ReadonlySet<string>,
  suggestedKeys: ReadonlySet<string> = new Set(),
): void {
  const missingSuggested = new Set<string>(suggestedKeys);
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = schemaAt(schema, data, issue.path);
    const allowed = parent ? allowedKeys(parent.schema, parent.data) : [];
    for (const key of issue.keys) {
      const guess = suggest(key, allowed);
      if (guess !== undefined) missingSuggested.add(JSON.stringify([...issue.path, guess]));
    }
  }
  for (const issue of issues) {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (skip.has(JSON.stringify(path))) continue;
    const input = issue.input;
    switch (issue.code) {
      case 'unrecognized_keys': {
        const parent = schemaAt(schema, data, issue.path);
        const allowed = parent ? allowedKeys(parent.schema, parent.data) : [];
        for (const key of issue.keys) {
          const guess = suggest(key, allowed);
          ctx.report([...path, key], 'UNKNOWN_KEY', `unknown key \`${key}\``, {
            atKey: true,
            expected: allowed.length > 0 ? `one of ${allowed.join(', ')}` : undefined,
            ...(guess !== undefined ? { suggestion: guess } : {}),
          });
        }
        break;
      }
      case 'invalid_type': {
        if (input === undefined) {
          if (missingSuggested.has(JSON.stringify(issue.path))) break;
          const field = String(path[path.length - 1]);
          ctx.report(path, 'MISSING_FIELD', `missing required field \`${field}\` (${typeWord(issue.expected)})`, { expected: typeWord(issue.expected), found: 'nothing' });
        } else {
          const expected = typeWord(issue.expected);
          ctx.report(path, 'WRONG_TYPE', `expected ${expected}, found ${renderFound(input)}`, { expected, found: renderFound(input) });
        }
        break;
      }
      case 'too_small':
      case 'too_big': {
        const expected = bound(issue as never, issue.code === 'too_small');
        ctx.report(path, 'OUT_OF_RANGE', `expected ${expected}, found ${renderFound(input)}`, { expected, found: renderFound(input) });
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map((v) => String(v));
        const expected = options.length === 1 ? `\`${options[0]}\`` : `one of ${options.join(', ')}`;
        const guess = typeof input === 'string' ? suggest(input, options) : undefined;
        ctx.report(path, 'INVALID_VALUE', `expected ${expected}, found ${renderFound(input)}`, { expected, found: renderFound(input), ...(guess !== undefined ? { suggestion: guess } : {}) });
        break;
      }
      case 'invalid_union': {
        const u = issue as Issue & { discriminator?: string; options?: unknown[]; errors?: Issue[][] };
        if (u.discriminator !== undefined && u.options) {
          const options = u.options.map((o) => String(o));
          const given = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[u.discriminator] : undefined;
          const atPath = path[path.length - 1] === u.discriminator ? path : [...path, u.discriminator];
          const guess = typeof given === 'string' ? suggest(given, options) : undefined;
          ctx.report(atPath, given === undefined ? 'MISSING_FIELD' : 'INVALID_VALUE', `expected \`${u.discriminator}\` to be one of ${options.join(', ')}, found ${renderFound(given)}`, {
            expected: `one of ${options.join(', ')}`,
            found: renderFound(given),
            ...(guess !== undefined ? { suggestion: guess } : {}),
          });
        } else if (input === undefined) {
          if (missingSuggested.has(JSON.stringify(issue.path))) break;
          const expected = unionExpectation(u);
          ctx.report(path, 'MISSING_FIELD', `missing required field \`${String(path[path.length - 1])}\` (${expected})`, { expected, found: 'nothing' });
        } else {
          const expected = unionExpectation(u);
          ctx.report(path, 'WRONG_TYPE', `expected ${expected}, found ${renderFound(input)}`, { expected, found: renderFound(input) });
        }
        break;
      }
      case 'invalid_format':
      case 'custom':
      case 'invalid_key':
      case 'invalid_element':
      case 'not_multiple_of':
      default: {
        const message = issue.message.startsWith('Invalid') || issue.message.startsWith('Too') ? issue.message.toLowerCase() : issue.message;
        ctx.report(path, 'INVALID_VALUE', `${message}, found ${renderFound(input)}`, { found: renderFound(input) });
      }
    }
  }
}

/**
 * Reports keys that a non-strict schema would silently drop, with suggestions; returns
 * the suggested keys' paths (relative to `data`) so "missing field" for them is not repeated.
 */
export function reportUnknownKeys(ctx: ValidationContext, schema: z.ZodType, data: unknown, base: DataPath): Set<string> {
  const suggested = new Set<string>();
  for (const unknown of findUnknownKeys(schema, data)) {
    const guess = suggest(unknown.key, unknown.allowed);
    if (guess !== undefined) suggested.add(JSON.stringify([...unknown.path, guess]));
    ctx.report([...base, ...unknown.path, unknown.key], 'UNKNOWN_KEY', `unknown key \`${unknown.key}\``, {
      atKey: true,
      expected: `one of ${unknown.allowed.join(', ')}`,
      ...(guess !== undefined ? { suggestion: guess } : {}),
    });
  }
  return suggested;
}
