import dns from 'node:dns';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeReport } from '@stibium/report';
import { runExperiment } from '../../src/experiment/run.ts';
import { safeSegment } from '../../src/results/log-store.ts';
import { loadScenario } from '../../src/format/load.ts';
import { DEFAULT_MODEL_MODULE } from '../../src/experiment/run.ts';
import { scenarioCatalog } from '../../src/model/run-once.ts';
import { FAKE_MODEL, fakeScenario } from './support/scenarios.ts';

const root = mkdtempSync(join(tmpdir(), 'stibium-security-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));
}

describe('security of a run', () => {
  it('given network access is trapped, when the real model runs an experiment and writes its report, then nothing touches the network', async () => {
    // Every way out goes through net sockets or DNS; trap them for this in-process run.
    const connect = vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(() => {
      throw new Error('network access during a run');
    });
    const lookup = vi.spyOn(dns, 'lookup').mockImplementation((() => {
      throw new Error('DNS lookup during a run');
    }) as never);
    try {
      const scenario = loadScenario('scenarios/baseline.yaml', scenarioCatalog());
      const out = join(root, 'net');
      await runExperiment(
        { cases: [{ id: 'baseline', scenario, variant: undefined }], baseline: null, runs: 1, range: { from: 0, to: 1 }, seed: 'net', keepLogs: false },
        { out, workers: 0, modelModule: DEFAULT_MODEL_MODULE },
      );
      await writeReport(out);
      expect(existsSync(join(out, 'report.html'))).toBe(true);
      expect(connect).not.toHaveBeenCalled();
      expect(lookup).not.toHaveBeenCalled();
    } finally {
      connect.mockRestore();
      lookup.mockRestore();
    }
  });

  it.each(['../../escape', '/etc/passwd', '..', 'a/../../b', 'C:\\\\x', '.'])(
    'given a scenario named %j with logs kept, when it runs, then every file stays inside the results folder',
    async (name) => {
      const out = join(root, `paths-${safeSegment(name)}`);
      await runExperiment(
        { cases: [{ id: name, scenario: fakeScenario(name), variant: undefined }], baseline: null, runs: 2, range: { from: 0, to: 2 }, seed: 's', keepLogs: true },
        { out, workers: 0, modelModule: FAKE_MODEL },
      );
      const files = filesUnder(out);
      expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
      for (const file of files) {
        const rel = relative(resolve(out), resolve(file));
        expect(rel.startsWith('..')).toBe(false);
        expect(statSync(file).isFile() || statSync(file).isDirectory()).toBe(true);
      }
      expect(readdirSync(root).every((entry) => entry.startsWith('paths-') || entry === 'net')).toBe(true);
    },
  );
});
