import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simulateMmc } from './model.ts';
import { mmcTheory } from './theory.ts';

const TSX = 'node_modules/.bin/tsx';

// Tolerances come from the run itself: 4 batch-means standard errors for the mean wait
// (a false alarm about 1 in 16,000), and the exact sampling error of a mean of
// exponentials for the service part of the time in system.
describe('M/M/c example matches queueing theory', () => {
  const cases = [
    { lambda: 0.9, mu: 1, servers: 1, customers: 200_000, seed: 7 },
    { lambda: 2.7, mu: 1, servers: 3, customers: 200_000, seed: 7 },
    { lambda: 2, mu: 1, servers: 3, customers: 100_000, seed: 11 },
  ];
  for (const params of cases) {
    it(`lambda=${params.lambda} mu=${params.mu} c=${params.servers}`, () => {
      const sim = simulateMmc(params);
      const theory = mmcTheory(params.lambda, params.mu, params.servers);
      expect(sim.served).toBe(params.customers);
      expect(Math.abs(sim.meanWaitInQueue - theory.meanWaitInQueue)).toBeLessThan(4 * sim.meanWaitStdError);
      const serviceSe = 1 / params.mu / Math.sqrt(params.customers);
      const sojournTolerance = 4 * sim.meanWaitStdError + 4 * serviceSe;
      expect(Math.abs(sim.meanTimeInSystem - theory.meanTimeInSystem)).toBeLessThan(sojournTolerance);
      expect(Math.abs(sim.utilization - theory.utilization)).toBeLessThan(0.02);
    });
  }

  it('Erlang C gives the textbook M/M/1 values', () => {
    const t = mmcTheory(0.9, 1, 1);
    expect(t.probabilityOfWait).toBeCloseTo(0.9, 12);
    expect(t.meanWaitInQueue).toBeCloseTo(9, 10);
  });

  it('the command prints one JSON line with the required fields', () => {
    const out = execFileSync(
      TSX,
      ['examples/queueing/mmc.ts', '--lambda', '2.7', '--mu', '1', '--servers', '3', '--customers', '20000', '--seed', '7'],
      { encoding: 'utf8' },
    );
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const row = JSON.parse(lines[0] as string) as Record<string, number>;
    for (const key of ['meanWaitInQueue', 'meanTimeInSystem', 'utilization', 'served']) expect(typeof row[key]).toBe('number');
    expect(row.served).toBe(20_000);
  });

  it('rejects a bad argument with exit code 2 and no stack trace', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(TSX, ['examples/queueing/mmc.ts', '--servers', '0'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const e = error as { status: number; stderr: string };
      status = e.status;
      stderr = e.stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toContain('--servers must be a positive integer');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
