import type { ValidationContext } from './context.ts';
import type { LeverChoice } from './levers.ts';
import { setOwn } from './origins.ts';
import type { Origins } from './origins.ts';
import { suggest } from './suggest.ts';

/** Lever values set by the caller (`--lever name=value`), over what the file says. */
export type LeverLayer = Readonly<Record<string, LeverChoice>>;

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names of the levers a merged scenario (or variant) declares. */
export function declaredIn(data: unknown): string[] {
  return isPlain(data) && isPlain(data['levers']) ? Object.keys(data['levers']) : [];
}

/**
 * Sets the layer's levers in merged scenario data, as if a top file gave them: a lever
 * written `{ value, options }` keeps its options and description, a bare value is
 * replaced. Only levers the data declares are set; the input is not modified and the
 * copies keep their origins, so problems still point into the file.
 */
export function applyLeverLayer(data: Record<string, unknown>, layer: LeverLayer, origins: Origins): { data: Record<string, unknown>; set: Set<string> } {
  const declared = declaredIn(data);
  const names = Object.keys(layer).filter((n) => declared.includes(n));
  if (names.length === 0) return { data, set: new Set() };
  const levers = { ...(data['levers'] as Record<string, unknown>) };
  origins.set(levers, origins.get(data['levers'] as object));
  for (const name of names) {
    const value = layer[name];
    const current = levers[name];
    if (isPlain(current)) {
      const lever = { ...current, value };
      origins.set(lever, origins.get(current));
      setOwn(levers, name, lever);
    } else setOwn(levers, name, value);
  }
  const out = { ...data, levers };
  origins.set(out, origins.get(data));
  return { data: out, set: new Set(names) };
}

/**
 * Reports layer levers that neither the scenario nor any of its variants declares, with a
 * suggestion among those declared.
 */
export function checkLayerNames(ctx: ValidationContext, layer: LeverLayer, declared: readonly string[]): void {
  for (const name of Object.keys(layer)) {
    if (declared.includes(name)) continue;
    const guess = suggest(name, declared);
    ctx.report(['levers', name], 'UNKNOWN_REFERENCE', `lever \`${name}\` (given with --lever / the levers option) is not declared by this scenario or its variants; ${declared.length === 0 ? 'it declares no levers' : `levers: ${declared.join(', ')}`}`, {
      atKey: true,
      expected: 'a declared lever',
      found: JSON.stringify(name),
      ...(guess !== undefined ? { suggestion: guess } : {}),
    });
  }
}

/**
 * Why merged scenario data cannot take the layer's values: the first layer lever whose value
 * is not among the options the data declare for it (a variant may narrow a lever's
 * options); undefined when every layer value is allowed.
 */
export function refusedLayerValue(data: Record<string, unknown>, layered: ReadonlySet<string>): string | undefined {
  const levers = data['levers'];
  if (!isPlain(levers)) return undefined;
  for (const name of layered) {
    const lever = levers[name];
    if (!isPlain(lever) || !Array.isArray(lever['options'])) continue;
    const options = lever['options'] as unknown[];
    const values = Array.isArray(lever['value']) ? (lever['value'] as unknown[]) : [lever['value']];
    const refused = values.find((v) => !options.includes(v));
    if (refused !== undefined) return `--lever ${name}=${String(refused)} is not one of its options (${options.map(String).join(', ')})`;
  }
  return undefined;
}
