import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runExperiment, DEFAULT_MODEL_MODULE } from '../../src/experiment/run.ts';
import { bundledExecArgv } from '../../src/experiment/pool.ts';
import { bundleFileName, buildWorkerBundle, pruneBundles, workerBundle, WORKER_BUNDLE_ENV, WORKER_BUNDLES_KEPT } from '../../src/experiment/worker-bundle.ts';
import { loadScenario } from '../../src/format/load.ts';
import { scenarioCatalog } from '../../src/model/run-once.ts';
import type { ExperimentPlan } from '../../src/experiment/types.ts';
import { folderBytes, runFake, tempDir, twoScenarioPlan } from './support/run.ts';
import { FAKE_MODEL, fakeScenario } from './support/scenarios.ts';

const savedEnv = process.env[WORKER_BUNDLE_ENV];
afterEach(() => {
  if (savedEnv === undefined) delete process.env[WORKER_BUNDLE_ENV];
  else process.env[WORKER_BUNDLE_ENV] = savedEnv;
});

function manifestLogHashes(dir: string): unknown {
  return (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { runs: { logHashes: unknown }[] }).runs.map((r) => r.logHashes);
}

describe('worker bundle', () => {
  it('given the fake model, a bundled pool writes the same files and logs as this thread', async () => {
    delete process.env[WORKER_BUNDLE_ENV];
    // given the bundle builds for the fake model
    expect(await workerBundle(FAKE_MODEL)).not.toBeNull();
    // when the same plan runs in this thread and on 2 bundled workers, logs kept
    const dir = tempDir();
    const plan = twoScenarioPlan(12, { from: 0, to: 12 }, true);
    await runFake(plan, join(dir, 'w0'), { workers: 0 });
    await runFake(plan, join(dir, 'w2'), { workers: 2 });
    // then every file is identical, and so are the stored logs
    expect(folderBytes(join(dir, 'w2'))).toEqual(folderBytes(join(dir, 'w0')));
    const log = join('logs', 'policy', readdirSync(join(dir, 'w0', 'logs', 'policy')).sort()[0] as string);
    expect(readFileSync(join(dir, 'w2', log))).toEqual(readFileSync(join(dir, 'w0', log)));
    // and no bundle is left in the results folder
    expect(readdirSync(join(dir, 'w2')).filter((f) => f.endsWith('.mjs'))).toEqual([]);
  });

  it('given the antimony model, a bundled pool gives the log hashes of this thread', async () => {
    delete process.env[WORKER_BUNDLE_ENV];
    expect(await workerBundle(DEFAULT_MODEL_MODULE)).not.toBeNull();
    const scenario = loadScenario('scenarios/baseline.yaml', scenarioCatalog());
    const plan: ExperimentPlan = { cases: [{ id: 'baseline', scenario, variant: undefined }], baseline: null, runs: 3, range: { from: 0, to: 3 }, seed: 'bundle', keepLogs: false };
    const dir = tempDir();
    await runExperiment(plan, { out: join(dir, 'w0'), workers: 0 });
    await runExperiment(plan, { out: join(dir, 'w2'), workers: 2 });
    expect(manifestLogHashes(join(dir, 'w2'))).toEqual(manifestLogHashes(join(dir, 'w0')));
    expect(folderBytes(join(dir, 'w2'))).toEqual(folderBytes(join(dir, 'w0')));
  }, 120_000);

  it('keeps the .ts file of a failing model run in the error stack', async () => {
    delete process.env[WORKER_BUNDLE_ENV];
    const plan = twoScenarioPlan(6);
    const failing = { ...plan, cases: plan.cases.map((c) => (c.id === 'policy' ? { ...c, scenario: fakeScenario('policy', { failAtRun: 3 }) } : c)) };
    const error = (await runFake(failing, join(tempDir(), 'f'), { workers: 1 }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('fake model failure at run 3');
    expect(error.stack).toMatch(/fake-model\.ts:\d+:\d+/);
  });

  it(`given ${WORKER_BUNDLE_ENV}=0, workers load TypeScript through tsx with the same results`, async () => {
    process.env[WORKER_BUNDLE_ENV] = '0';
    expect(await workerBundle(FAKE_MODEL)).toBeNull();
    const dir = tempDir();
    const plan = twoScenarioPlan(8);
    await runFake(plan, join(dir, 'tsx'), { workers: 2 });
    delete process.env[WORKER_BUNDLE_ENV];
    await runFake(plan, join(dir, 'bundled'), { workers: 2 });
    expect(folderBytes(join(dir, 'tsx'))).toEqual(folderBytes(join(dir, 'bundled')));
  });

  it('falls back to tsx when the model module cannot be bundled', async () => {
    delete process.env[WORKER_BUNDLE_ENV];
    // given a model esbuild cannot bundle (not a file), which Node can still import
    const source = `export function runScenarioOnce(s, v, run, seed) { return { scenario: s.name, run, seed, logHash: '0'.repeat(64), outcomes: { 'x': { '2025': run * 2 } } }; }`;
    const model = `data:text/javascript,${encodeURIComponent(source)}`;
    expect(await workerBundle(model)).toBeNull();
    // when it runs on a worker, then the runs still complete
    const dir = tempDir();
    const result = await runExperiment(twoScenarioPlan(4), { out: join(dir, 'd'), workers: 1, modelModule: model });
    expect(result.executed).toBe(4);
    expect(readFileSync(join(dir, 'd', 'runs.csv'), 'utf8')).toContain(',6');
  });

  it('names bundle files by their content, so the same input gives the same file', async () => {
    const dir = tempDir('stibium-bundle-');
    const first = await buildWorkerBundle(FAKE_MODEL, dir);
    const second = await buildWorkerBundle(FAKE_MODEL, dir);
    expect(second.file).toBe(first.file);
    expect(basename(first.file)).toBe(bundleFileName(readFileSync(first.file, 'utf8')));
    expect(basename(first.file)).toMatch(/^worker-[0-9a-f]{24}\.mjs$/);
    expect(readdirSync(dir)).toEqual([basename(first.file)]);
    expect(bundleFileName('a')).not.toBe(bundleFileName('b'));
  });

  it('keeps the newest bundles by file time when a new one is written, and nothing else is touched', () => {
    // given 12 old bundles with distinct modification times, a temp file and an unrelated file
    const dir = tempDir('stibium-bundle-');
    const bundle = (i: number): string => `worker-${i.toString(16).padStart(24, '0')}.mjs`;
    for (let i = 0; i < 12; i++) {
      writeFileSync(join(dir, bundle(i)), `// ${i}`);
      utimesSync(join(dir, bundle(i)), 1_000_000 + i, 1_000_000 + i);
    }
    writeFileSync(join(dir, `${bundle(1)}.123.abcd.tmp`), '');
    writeFileSync(join(dir, 'notes.txt'), '');
    const fresh = join(dir, bundle(99));
    writeFileSync(fresh, '// new');
    utimesSync(fresh, 500, 500); // its own time does not matter: the new bundle always stays
    // when pruning after writing the fresh one
    pruneBundles(dir, fresh);
    // then the fresh bundle and the newest others make WORKER_BUNDLES_KEPT, other files stay
    const newest = Array.from({ length: WORKER_BUNDLES_KEPT - 1 }, (_, k) => bundle(11 - k));
    expect(readdirSync(dir).sort()).toEqual([...newest, bundle(99), `${bundle(1)}.123.abcd.tmp`, 'notes.txt'].sort());
  });

  it('bundles workspace sources and imports npm packages by absolute path', async () => {
    const { file } = await buildWorkerBundle(FAKE_MODEL, tempDir('stibium-bundle-'));
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1] as string);
    expect(imports.some((i) => i.includes('@stibium'))).toBe(false);
    for (const i of imports.filter((i) => !i.startsWith('node:'))) expect(existsSync(new URL(i))).toBe(true);
    expect(imports.some((i) => i.includes('/piscina/'))).toBe(true);
    expect(text).toContain('//# sourceMappingURL=data:application/json;base64,');
  });

  it('drops the tsx loader from bundled workers and turns source maps on', () => {
    const saved = process.execArgv;
    try {
      process.execArgv = ['--require', '/x/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///x/node_modules/tsx/dist/loader.mjs', '--conditions', 'dev', '--max-old-space-size=900', '--import=tsx'];
      expect(bundledExecArgv()).toEqual(['--conditions', 'dev', '--enable-source-maps']);
    } finally {
      process.execArgv = saved;
    }
  });
});
