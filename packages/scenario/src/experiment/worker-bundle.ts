import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

// Worker threads that load ~100 `.ts` modules through tsx's hooks spend seconds before their
// first run. One pre-bundled ESM file with the worker and the model module loads in a
// fraction of that and needs no loader in the worker at all.

/**
 * Environment variable that turns the worker bundle off: `STIBIUM_WORKER_BUNDLE=0` makes
 * worker threads load `worker.ts` and the model module through tsx, as before bundles.
 * A bundle that cannot be built falls back to the same path (with a note on stderr
 * under `STIBIUM_DEBUG=1`).
 */
export const WORKER_BUNDLE_ENV = 'STIBIUM_WORKER_BUNDLE';

/** Where bundles are cached: inside this package, never in a results folder. */
export const WORKER_BUNDLE_DIR = fileURLToPath(new URL('../../node_modules/.cache/stibium/', import.meta.url));

/** A built bundle: its file and how long bundling took (ms; 0 when taken from this process's cache). */
export interface WorkerBundle {
  readonly file: string;
  readonly buildMs: number;
}

const bundles = new Map<string, Promise<WorkerBundle | null>>();

/**
 * Bundles kept in the cache folder: writing a new one removes the oldest beyond this many
 * (by file modification time, so no code here reads the clock). Each checkout or model
 * edit makes a bundle of its own; one that was pruned is simply built again (~0.2 s).
 */
export const WORKER_BUNDLES_KEPT = 8;

/**
 * The worker bundle for `modelModule`, built once per process, or null when bundles are
 * turned off or the build failed (callers then use `worker.ts` through tsx). Never rejects.
 */
export function workerBundle(modelModule: string): Promise<WorkerBundle | null> {
  if (process.env[WORKER_BUNDLE_ENV] === '0') return Promise.resolve(null);
  let bundle = bundles.get(modelModule);
  if (bundle === undefined) {
    const debug = process.env['STIBIUM_DEBUG'] === '1';
    bundle = buildWorkerBundle(modelModule).then(
      (built) => {
        if (debug) process.stderr.write(`stibium: worker bundle ${built.file} ready in ${built.buildMs.toFixed(0)} ms\n`);
        return built;
      },
      (error: unknown) => {
        if (debug) process.stderr.write(`stibium: worker bundle for ${modelModule} failed, workers load TypeScript through tsx: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        return null;
      },
    );
    bundles.set(modelModule, bundle);
  }
  return bundle;
}

/** Content-addressed name of a bundle: the same text always gets the same file. */
export function bundleFileName(text: string): string {
  return `worker-${createHash('sha256').update(text).digest('hex').slice(0, 24)}.mjs`;
}

/**
 * Bundles `worker.ts` and the model module into one ESM file in `dir` and registers the
 * model so {@link loadModel} in the bundle does not import it again. Workspace sources
 * (`@stibium/*`, relative files) are bundled; npm packages stay external, imported by
 * absolute path so they resolve from anywhere (pnpm gives each package its own deps).
 * Throws when esbuild is missing or cannot bundle the module.
 */
export async function buildWorkerBundle(modelModule: string, dir = WORKER_BUNDLE_DIR): Promise<WorkerBundle> {
  const started = process.hrtime.bigint();
  const modelFile = fileURLToPath(modelModule);
  const esbuild = await import('esbuild');
  const here = dirname(fileURLToPath(import.meta.url));
  const entry = [
    `import runTask from './worker.ts';`,
    `import { registerModel } from './execute.ts';`,
    `import * as model from ${JSON.stringify(modelFile)};`,
    `registerModel(${JSON.stringify(modelModule)}, model);`,
    `export default runTask;`,
  ].join('\n');
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: here, sourcefile: 'stibium-worker-entry.js', loader: 'js' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The final name is known only from the text; same folder, so source paths stay right.
    outfile: join(dir, 'worker.mjs'),
    sourcemap: 'inline',
    sourcesContent: false,
    keepNames: true,
    logLevel: 'silent',
    plugins: [externalPackages(), fileMeta()],
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error('esbuild produced no output');
  const file = join(dir, bundleFileName(text));
  writeOnce(file, text);
  return { file, buildMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

// npm packages are imported by their resolved absolute path: a bare name would resolve from
// the bundle's folder, where pnpm does not expose the dependencies of @stibium/core.
function externalPackages(): Plugin {
  const builtins = new Set(builtinModules);
  return {
    name: 'stibium-external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith('@stibium/') || args.pluginData === 'external-lookup') return undefined;
        if (args.path.startsWith('node:') || builtins.has(args.path)) return { path: args.path, external: true };
        const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'external-lookup' });
        if (found.errors.length > 0) return { errors: found.errors };
        return { path: pathToFileURL(found.path).href, external: true };
      });
    },
  };
}

// `import.meta.url` must keep naming the source file (mathjs-bundle.ts resolves from it,
// run.ts derives the default model's URL from it), not the bundle.
function fileMeta(): Plugin {
  return {
    name: 'stibium-file-meta',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const source = readFileSync(args.path, 'utf8')
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path));
        return { contents: source, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

// Concurrent processes may write the same bundle: each writes a private temp file and
// renames it into place, so a reader never sees half a file.
function writeOnce(file: string, text: string): void {
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
  pruneBundles(dirname(file), file);
}

/**
 * Removes all but the {@link WORKER_BUNDLES_KEPT} newest bundles of `dir` (`keep`, just
 * written, always stays). Source maps sit inside the bundle, so one file is one bundle.
 */
export function pruneBundles(dir: string, keep: string): void {
  const found: { path: string; mtimeMs: number }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep || !/^worker-[0-9a-f]+\.mjs$/.test(name)) continue;
    try {
      found.push({ path, mtimeMs: statSync(path).mtimeMs });
    } catch {
      // another process removed it meanwhile
    }
  }
  found.sort((a, b) => b.mtimeMs - a.mtimeMs || (a.path < b.path ? -1 : 1));
  for (const { path } of found.slice(WORKER_BUNDLES_KEPT - 1)) {
    try {
      unlinkSync(path);
    } catch {
      // another process removed or is replacing it
    }
  }
}
