import { describe, expect, it } from 'vitest';
import { createUncertaintySampler, overridesForRun, quantileFunction } from '../../src/format/index.ts';
import type { ResolvedDistribution, ResolvedScenario } from '../../src/format/index.ts';

function scenario(uncertainties: Record<string, ResolvedDistribution>, correlations: ResolvedScenario['correlations'] = null): ResolvedScenario {
  return {
    name: 't',
    files: [],
    horizon: { start: '2025-01', end: '2026-12' },
    timeStep: 'month',
    vintage: 'mcs2025',
    parameters: { k: 2 },
    overrides: { 'a.fixed': 1, 'a.deferred': { expression: 'k * u', dependsOn: ['k', 'u'] } },
    uncertainties,
    correlations,
    levers: {},
    events: [],
    rules: [],
    runs: 100,
    seed: 7,
    outcomes: ['*'],
    variants: {},
  };
}

function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
  const r = new Array<number>(xs.length);
  order.forEach(([, i], rank) => (r[i] = rank));
  return r;
}

function spearman(xs: readonly number[], ys: readonly number[]): number {
  const rx = ranks(xs);
  const ry = ranks(ys);
  const n = xs.length;
  const d2 = rx.reduce((s, r, i) => s + (r - ry[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

const column = (s: ReturnType<typeof createUncertaintySampler>, name: string, runs: number) => Array.from({ length: runs }, (_, i) => s.sample(i)[name]!);

describe('createUncertaintySampler', () => {
  it('gives the same sample for the same seed and run, whatever order runs are asked in', () => {
    const sc = scenario({ u: { type: 'uniform', min: 0, max: 1 }, n: { type: 'normal', mean: 5, sd: 1 } });
    const a = createUncertaintySampler(sc, { runs: 50 });
    const b = createUncertaintySampler(sc, { runs: 50 });
    const forward = Array.from({ length: 50 }, (_, i) => a.sample(i));
    const backward = Array.from({ length: 50 }, (_, i) => b.sample(49 - i)).reverse();
    expect(backward).toEqual(forward);
    expect(createUncertaintySampler(sc, { runs: 50, seed: 8 }).sample(0)).not.toEqual(forward[0]);
  });

  it('puts exactly one Latin hypercube draw in each of the runs strata', () => {
    const s = createUncertaintySampler(scenario({ u: { type: 'uniform', min: 0, max: 1 } }), { runs: 200 });
    const strata = column(s, 'u', 200).map((u) => Math.floor(u * 200)).sort((x, y) => x - y);
    expect(strata).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('does not change one variable when another uncorrelated variable is added (streams per name)', () => {
    const one = createUncertaintySampler(scenario({ u: { type: 'uniform', min: 0, max: 1 } }), { runs: 30 });
    const two = createUncertaintySampler(scenario({ u: { type: 'uniform', min: 0, max: 1 }, z: { type: 'triangular', min: 0, mode: 1, max: 2 } }), { runs: 30 });
    expect(column(two, 'u', 30)).toEqual(column(one, 'u', 30));
  });

  it('induces the requested rank correlation with Iman-Conover, keeping the marginals', () => {
    const sc = scenario(
      { x: { type: 'normal', mean: 0, sd: 1 }, y: { type: 'lognormal', mu: 0, sigma: 0.5 }, w: { type: 'uniform', min: 0, max: 1 } },
      { variables: ['x', 'y', 'w'], matrix: [[1, 0.7, -0.3], [0.7, 1, 0], [-0.3, 0, 1]] },
    );
    const runs = 2000;
    const corr = createUncertaintySampler(sc, { runs });
    const plain = createUncertaintySampler({ ...sc, correlations: null }, { runs });
    const [x, y, w] = ['x', 'y', 'w'].map((n) => column(corr, n, runs)) as [number[], number[], number[]];
    expect(spearman(x, y)).toBeGreaterThan(0.65);
    expect(spearman(x, y)).toBeLessThan(0.75);
    expect(spearman(x, w)).toBeLessThan(-0.25);
    expect(spearman(x, w)).toBeGreaterThan(-0.35);
    expect(Math.abs(spearman(y, w))).toBeLessThan(0.05);
    expect([...x].sort((a, b) => a - b)).toEqual(column(plain, 'x', runs).sort((a, b) => a - b));
  });

  it('works in plain Monte Carlo mode too', () => {
    const s = createUncertaintySampler(scenario({ u: { type: 'uniform', min: 2, max: 3 } }), { runs: 100, method: 'mc' });
    const u = column(s, 'u', 100);
    expect(u.every((v) => v >= 2 && v < 3)).toBe(true);
  });

  it('refuses run indexes outside the design', () => {
    const s = createUncertaintySampler(scenario({}), { runs: 3 });
    expect(() => s.sample(3)).toThrow(/outside 0..2/);
    expect(() => createUncertaintySampler(scenario({}), { runs: 0 })).toThrow(/positive integer/);
  });
});

describe('quantileFunction', () => {
  it('inverts each distribution', () => {
    expect(quantileFunction({ type: 'uniform', min: 2, max: 4 })(0.25)).toBe(2.5);
    expect(quantileFunction({ type: 'triangular', min: 0, mode: 1, max: 2 })(0.5)).toBeCloseTo(1, 12);
    expect(quantileFunction({ type: 'normal', mean: 10, sd: 2 })(0.975)).toBeCloseTo(10 + 2 * 1.959964, 5);
    expect(quantileFunction({ type: 'lognormal', mu: Math.log(3), sigma: 1 })(0.5)).toBeCloseTo(3, 9);
    const discrete = quantileFunction({ type: 'discrete', values: [30, 10, 20], weights: [1, 1, 2] });
    expect([0.1, 0.3, 0.6, 0.9].map(discrete)).toEqual([10, 20, 20, 30]);
    expect(quantileFunction({ type: 'empirical', samples: [4, 0, 2] })(0.75)).toBe(3);
  });

  it('keeps a truncated normal inside its bounds, even at the extremes', () => {
    const q = quantileFunction({ type: 'normal', mean: 0, sd: 1, truncate: { min: -0.5, max: 2 } });
    for (const u of [1e-12, 0.001, 0.5, 0.999, 1 - 1e-12]) {
      expect(q(u)).toBeGreaterThanOrEqual(-0.5);
      expect(q(u)).toBeLessThanOrEqual(2);
    }
  });
});

describe('overridesForRun', () => {
  it('evaluates deferred overrides over parameters and the sample, and writes targets', () => {
    const sc = scenario({ u: { type: 'uniform', min: 0, max: 1, target: 'a.target' } });
    expect(overridesForRun(sc, { u: 0.25 })).toEqual({ 'a.fixed': 1, 'a.deferred': 0.5, 'a.target': 0.25 });
  });
});
