import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams, categorical, exponential, lognormal, normal, poisson, triangular, uniform, type RandomStream } from '../../src/index.ts';
import { pinned } from '../support/property.ts';

/** A distribution with its theoretical mean, variance and fourth central moment. */
interface Case {
  readonly label: string;
  readonly draw: (rng: RandomStream) => number;
  readonly mean: number;
  readonly variance: number;
  /** Fourth central moment: sets the sampling error of the sample variance. */
  readonly m4: number;
  readonly inSupport: (x: number) => boolean;
  /** Uniforms consumed per draw, when fixed (common random numbers rely on it). */
  readonly uniforms?: number;
}

const SAMPLES = 20_000;
// Five standard errors: a correct sampler fails with probability ~1e-6 per check, while a
// wrong mean or scale shows up at once.
const Z = 5;

// Parameters snap to 0 below 1e-6: subnormal widths only test float underflow, not the samplers.
const finite = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (Math.abs(x) < 1e-6 ? 0 : x));

const cases: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(finite(-100, 100), finite(0, 50)).map(([a, w]): Case => ({
    label: `uniform(${a}, ${a + w})`,
    draw: (r) => uniform(r, a, a + w),
    mean: a + w / 2,
    variance: (w * w) / 12,
    m4: w ** 4 / 80,
    // Closed on the right: rounding can reach max for ranges tiny against |min| (see random/uniform.test.ts).
    inSupport: (x) => x >= a && x <= a + w,
    uniforms: 1,
  })),
  finite(0.01, 100).map((rate): Case => ({
    label: `exponential(${rate})`,
    draw: (r) => exponential(r, rate),
    mean: 1 / rate,
    variance: 1 / rate ** 2,
    m4: 9 / rate ** 4,
    inSupport: (x) => x >= 0,
    uniforms: 1,
  })),
  fc.tuple(finite(-1e3, 1e3), finite(0, 100)).map(([mu, sd]): Case => ({
    label: `normal(${mu}, ${sd})`,
    draw: (r) => normal(r, mu, sd),
    mean: mu,
    variance: sd * sd,
    m4: 3 * sd ** 4,
    inSupport: Number.isFinite,
    uniforms: 2,
  })),
  fc.tuple(finite(-3, 3), finite(0, 0.6)).map(([mu, sigma]): Case => {
    const s2 = sigma * sigma;
    const variance = (Math.exp(s2) - 1) * Math.exp(2 * mu + s2);
    const kurtosis = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3;
    return {
      label: `lognormal(${mu}, ${sigma})`,
      draw: (r) => lognormal(r, mu, sigma),
      mean: Math.exp(mu + s2 / 2),
      variance,
      m4: kurtosis * variance ** 2,
      inSupport: (x) => x > 0,
      uniforms: 2,
    };
  }),
  fc.tuple(finite(-50, 50), finite(0, 1), finite(0, 40)).map(([a, f, w]): Case => {
    const b = a + w;
    const c = a + f * w;
    const d = c - a;
    // (a^2 + b^2 + c^2 - ab - ac - bc) / 18, written relative to a so it cannot cancel below 0.
    const variance = (w * w - w * d + d * d) / 18;
    return {
      label: `triangular(${a}, ${c}, ${b})`,
      draw: (r) => triangular(r, a, c, b),
      mean: (a + b + c) / 3,
      variance,
      m4: 2.4 * variance ** 2,
      inSupport: (x) => x >= a && x <= b,
      uniforms: 1,
    };
  }),
  fc.oneof(finite(0, 30), finite(30, 200), finite(500, 5000)).map((m): Case => ({
    label: `poisson(${m})`,
    draw: (r) => poisson(r, m),
    mean: m,
    // Above 500 the sampler rounds a normal: rounding adds ~1/12 to the variance.
    variance: m > 500 ? m + 1 / 12 : m,
    m4: m * (1 + 3 * m),
    inSupport: (x) => Number.isInteger(x) && x >= 0,
  })),
  fc.array(fc.oneof(fc.constant(0), finite(0, 10)), { minLength: 1, maxLength: 6 })
    .filter((w) => w.some((x) => x > 1e-6))
    .map((weights): Case => {
      const total = weights.reduce((s, w) => s + w, 0);
      const p = weights.map((w) => w / total);
      const mean = p.reduce((s, pi, i) => s + pi * i, 0);
      const variance = p.reduce((s, pi, i) => s + pi * (i - mean) ** 2, 0);
      const m4 = p.reduce((s, pi, i) => s + pi * (i - mean) ** 4, 0);
      return {
        label: `categorical(${weights.join(', ')})`,
        draw: (r) => categorical(r, weights),
        mean,
        variance,
        m4,
        inSupport: (x) => Number.isInteger(x) && x >= 0 && x < weights.length && (weights[x] as number) > 0,
        uniforms: 1,
      };
    }),
);

describe('distributions', () => {
  it('have sample means and variances within sampling error of theory, and stay in their support', () => {
    fc.assert(
      fc.property(cases, fc.integer(), (c, seed) => {
        const rng = new RandomStreams(seed).get('d');
        let sum = 0;
        const xs = new Float64Array(SAMPLES);
        for (let i = 0; i < SAMPLES; i++) {
          const x = c.draw(rng);
          if (!c.inSupport(x)) throw new Error(`${c.label} drew ${x}, outside its support`);
          xs[i] = x;
          sum += x;
        }
        if (c.uniforms !== undefined) expect(rng.draws).toBe(SAMPLES * c.uniforms);
        const mean = sum / SAMPLES;
        let ss = 0;
        for (const x of xs) ss += (x - mean) ** 2;
        const variance = ss / (SAMPLES - 1);
        const scale = Math.max(1, Math.abs(c.mean));
        const meanTolerance = Z * Math.sqrt(c.variance / SAMPLES) + 1e-9 * scale;
        // s^2 = mean squared deviation from the true mean (CLT term) minus (xbar - mu)^2, which is
        // chi-square and dominates for two-point distributions where m4 = variance^2.
        const varTolerance =
          Z * Math.sqrt(Math.max(0, c.m4 - c.variance ** 2) / SAMPLES) + (Z * Z * c.variance) / SAMPLES + 1e-9 * scale * scale;
        expect(Math.abs(mean - c.mean), `${c.label}: mean ${mean} vs ${c.mean}`).toBeLessThanOrEqual(meanTolerance);
        expect(Math.abs(variance - c.variance), `${c.label}: variance ${variance} vs ${c.variance}`).toBeLessThanOrEqual(varTolerance);
      }),
      pinned(70),
    );
  });

  it('reject bad parameters with INVALID_ARGUMENT, without consuming the stream', () => {
    const bad: ReadonlyArray<[string, (r: RandomStream) => number]> = [
      ['uniform max < min', (r) => uniform(r, 2, 1)],
      ['uniform NaN', (r) => uniform(r, Number.NaN, 1)],
      ['uniform infinite', (r) => uniform(r, 0, Infinity)],
      ['exponential rate 0', (r) => exponential(r, 0)],
      ['exponential negative rate', (r) => exponential(r, -1)],
      ['exponential NaN', (r) => exponential(r, Number.NaN)],
      ['normal negative sd', (r) => normal(r, 0, -1)],
      ['normal NaN mean', (r) => normal(r, Number.NaN, 1)],
      ['lognormal negative sigma', (r) => lognormal(r, 0, -0.1)],
      ['triangular mode outside', (r) => triangular(r, 0, 5, 4)],
      ['triangular NaN mode', (r) => triangular(r, 0, Number.NaN, 4)],
      ['triangular min > max', (r) => triangular(r, 3, 2, 1)],
      ['poisson negative mean', (r) => poisson(r, -1)],
      ['poisson infinite mean', (r) => poisson(r, Infinity)],
      ['categorical no weights', (r) => categorical(r, [])],
      ['categorical all zero', (r) => categorical(r, [0, 0])],
      ['categorical negative weight', (r) => categorical(r, [1, -1])],
      ['categorical NaN weight', (r) => categorical(r, [1, Number.NaN])],
    ];
    const rng = new RandomStreams(1).get('bad');
    for (const [label, call] of bad) {
      expect(() => call(rng), label).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    expect(rng.draws).toBe(0);
  });

  it('degenerate parameters give the obvious value', () => {
    const rng = new RandomStreams(1).get('edge');
    expect(uniform(rng, 3, 3)).toBe(3);
    expect(normal(rng, 4, 0)).toBe(4);
    expect(triangular(rng, 2, 2, 2)).toBe(2);
    expect(poisson(rng, 0)).toBe(0);
    expect(categorical(rng, [0, 0, 5])).toBe(2);
  });
});
