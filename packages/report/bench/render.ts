/**
 * How long a report takes: 7 scenarios x 40 outcomes (+ 10 flows) x 12 years, rendered
 * five times after one warm-up. Run with `pnpm tsx packages/report/bench/render.ts`.
 * Prints wall and CPU time (CPU time is the fair number on a busy machine) and page size.
 */
import { rmSync } from 'node:fs';
import { renderReport } from '../src/index.ts';
import { writeFixture } from '../test/support/fixture.ts';

const dir = writeFixture({ scenarios: 7, extraOutcomes: 28, years: 12 });
try {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const html = await renderReport(dir);
  const first = { wallMs: performance.now() - t0, cpuMs: (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000 };
  const runs: { wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await renderReport(dir);
    const used = process.cpuUsage(c);
    runs.push({ wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000 });
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  console.log(JSON.stringify({ scenarios: 7, outcomes: 40, flows: 10, years: 12, htmlBytes: Buffer.byteLength(html), first, medianWallMs: median(runs.map((r) => r.wallMs)), medianCpuMs: median(runs.map((r) => r.cpuMs)) }, null, 1));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
