import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { PackedGroup } from '../results/packed.ts';
import { executePacked, type ExecutionContext } from './execute.ts';
import type { RunTask } from './worker.ts';
import { workerBundle, type WorkerBundle } from './worker-bundle.ts';

/** Runs tasks of run indices somewhere (this thread or a pool) and returns their groups. */
export interface Executor {
  run(from: number, to: number): Promise<PackedGroup[]>;
  close(): Promise<void>;
}

// Flags a worker thread accepts; per-process ones (heap sizes, inspector...) make
// `new Worker` throw, so the parent's other flags are not passed on.
const WITH_VALUE = new Set(['--require', '-r', '--import', '--loader', '--experimental-loader', '--conditions', '-C', '--disable-warning']);
const ALONE = /^(--enable-source-maps|--no-warnings|--no-deprecation|--experimental-[\w-]+|--(require|import|loader|experimental-loader|conditions|disable-warning)=.+)$/;

function workerSafe(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (WITH_VALUE.has(arg) && i + 1 < argv.length) out.push(arg, argv[++i] as string);
    else if (ALONE.test(arg)) out.push(arg);
  }
  return out;
}

// The loader tsx puts in execArgv, as a flag's value or as `--flag=value`.
const TSX_LOADER = /[\\/]tsx[\\/]dist[\\/]|(^|=)tsx$/;

/**
 * Worker threads must load `.ts` files: under the tsx CLI they inherit its loader through
 * `execArgv`; elsewhere (vitest, plain node with a TS loader) tsx's loader is added.
 */
export function workerExecArgv(): string[] {
  const inherited = workerSafe(process.execArgv);
  if (inherited.some((arg) => TSX_LOADER.test(arg))) return inherited;
  try {
    const loader = createRequire(import.meta.url).resolve('tsx');
    return [...inherited, '--import', pathToFileURL(loader).href];
  } catch {
    return inherited;
  }
}

/**
 * Flags of workers that run the plain-JS worker bundle: the parent's worker-safe flags
 * without tsx's loader (no hooks to pay for), with source maps so a model error's stack
 * still names the `.ts` files.
 */
export function bundledExecArgv(): string[] {
  const inherited = workerSafe(process.execArgv);
  const out: string[] = [];
  for (let i = 0; i < inherited.length; i++) {
    const arg = inherited[i] as string;
    const value = inherited[i + 1];
    if (WITH_VALUE.has(arg) && value !== undefined) {
      i++;
      if (!TSX_LOADER.test(value)) out.push(arg, value);
    } else if (!TSX_LOADER.test(arg)) out.push(arg);
  }
  if (!out.includes('--enable-source-maps')) out.push('--enable-source-maps');
  return out;
}

/** Old-space cap of each worker thread's heap (MB). */
export const WORKER_OLD_SPACE_MB = 128;

/**
 * Young-generation size of each worker thread (MB). With only an old-space cap, V8 sizes the
 * nursery from it (~1.5 MB): a run's ~30 MB of short-lived events then meant a scavenge every
 * few hundred events and early promotion, ~25% more CPU a run (measured: 13.6 vs 18.4 runs/s
 * on one worker). 24 MB rather than 32: ~50 MB less peak RSS on two workers for ~2% speed;
 * a 96 MB old space saved little more and cost 10-25% (more major GCs near the cap).
 */
export const WORKER_YOUNG_GENERATION_MB = 24;

/**
 * An executor for `workers` threads on a piscina pool, or in this thread for `workers` 0.
 * Both run the very same {@link executePacked}. Worker threads keep the main thread free to
 * answer signals (tsx kills a child that does not acknowledge Ctrl-C within 30 ms).
 */
export function createExecutor(ctx: ExecutionContext, workers: number): Executor {
  if (workers <= 0) {
    return {
      run: async (from, to) => {
        // Let signal handlers (Ctrl-C) run between tasks: synchronous model runs would
        // otherwise keep the event loop busy until the end.
        await new Promise((resolve) => setImmediate(resolve));
        return executePacked(ctx, from, to);
      },
      close: async () => {},
    };
  }
  // The pool starts once the bundle is built (or known to be unavailable): one file
  // without loader hooks when it can, `worker.ts` through tsx otherwise.
  const pool = workerBundle(ctx.modelModule).then((bundle) => startPool(ctx, workers, bundle));
  return {
    run: (from, to) => pool.then((p) => p.run({ from, to })),
    close: () => pool.then((p) => p.destroy(), () => {}),
  };
}

function startPool(ctx: ExecutionContext, workers: number, bundle: WorkerBundle | null): Piscina<RunTask, PackedGroup[]> {
  const pool = new Piscina<RunTask, PackedGroup[]>({
    filename: bundle === null ? new URL('./worker.ts', import.meta.url).href : pathToFileURL(bundle.file).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Infinity,
    workerData: ctx,
    execArgv: bundle === null ? workerExecArgv() : bundledExecArgv(),
    // A run's live state is small, but a worker allocates fast; without a cap V8 lets each
    // worker's heap grow with garbage, and 10,000 runs would cost far more memory than needed.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  // After a failure the pool is destroyed with tasks in flight; their late replies make
  // piscina emit 'error', which would otherwise crash the process.
  pool.on('error', () => {});
  return pool;
}
