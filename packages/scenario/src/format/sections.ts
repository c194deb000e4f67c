import type { ValidationContext } from './context.ts';
import { MAX_HORIZON_YEARS } from './limits.ts';
import { suggest } from './suggest.ts';
import type { LeverValue, ResolvedLever } from './types.ts';

/** Checks that the horizon runs forward and is not absurdly long. */
export function checkHorizon(ctx: ValidationContext, horizon: { start: string; end: string }): boolean {
  if (horizon.end < horizon.start) {
    ctx.report(['horizon', 'end'], 'OUT_OF_RANGE', `the horizon ends (${horizon.end}) before it starts (${horizon.start})`, { expected: `a month after ${horizon.start}`, found: horizon.end });
    return false;
  }
  const years = Number(horizon.end.slice(0, 4)) - Number(horizon.start.slice(0, 4));
  if (years > MAX_HORIZON_YEARS) {
    ctx.report(['horizon', 'end'], 'OUT_OF_RANGE', `the horizon spans ${years} years; at most ${MAX_HORIZON_YEARS} are allowed`, { expected: `at most ${MAX_HORIZON_YEARS} years`, found: `${years} years` });
    return false;
  }
  return true;
}

/** Checks the vintage against the catalogue's, when it lists them. */
export function checkVintage(ctx: ValidationContext, vintage: string): void {
  const known = ctx.catalog.vintages;
  if (!known || known.includes(vintage)) return;
  const guess = suggest(vintage, known);
  ctx.report(['vintage'], 'UNKNOWN_REFERENCE', `unknown data vintage \`${vintage}\`; known: ${known.join(', ')}`, { found: JSON.stringify(vintage), ...(guess !== undefined ? { suggestion: guess } : {}) });
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*+/g, '.*')}$`);
}

/** Checks each outcome id or glob against the catalogue's outcomes, when it lists them. */
export function checkOutcomes(ctx: ValidationContext, outcomes: readonly string[]): void {
  const known = ctx.catalog.outcomes;
  if (!known) return;
  outcomes.forEach((pattern, i) => {
    if (pattern.includes('*')) {
      const re = globToRegExp(pattern);
      if (!known.some((id) => re.test(id))) ctx.report(['outcomes', i], 'UNKNOWN_REFERENCE', `pattern \`${pattern}\` matches no outcome`, { found: JSON.stringify(pattern) });
    } else if (!known.includes(pattern)) {
      const guess = suggest(pattern, known);
      ctx.report(['outcomes', i], 'UNKNOWN_REFERENCE', `unknown outcome \`${pattern}\``, { expected: 'an outcome id', found: JSON.stringify(pattern), ...(guess !== undefined ? { suggestion: guess } : {}) });
    }
  });
}

type RawLever = LeverValue | { value: LeverValue; options?: (number | string | boolean)[]; description?: string };

/**
 * Normalises levers to `{ value, options?, description? }`; a value must be one of its
 * options. `layered` names levers whose value the caller set (`--lever`), so the message
 * says where the value came from.
 */
export function resolveLevers(ctx: ValidationContext, raw: Readonly<Record<string, RawLever>>, layered: ReadonlySet<string> = new Set()): Record<string, ResolvedLever> {
  const out: Record<string, ResolvedLever> = {};
  for (const [name, lever] of Object.entries(raw)) {
    if (typeof lever !== 'object' || Array.isArray(lever)) {
      out[name] = { value: lever as LeverValue };
      continue;
    }
    const { value, options, description } = lever as { value: LeverValue; options?: (number | string | boolean)[]; description?: string };
    if (options) {
      const chosen = Array.isArray(value) ? value : [value];
      chosen.forEach((v) => {
        if (options.includes(v)) return;
        const guess = typeof v === 'string' ? suggest(v, options.filter((o): o is string => typeof o === 'string')) : undefined;
        const given = layered.has(name) ? `lever \`${name}\` was given the value ${JSON.stringify(v)} (--lever / the levers option), which` : `lever value ${JSON.stringify(v)}`;
        ctx.report(['levers', name, 'value'], 'INVALID_VALUE', `${given} is not one of its options (${options.map((o) => JSON.stringify(o)).join(', ')})`, {
          expected: `one of ${options.join(', ')}`,
          found: JSON.stringify(v),
          ...(guess !== undefined ? { suggestion: guess } : {}),
        });
      });
    }
    out[name] = { value, ...(options ? { options } : {}), ...(description !== undefined ? { description } : {}) };
  }
  return out;
}
