import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/kernel/simulation.ts';
import { exponential } from '../../src/random/distributions.ts';
import { spawn, type ProcessGenerator } from '../../src/process/process.ts';
import { timeout } from '../../src/process/timeout.ts';
import { Resource } from '../../src/process/resource.ts';

/** Erlang C: probability of waiting, and mean wait in queue, for M/M/c. */
function erlangC(lambda: number, mu: number, c: number): { pWait: number; wq: number; rho: number } {
  const a = lambda / mu;
  const rho = a / c;
  let term = 1;
  let sum = 1; // k = 0
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = (term * a) / c / (1 - rho); // a^c / c! / (1 - rho)
  const pWait = top / (sum + top);
  return { pWait, wq: pWait / (c * mu - lambda), rho };
}

interface Run {
  readonly waits: Float64Array;
  readonly utilization: number;
  readonly meanInSystem: number;
  readonly end: number;
}

/** M/M/c with generator processes: one arrival process, one process per customer. */
function simulate(lambda: number, mu: number, c: number, customers: number, seed: number): Run {
  const sim = new Simulation({ seed });
  const arrivals = sim.rng('arrivals');
  const service = sim.rng('service');
  const servers = new Resource(sim, { capacity: c });
  const waits = new Float64Array(customers);
  let inSystem = 0;
  let area = 0;
  let last = 0;
  const change = (delta: number): void => {
    area += inSystem * (sim.now - last);
    last = sim.now;
    inSystem += delta;
  };
  function* customer(i: number): ProcessGenerator {
    change(+1);
    const arrived = sim.now;
    const req = servers.request();
    yield req;
    waits[i] = sim.now - arrived;
    yield timeout(exponential(service, mu));
    servers.release(req);
    change(-1);
  }
  spawn(sim, function* () {
    for (let i = 0; i < customers; i++) {
      yield timeout(exponential(arrivals, lambda));
      spawn(sim, customer(i));
    }
  });
  sim.run();
  change(0);
  return { waits, utilization: servers.stats.utilization, meanInSystem: area / sim.now, end: sim.now };
}

/**
 * Utilization is (sum of n service times) / (c T) with T about the sum of n inter-arrival
 * times: a ratio of sums of independent exponentials (CV 1 each), so by the delta method
 * its standard error is rho sqrt(1 + 1) / sqrt(n).
 */
function utilizationSe(rho: number, n: number): number {
  return rho * Math.sqrt(2 / n);
}

/** Mean and standard error of the mean from k batch means (the waits are autocorrelated). */
function batchMeans(values: Float64Array, batches: number): { mean: number; se: number } {
  const size = Math.floor(values.length / batches);
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let s = 0;
    for (let i = b * size; i < (b + 1) * size; i++) s += values[i] as number;
    means.push(s / size);
  }
  const mean = means.reduce((x, y) => x + y, 0) / batches;
  const variance = means.reduce((x, y) => x + (y - mean) ** 2, 0) / (batches - 1);
  return { mean, se: Math.sqrt(variance / batches) };
}

describe('M/M/c with processes against queueing theory', () => {
  it('given M/M/1 with rho 0.5, then the time-average number in system is within 4 theoretical standard errors of rho/(1-rho)', () => {
    const lambda = 0.5;
    const run = simulate(lambda, 1, 1, 200_000, 11);
    const rho = lambda;
    // Whitt (1989): the time average of the M/M/1 queue-length process (mu = 1) has
    // asymptotic variance 2 rho (1 + rho) / (1 - rho)^4 / T.
    const se = Math.sqrt((2 * rho * (1 + rho)) / (1 - rho) ** 4 / run.end);
    expect(Math.abs(run.meanInSystem - rho / (1 - rho))).toBeLessThan(4 * se);
    expect(Math.abs(run.utilization - rho)).toBeLessThan(4 * utilizationSe(rho, 200_000));
  });

  it('given M/M/1 with rho 0.5, then the mean wait in queue matches rho/(mu - lambda) within 4 batch-means standard errors', () => {
    const run = simulate(0.5, 1, 1, 200_000, 12);
    const { mean, se } = batchMeans(run.waits.subarray(2_000), 40);
    expect(Math.abs(mean - 0.5 / (1 - 0.5))).toBeLessThan(4 * se);
    expect(se / mean).toBeLessThan(0.05); // the estimate is informative, not a vacuous bound
  });

  it('given M/M/3 with lambda 2.1, mu 1, then wait and utilization match Erlang C within 4 batch-means standard errors', () => {
    const lambda = 2.1;
    const c = 3;
    const theory = erlangC(lambda, 1, c);
    const run = simulate(lambda, 1, c, 200_000, 13);
    const waits = run.waits.subarray(2_000);
    const { mean, se } = batchMeans(waits, 40);
    expect(Math.abs(mean - theory.wq)).toBeLessThan(4 * se);
    expect(se / mean).toBeLessThan(0.05);
    const waited = new Float64Array(waits.length);
    waits.forEach((w, i) => (waited[i] = w > 0 ? 1 : 0));
    const p = batchMeans(waited, 40);
    expect(Math.abs(p.mean - theory.pWait)).toBeLessThan(4 * p.se);
    expect(Math.abs(run.utilization - theory.rho)).toBeLessThan(4 * utilizationSe(theory.rho, 200_000));
  });

  it('given the same seed twice, then the runs are identical; a different seed differs', () => {
    const a = simulate(2.1, 1, 3, 5_000, 99);
    const b = simulate(2.1, 1, 3, 5_000, 99);
    const c = simulate(2.1, 1, 3, 5_000, 100);
    expect(Array.from(a.waits)).toEqual(Array.from(b.waits));
    expect(a.end).toBe(b.end);
    expect(c.end).not.toBe(a.end);
  });
});
