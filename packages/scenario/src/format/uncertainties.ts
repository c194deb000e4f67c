import { normalCdf } from '../uncertainty/normal.ts';
import type { ValidationContext } from './context.ts';
import { numberAt } from './expression-at.ts';
import { checkName } from './parameters.ts';
import type { ResolvedDistribution } from './types.ts';

type Raw = Record<string, unknown>;

/**
 * Evaluates each distribution's numbers (expressions over parameters) and checks that
 * the distribution is proper: min < max, sd > 0, weights match values, truncation leaves
 * probability mass, and so on.
 */
export function resolveUncertainties(ctx: ValidationContext, raw: Readonly<Record<string, Raw>>, params: Readonly<Record<string, number>>): Record<string, ResolvedDistribution> {
  const out: Record<string, ResolvedDistribution> = {};
  for (const [name, dist] of Object.entries(raw)) {
    if (!checkName(ctx, 'uncertainties', name)) continue;
    if (Object.hasOwn(params, name)) {
      ctx.report(['uncertainties', name], 'INVALID_VALUE', `\`${name}\` is declared both as a parameter and as an uncertainty`, { atKey: true });
      continue;
    }
    const resolved = resolveOne(ctx, ['uncertainties', name], dist, params);
    if (resolved) out[name] = resolved;
  }
  return out;
}

function resolveOne(ctx: ValidationContext, at: (string | number)[], d: Raw, params: Readonly<Record<string, number>>): ResolvedDistribution | undefined {
  const num = (key: string): number | undefined => (d[key] === undefined ? undefined : numberAt(ctx, [...at, key], d[key], params));
  const list = (key: string): number[] | undefined => {
    const values = d[key];
    if (!Array.isArray(values)) return undefined;
    const nums = values.map((v, i) => numberAt(ctx, [...at, key, i], v, params));
    return nums.every((v): v is number => v !== undefined) ? nums : undefined;
  };
  const info = {
    ...(typeof d['target'] === 'string' ? { target: d['target'] } : {}),
    ...(typeof d['unit'] === 'string' ? { unit: d['unit'] } : {}),
    ...(typeof d['description'] === 'string' ? { description: d['description'] } : {}),
  };
  const bad = (key: string, expected: string, found: number): undefined => {
    ctx.report([...at, key], 'OUT_OF_RANGE', `expected ${expected}, found ${found}`, { expected, found: String(found) });
    return undefined;
  };
  switch (d['type']) {
    case 'uniform': {
      const min = num('min');
      const max = num('max');
      if (min === undefined || max === undefined) return undefined;
      if (!(max > min)) return bad('max', `a number > min (${min})`, max);
      return { type: 'uniform', min, max, ...info };
    }
    case 'triangular': {
      const [min, mode, max] = [num('min'), num('mode'), num('max')];
      if (min === undefined || mode === undefined || max === undefined) return undefined;
      if (!(max > min)) return bad('max', `a number > min (${min})`, max);
      if (mode < min || mode > max) return bad('mode', `a number between min (${min}) and max (${max})`, mode);
      return { type: 'triangular', min, mode, max, ...info };
    }
    case 'normal': {
      const mean = num('mean');
      const sd = num('sd');
      if (mean === undefined || sd === undefined) return undefined;
      if (!(sd > 0)) return bad('sd', 'a number > 0', sd);
      const t = d['truncate'] as Raw | undefined;
      if (!t) return { type: 'normal', mean, sd, ...info };
      const lo = t['min'] === undefined ? undefined : numberAt(ctx, [...at, 'truncate', 'min'], t['min'], params);
      const hi = t['max'] === undefined ? undefined : numberAt(ctx, [...at, 'truncate', 'max'], t['max'], params);
      if (lo !== undefined && hi !== undefined && !(hi > lo)) return bad('truncate', `truncate.max > truncate.min (${lo})`, hi);
      const mass = normalCdf(((hi ?? Infinity) - mean) / sd) - normalCdf(((lo ?? -Infinity) - mean) / sd);
      if (!(mass > 1e-9)) {
        ctx.report([...at, 'truncate'], 'OUT_OF_RANGE', `the truncation bounds leave no probability mass (they are more than 6 sd from the mean ${mean})`);
        return undefined;
      }
      return { type: 'normal', mean, sd, truncate: { ...(lo !== undefined ? { min: lo } : {}), ...(hi !== undefined ? { max: hi } : {}) }, ...info };
    }
    case 'lognormal': {
      const byMu = d['mu'] !== undefined || d['sigma'] !== undefined;
      const byMedian = d['median'] !== undefined || d['gsd'] !== undefined;
      if (byMu === byMedian) {
        ctx.report(at, byMu ? 'INVALID_VALUE' : 'MISSING_FIELD', 'a lognormal needs either `mu` and `sigma`, or `median` and `gsd` (not both pairs)', { expected: '{mu, sigma} or {median, gsd}' });
        return undefined;
      }
      if (byMu) {
        const [mu, sigma] = [num('mu'), num('sigma')];
        if (d['mu'] === undefined || d['sigma'] === undefined) {
          ctx.report([...at, d['mu'] === undefined ? 'mu' : 'sigma'], 'MISSING_FIELD', `missing \`${d['mu'] === undefined ? 'mu' : 'sigma'}\`: give both mu and sigma`);
          return undefined;
        }
        if (mu === undefined || sigma === undefined) return undefined;
        if (!(sigma > 0)) return bad('sigma', 'a number > 0', sigma);
        return { type: 'lognormal', mu, sigma, ...info };
      }
      const [median, gsd] = [num('median'), num('gsd')];
      if (d['median'] === undefined || d['gsd'] === undefined) {
        ctx.report([...at, d['median'] === undefined ? 'median' : 'gsd'], 'MISSING_FIELD', `missing \`${d['median'] === undefined ? 'median' : 'gsd'}\`: give both median and gsd`);
        return undefined;
      }
      if (median === undefined || gsd === undefined) return undefined;
      if (!(median > 0)) return bad('median', 'a number > 0', median);
      if (!(gsd > 1)) return bad('gsd', 'a number > 1', gsd);
      return { type: 'lognormal', mu: Math.log(median), sigma: Math.log(gsd), ...info };
    }
    case 'discrete': {
      const values = list('values');
      if (!values) return undefined;
      const weights = d['weights'] === undefined ? values.map(() => 1) : list('weights');
      if (!weights) return undefined;
      if (weights.length !== values.length) {
        ctx.report([...at, 'weights'], 'INVALID_VALUE', `expected ${values.length} weights (one per value), found ${weights.length}`, { expected: `${values.length} weights`, found: String(weights.length) });
        return undefined;
      }
      const negative = weights.findIndex((w) => w < 0);
      if (negative >= 0) {
        ctx.report([...at, 'weights', negative], 'OUT_OF_RANGE', `expected a weight >= 0, found ${weights[negative]}`, { expected: 'a number >= 0' });
        return undefined;
      }
      if (!(weights.reduce((a, b) => a + b, 0) > 0)) {
        ctx.report([...at, 'weights'], 'OUT_OF_RANGE', 'weights must not all be zero');
        return undefined;
      }
      return { type: 'discrete', values, weights, ...info };
    }
    case 'empirical': {
      const samples = list('samples');
      return samples ? { type: 'empirical', samples, ...info } : undefined;
    }
    default:
      return undefined;
  }
}
