/**
 * `pnpm bench:machine`: how well this machine runs two threads at once, for reading the
 * worker speedup of `pnpm bench:scenarios`. Three kinds of work, each timed on one worker
 * thread and then on two at the same time (same work per thread):
 *   - cpu:   integer arithmetic, no memory traffic (the best case);
 *   - reads: random reads in a 32 MB array (the caches and memory bus are shared);
 *   - alloc: short-lived objects at a high rate with some kept alive, as a model run does
 *            (~600 MB/s a thread): fresh memory is written all the time and the garbage
 *            collector runs.
 * The speedup of two threads on alloc bounds what a Monte Carlo pool of the model can reach.
 * The worker code is plain JavaScript given as text, so no loader is needed in the threads.
 */
import { Worker } from 'node:worker_threads';

const WORK = `
const { parentPort, workerData } = require('node:worker_threads');
const t0 = performance.now();
let acc = 0;
if (workerData === 'cpu') {
  let x = 1;
  for (let i = 0; i < 2e8; i++) x = (x * 1103515245 + 12345) % 2147483647;
  acc = x;
} else if (workerData === 'reads') {
  const a = new Float64Array(4e6);
  for (let r = 0; r < 40; r++) for (let i = 0; i < a.length; i += 8) { a[i] += r; acc += a[(i * 7919) % a.length]; }
} else {
  let keep = [];
  for (let i = 0; i < 2e7; i++) {
    const o = { a: i, b: i * 0.5, c: 'x', d: { e: i } };
    keep.push(o);
    if (keep.length > 20000) keep = [];
    acc += o.d.e;
  }
}
parentPort.postMessage({ ms: performance.now() - t0, acc });
`;

// The same heap limits as the Monte Carlo pool's workers (packages/scenario/src/experiment/pool.ts).
const LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 24 };

function thread(kind: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORK, { eval: true, workerData: kind, resourceLimits: LIMITS });
    worker.once('message', (m: { ms: number }) => {
      resolve(m.ms);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

async function wall(kind: string, threads: number): Promise<number> {
  const t0 = performance.now();
  await Promise.all(Array.from({ length: threads }, () => thread(kind)));
  return performance.now() - t0;
}

for (const kind of ['cpu', 'reads', 'alloc']) {
  const one = await wall(kind, 1);
  const two = await wall(kind, 2);
  // Two threads do twice the work: the speedup is 2 x one / two.
  console.log(`${kind.padEnd(5)}: 1 thread ${one.toFixed(0)} ms, 2 threads ${two.toFixed(0)} ms: speedup ${((2 * one) / two).toFixed(2)}x`);
}
