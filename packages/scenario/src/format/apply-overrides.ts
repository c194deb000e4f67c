import { StibiumError } from '@stibium/core';
import { suggest } from './suggest.ts';

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function setPath(node: unknown, parts: readonly string[], value: number, full: string): unknown {
  const [head, ...rest] = parts;
  if (head === undefined) {
    if (typeof node !== 'number') {
      throw new StibiumError('INVALID_ARGUMENT', `override \`${full}\` names ${isContainer(node) ? 'a group of parameters' : `a ${typeof node}`}, not a number`, { path: full });
    }
    return value;
  }
  if (!isContainer(node) || !Object.hasOwn(node, head) || head === '__proto__') {
    const keys = isContainer(node) && !Array.isArray(node) ? Object.keys(node) : [];
    const guess = suggest(head, keys);
    throw new StibiumError('INVALID_ARGUMENT', `unknown parameter path \`${full}\`: no \`${head}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}`, {
      path: full,
      ...(guess ? { suggestion: guess } : {}),
    });
  }
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[Number(head)] = setPath(node[Number(head)], rest, value, full);
    return copy;
  }
  return { ...node, [head]: setPath(node[head], rest, value, full) };
}

/**
 * Returns a copy of `world` (plain data: objects, arrays, numbers) with each dotted path in
 * `overrides` set to its number; `world` is not modified and unchanged branches are shared.
 * A path that does not name an existing number throws `INVALID_ARGUMENT`, with a suggestion.
 *
 * @example applyOverrides({ pk: { royalty: 0.1 } }, { 'pk.royalty': 0.15 }) // { pk: { royalty: 0.15 } }
 */
export function applyOverrides<T>(world: T, overrides: Readonly<Record<string, number>>): T {
  let out: unknown = world;
  for (const path of Object.keys(overrides).sort()) {
    const value = overrides[path] as number;
    if (!Number.isFinite(value)) throw new StibiumError('INVALID_ARGUMENT', `override \`${path}\` must be a finite number, got ${value}`, { path });
    out = setPath(out, path.split('.'), value, path);
  }
  return out as T;
}
