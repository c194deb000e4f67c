import type { ValidationContext } from './context.ts';
import { MAX_MAGNITUDE } from './limits.ts';

/**
 * Reports every NaN, infinity (YAML `.nan`, `.inf`) and absurdly large number anywhere in
 * the scenario, before the schema looks at it, and returns their paths so the schema's
 * less specific message for the same value is skipped.
 */
export function scanNumbers(ctx: ValidationContext, value: unknown, path: (string | number)[] = []): Set<string> {
  const flagged = new Set<string>();
  const walk = (v: unknown, at: (string | number)[]): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        ctx.report(at, 'NOT_FINITE', `expected a finite number, found ${Number.isNaN(v) ? 'NaN (.nan)' : v > 0 ? 'Infinity (.inf)' : '-Infinity (-.inf)'}`, {
          expected: 'a finite number',
          found: String(v),
        });
        flagged.add(JSON.stringify(at));
      } else if (Math.abs(v) > MAX_MAGNITUDE) {
        ctx.report(at, 'TOO_LARGE', `number ${v} is absurdly large: magnitudes above ${MAX_MAGNITUDE.toExponential()} are refused (a typo?)`, {
          expected: `a number with magnitude <= ${MAX_MAGNITUDE.toExponential()}`,
          found: String(v),
        });
        flagged.add(JSON.stringify(at));
      }
    } else if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...at, i]));
    else if (typeof v === 'object' && v !== null) for (const [k, item] of Object.entries(v)) walk(item, [...at, k]);
  };
  walk(value, path);
  return flagged;
}
