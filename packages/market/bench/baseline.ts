/**
 * Benchmark: one 2024-2035 monthly baseline run of the antimony world (144 months) plus
 * the outcome fold, repeated; prints median and best wall time and median CPU time (less
 * sensitive to other load on the machine). Run with
 * `pnpm tsx packages/market/bench/baseline.ts [repeats]`. Not a test: timings depend on
 * the machine.
 */
import { antimonyWorld, foldOutcomes, runWorld } from '../src/index.ts';

const repeats = Number(process.argv[2] ?? 30);
const world = antimonyWorld();
const timings: { run: number; fold: number; cpu: number }[] = [];
let events = 0;
for (let i = 0; i < repeats + 5; i++) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = runWorld({ world }, { seed: i });
  const t1 = process.hrtime.bigint();
  foldOutcomes(world, result.events);
  const t2 = process.hrtime.bigint();
  const c1 = process.cpuUsage(c0);
  events = result.eventCount;
  if (i >= 5) timings.push({ run: Number(t1 - t0) / 1e6, fold: Number(t2 - t1) / 1e6, cpu: (c1.user + c1.system) / 1000 });
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const total = timings.map((t) => t.run + t.fold);
console.log(
  JSON.stringify(
    {
      months: 144,
      events,
      eventsPerMonth: Math.round(events / 144),
      runMedianMs: +median(timings.map((t) => t.run)).toFixed(2),
      foldMedianMs: +median(timings.map((t) => t.fold)).toFixed(2),
      totalMedianMs: +median(total).toFixed(2),
      totalBestMs: +Math.min(...total).toFixed(2),
      cpuMedianMs: +median(timings.map((t) => t.cpu)).toFixed(2),
      repeats,
    },
    null,
    2,
  ),
);
