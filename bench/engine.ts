// pnpm bench:engine — prints JSON figures for the engine: events/s, wall time, peak RSS.
// Each case runs in its own process; SimPy runs in the same invocation where python3 has it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const EVENTS = Number(process.env.STIBIUM_BENCH_EVENTS ?? 1_000_000);
const KS = [10, 1_000, 100_000];
const tsx = 'node_modules/.bin/tsx';

function run(args: string[]): Record<string, unknown> {
  const out = execFileSync(tsx, ['bench/engine-case.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() as string) as Record<string, unknown>;
}

function python(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import simpy'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

const results: Record<string, unknown>[] = [];
const emit = (row: Record<string, unknown>): void => {
  results.push(row);
  console.log(JSON.stringify(row));
};

for (const k of KS) {
  for (const log of ['off', 'on']) emit({ case: 'hold', style: 'plain-data', k, log, ...run(['hold-plain', String(k), String(EVENTS), log]) });
  if (existsSync('bench/engine-process-case.ts')) {
    for (const log of ['off', 'on']) emit({ case: 'hold', style: 'generator', k, log, ...run(['hold-process', String(k), String(EVENTS), log]) });
  }
}
const mm1 = run(['mm1', '0.9', '1', '200000']);
emit({ case: 'mm1', style: 'plain-data', lambda: 0.9, mu: 1, ...mm1 });
if (existsSync('bench/engine-process-case.ts')) emit({ case: 'mm1', style: 'generator', lambda: 0.9, mu: 1, ...run(['mm1-process', '0.9', '1', '200000']) });

const py = python();
if (py === undefined) {
  emit({ case: 'simpy', skipped: 'python3 with simpy not found (Debian package python3-simpy3)' });
} else {
  for (const k of KS) {
    const out = JSON.parse(execFileSync(py, ['bench/simpy_hold.py', 'hold', String(k), String(EVENTS)], { encoding: 'utf8' })) as { events: number; seconds: number };
    const ours = results.find((r) => r.case === 'hold' && r.style === 'plain-data' && r.k === k && r.log === 'off');
    const oursGen = results.find((r) => r.case === 'hold' && r.style === 'generator' && r.k === k && r.log === 'off');
    const simpyRate = out.events / out.seconds;
    emit({
      case: 'hold', style: 'simpy', k, eventsPerSecond: Math.round(simpyRate), wallSeconds: out.seconds,
      speedupPlainData: ours ? Number(((ours.eventsPerSecond as number) / simpyRate).toFixed(2)) : null,
      speedupGenerator: oursGen ? Number(((oursGen.eventsPerSecond as number) / simpyRate).toFixed(2)) : null,
    });
  }
  const out = JSON.parse(execFileSync(py, ['bench/simpy_hold.py', 'mm1', '0.9', '1', '200000'], { encoding: 'utf8' })) as { seconds: number };
  emit({ case: 'mm1', style: 'simpy', customers: 200_000, wallSeconds: out.seconds, speedup: Number((out.seconds / (mm1.wallSeconds as number)).toFixed(2)) });
}
